import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRefused, readBoundedFile } from '../../src/io/files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vox-files-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readBoundedFile', () => {
  it('reads a regular file within the limit', async () => {
    await writeFile(path.join(dir, 'a.txt'), 'hello');
    expect((await readBoundedFile(path.join(dir, 'a.txt'), 10)).toString()).toBe('hello');
  });

  it('refuses, before reading, a file over the limit, a folder, a device and a FIFO (which must not hang)', async () => {
    await writeFile(path.join(dir, 'big.txt'), 'x'.repeat(100));
    await mkdir(path.join(dir, 'folder'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const refusal = (file: string) => readBoundedFile(file, 50).then(() => undefined, (e: unknown) => e);
    expect(await refusal(path.join(dir, 'big.txt'))).toMatchObject({ code: 'EFBIG', message: 'file is too large (100 bytes; the limit is 50)' });
    expect(await refusal(path.join(dir, 'folder'))).toMatchObject({ code: 'EISDIR' });
    expect(await refusal('/dev/zero')).toMatchObject({ code: 'ENOTREG', message: 'is not a regular file' });
    expect(await refusal(path.join(dir, 'pipe'))).toMatchObject({ code: 'ENOTREG' });
    expect(await refusal(path.join(dir, 'missing'))).toBeInstanceOf(FileRefused);
    expect(await refusal(path.join(dir, 'missing'))).toMatchObject({ code: 'ENOENT', message: 'no such file' });
  });
});
