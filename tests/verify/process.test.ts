import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classPathProblem, findCommand, findCommands, runProcess, tail } from '../../src/verify/process.js';

describe('processes and tools', () => {
  it('runs a command to its end, with its exit code and output, and counts stdout it does not keep', async () => {
    const env = { PATH: process.env.PATH };
    expect(await runProcess(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)'], { env, timeoutMs: 30_000 })).toEqual({ code: 3, stdout: 'out', stderr: 'err', stdoutBytes: 3 });
    expect(await runProcess(process.execPath, ['-e', 'process.stdout.write("x".repeat(1000))'], { env, timeoutMs: 30_000, keepStdout: false })).toMatchObject({ code: 0, stdout: '', stdoutBytes: 1000 });
  });

  it('never throws: a command that cannot start, or runs out of time, says so', async () => {
    expect((await runProcess('/no/such/tool', [], { env: {}, timeoutMs: 30_000 })).failure).toMatch(/could not start \/no\/such\/tool/);
    const slow = await runProcess(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { env: {}, timeoutMs: 200 });
    expect(slow).toMatchObject({ code: null, failure: 'no answer within 0 s' });
  });

  it('finds commands on exactly the PATH it is given, every match in order', async () => {
    const [a, b] = [await mkdtemp(path.join(os.tmpdir(), 'voxpress-path-')), await mkdtemp(path.join(os.tmpdir(), 'voxpress-path-'))];
    for (const dir of [a, b]) {
      await writeFile(path.join(dir, 'tool'), '#!/bin/sh\n');
      await chmod(path.join(dir, 'tool'), 0o755);
    }
    await writeFile(path.join(a, 'plain'), '');
    expect(await findCommands('tool', { PATH: [a, '', b].join(path.delimiter) })).toEqual([path.join(a, 'tool'), path.join(b, 'tool')]);
    expect(await findCommand('tool', { PATH: b })).toBe(path.join(b, 'tool'));
    expect(await findCommand('plain', { PATH: a })).toBeUndefined();
    expect(await findCommand('tool', {})).toBeUndefined();
  });

  it('checks class paths: a folder of jars, or jar files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-cp-'));
    expect(await classPathProblem(`${dir}/*`)).toBe(`${dir} holds no .jar file`);
    await writeFile(path.join(dir, 'a.jar'), '');
    expect(await classPathProblem(`${dir}/*`)).toBeUndefined();
    expect(await classPathProblem(path.join(dir, 'a.jar'))).toBeUndefined();
    expect(await classPathProblem(dir)).toBe(`${dir} is not a file`);
    expect(await classPathProblem('/no/such.jar')).toBe('/no/such.jar does not exist');
  });

  it('keeps the last lines of a console', () => {
    expect(tail('a\nb\nc\n', 2)).toBe('b | c');
  });
});
