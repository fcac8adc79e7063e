import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverFolder, recoverFoldersIn, removeFolder, replaceFolder, replaceFolderWith, writeFileAtomic } from '../../src/io/atomic.js';

/** A pid no process has (above Linux's largest pid_max), standing for a run that was killed. */
const DEAD = 99_999_999;

async function folder(files: Record<string, string>): Promise<{ parent: string; dir: string }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'vox-folder-'));
  const dir = path.join(parent, 'story');
  await mkdir(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return { parent, dir };
}

async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(path.join(dir, name), 'utf8');
  return out;
}

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

describe('replaceFolder', () => {
  it('creates a missing folder with exactly the files, and nothing beside it', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'vox-folder-'));
    const dir = path.join(parent, 'out', 'story');
    await replaceFolder(dir, [{ name: 'a.json', data: '{}' }, { name: 'b.bin', data: new Uint8Array([1, 2]) }]);
    expect(await contents(dir)).toEqual({ 'a.json': '{}', 'b.bin': '\u0001\u0002' });
    expect(await readdir(path.dirname(dir))).toEqual(['story']);
  });

  it('replaces the old set whole: old files go, files `keep` selects stay, an unchanged file keeps its inode', async () => {
    const { parent, dir } = await folder({ 'same.txt': 'same', 'changed.txt': 'old', 'gone.txt': 'old', 'notes.txt': 'mine' });
    const inode = (await stat(path.join(dir, 'same.txt'))).ino;
    await replaceFolder(dir, [{ name: 'same.txt', data: 'same' }, { name: 'changed.txt', data: 'new' }], { keep: (n) => n === 'notes.txt' });
    expect(await contents(dir)).toEqual({ 'changed.txt': 'new', 'notes.txt': 'mine', 'same.txt': 'same' });
    expect((await stat(path.join(dir, 'same.txt'))).ino).toBe(inode);
    expect(await readdir(parent)).toEqual(['story']);
  });

  it('writes a file given in parts as the parts end to end, keeps it when unchanged, and replaces it when only its last byte changed', async () => {
    // More parts than one writev takes and more bytes than one comparison window reads.
    const parts = Array.from({ length: 1500 }, (_, i) => new Uint8Array(1000).fill(i & 0xff));
    const whole = Buffer.concat(parts);
    const { dir } = await folder({});
    await replaceFolder(dir, [{ name: 'book.epub', data: parts }]);
    expect((await readFile(path.join(dir, 'book.epub'))).equals(whole)).toBe(true);
    const inode = (await stat(path.join(dir, 'book.epub'))).ino;
    await replaceFolder(dir, [{ name: 'book.epub', data: parts }]);
    expect((await stat(path.join(dir, 'book.epub'))).ino).toBe(inode);
    const changed = [...parts.slice(0, -1), new Uint8Array(1000).fill(7).fill(8, 999)];
    await replaceFolder(dir, [{ name: 'book.epub', data: changed }]);
    expect((await stat(path.join(dir, 'book.epub'))).ino).not.toBe(inode);
    expect((await readFile(path.join(dir, 'book.epub'))).equals(Buffer.concat(changed))).toBe(true);
  });

  it('leaves the old folder exactly as it was when a write fails half-way, and no staging folder', async () => {
    const { parent, dir } = await folder({ 'a.txt': 'old a', 'b.txt': 'old b' });
    // The second file cannot be created (its folder does not exist) after the first was written.
    await expect(replaceFolder(dir, [{ name: 'a.txt', data: 'new a' }, { name: 'missing/b.txt', data: 'new b' }])).rejects.toThrow(/ENOENT/);
    expect(await contents(dir)).toEqual({ 'a.txt': 'old a', 'b.txt': 'old b' });
    expect(await readdir(parent)).toEqual(['story']);
  });
});

