import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic.js';

describe('writeFileAtomic', () => {
  it('creates folders, replaces the file, and leaves no temporary file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-'));
    const file = path.join(dir, 'deep', 'out.txt');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, new TextEncoder().encode('two'));
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(path.dirname(file))).toEqual(['out.txt']);
  });
  it('leaves the old file untouched and no temporary file when the write fails', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-'));
    const file = path.join(dir, 'out.txt');
    await writeFile(file, 'old');
    // A non-empty folder where the file should go makes the rename fail after the temporary file is written.
    await mkdir(path.join(dir, 'target', 'sub'), { recursive: true });
    await expect(writeFileAtomic(path.join(dir, 'target'), 'x')).rejects.toThrow();
    expect(await readFile(file, 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
