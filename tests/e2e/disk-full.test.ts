import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';
import { mountTmpfs } from '../helpers/tmpfs.js';

/*
 * A disk that fills up while an article is being rewritten: the article's
 * folder on a small tmpfs keeps exactly its previous files, the run says so in
 * one line and exits 1, and once there is room again the same command writes
 * the new outputs.
 */
const CLI = path.resolve('dist/cli/bin.js');
const disk = mountTmpfs(4 * 1024 * 1024);

function voxpress(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = (await readFile(path.join(dir, name))).toString('base64');
  return files;
}

afterAll(() => disk?.unmount());

describe.skipIf(!disk)('a full disk', () => {
  it('leaves the article folder exactly as it was, with one clear line, and the next run with room writes it', async () => {
    const input = await mkdtemp(path.join(os.tmpdir(), 'vox-full-in-'));
    const article = path.join(input, 'story.md');
    const out = path.join(disk!.dir, 'out');
    const formats = ['--formats', 'json,ssml,epub,pdf', '--quiet'];
    await writeFile(article, '---\ntitle: A story\nlang: en\n---\nThe council met on Monday. It agreed the budget.\n');
    expect(voxpress(article, '--out', out, ...formats)).toMatchObject({ status: 0, stderr: '' });
    const folder = path.join(out, 'story');
    const before = await snapshot(folder);
    expect(Object.keys(before)).toEqual(['.voxpress.json', 'article.epub', 'article.pdf', 'document.json', 'narration.ssml']);

    // Leave one page of room: even with the old manifest gone, less than the new PDF needs (11 KB).
    const { bavail, bsize } = await statfs(disk!.dir);
    const filler = path.join(disk!.dir, 'filler');
    await writeFile(filler, Buffer.alloc(Math.max(0, bavail * bsize - 4 * 1024)));
    await writeFile(article, '---\ntitle: A story\nlang: en\n---\nThe council met on Tuesday. It agreed the budget.\n');
    const full = voxpress(article, '--out', out, ...formats);
    expect(full.status).toBe(1);
    expect(full.stderr).toBe(`voxpress: ${article}: cannot write ${folder}: no space left on the disk\n`);
    expect(await snapshot(folder)).toEqual(before);
    expect(await readdir(out)).toEqual(['story']);

    await rm(filler);
    expect(voxpress(article, '--out', out, ...formats)).toMatchObject({ status: 0, stderr: '' });
    const doc = JSON.parse(await readFile(path.join(folder, 'document.json'), 'utf8'));
    expect(documentProblems(doc)).toEqual([]);
    expect(JSON.stringify(doc)).toContain('Tuesday');
  });
});