describe('replaceFolderWith', () => {
  it('swaps in the folder `fill` wrote, replacing the old one whole, and nothing beside it', async () => {
    const { parent, dir } = await folder({ 'old.txt': 'old' });
    await replaceFolderWith(dir, async (staging) => {
      // The old folder is still whole while the new one is written.
      expect(await contents(dir)).toEqual({ 'old.txt': 'old' });
      await writeFile(path.join(staging, 'new.bin'), 'streamed');
    });
    expect(await contents(dir)).toEqual({ 'new.bin': 'streamed' });
    expect(await readdir(parent)).toEqual(['story']);
  });

  it('leaves the old folder untouched and no staging folder when `fill` fails', async () => {
    const { parent, dir } = await folder({ 'old.txt': 'old' });
    const failing = replaceFolderWith(dir, async (staging) => {
      await writeFile(path.join(staging, 'half.bin'), 'half');
      throw new Error('download failed');
    });
    await expect(failing).rejects.toThrow('download failed');
    expect(await contents(dir)).toEqual({ 'old.txt': 'old' });
    expect(await readdir(parent)).toEqual(['story']);
  });
});

describe('removeFolder', () => {
  it('removes the folder and leaves nothing beside it; false when there was none', async () => {
    const { parent, dir } = await folder({ 'a.txt': 'a' });
    expect(await removeFolder(dir)).toBe(true);
    expect(await readdir(parent)).toEqual([]);
    expect(await removeFolder(dir)).toBe(false);
  });
});

describe('recoverFolder', () => {
  it('removes the staging folder, retired folder and temporary files a killed run left', async () => {
    const { parent, dir } = await folder({ 'a.txt': 'a', [`.a.txt.${DEAD}.0123abcd.tmp`]: 'half' });
    await mkdir(path.join(parent, `.story.staging-${DEAD}-00ff`));
    await writeFile(path.join(parent, `.story.staging-${DEAD}-00ff`, 'a.txt'), 'half');
    await mkdir(path.join(parent, `.story.old-${DEAD}-11ee`));
    await mkdir(path.join(parent, `.other.staging-${DEAD}-22dd`));
    await recoverFolder(dir);
    expect(await contents(dir)).toEqual({ 'a.txt': 'a' });
    expect((await readdir(parent)).sort()).toEqual([`.other.staging-${DEAD}-22dd`, 'story']);
  });

  it('moves back a folder retired by a run killed between its two renames', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'vox-folder-'));
    const retired = path.join(parent, `.story.old-${DEAD}-aa00`);
    await mkdir(retired);
    await writeFile(path.join(retired, 'a.txt'), 'old');
    await mkdir(path.join(parent, `.story.staging-${DEAD}-bb11`));
    await recoverFolder(path.join(parent, 'story'));
    expect(await contents(path.join(parent, 'story'))).toEqual({ 'a.txt': 'old' });
    expect(await readdir(parent)).toEqual(['story']);
  });

  it('leaves alone the staging folder of a run still going', async () => {
    const { parent, dir } = await folder({ 'a.txt': 'a' });
    const live = path.join(parent, `.story.staging-${process.ppid}-cc22`);
    await mkdir(live);
    await recoverFolder(dir);
    expect((await readdir(parent)).sort()).toEqual([path.basename(live), 'story']);
  });
});

describe('recoverFoldersIn', () => {
  it('recovers every folder of the parent a dead run left siblings of: a retired one is put back, a half-removed one is not', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'vox-folder-'));
    await mkdir(path.join(parent, `.story.old-${DEAD}-aa00`));
    await writeFile(path.join(parent, `.story.old-${DEAD}-aa00`, 'a.txt'), 'old');
    await mkdir(path.join(parent, `.gone.removed-${DEAD}-bb11`));
    await writeFile(path.join(parent, `.gone.removed-${DEAD}-bb11`, 'half.txt'), 'half');
    await mkdir(path.join(parent, `.new.staging-${DEAD}-cc22`));
    await mkdir(path.join(parent, `.busy.staging-${process.ppid}-dd33`));
    await mkdir(path.join(parent, '.not-a-sibling'));
    await recoverFoldersIn(parent);
    expect((await readdir(parent)).sort()).toEqual([`.busy.staging-${process.ppid}-dd33`, '.not-a-sibling', 'story']);
    expect(await contents(path.join(parent, 'story'))).toEqual({ 'a.txt': 'old' });
  });

  it('does nothing for a parent that does not exist', async () => {
    await expect(recoverFoldersIn(path.join(os.tmpdir(), `vox-missing-${DEAD}`))).resolves.toBeUndefined();
  });
});
