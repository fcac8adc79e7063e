import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleContext, findArticles, FolderError, outputFiles } from '../../src/verify/folders.js';
import { smallDoc, timingFor } from '../helpers/verify.js';

describe('article folders', () => {
  it('lists voxpress outputs in report order and ignores other files', () => {
    expect(outputFiles(['article.pdf', 'notes.txt', 'narration.polly.002.ssml', 'narration.ssml', 'narration.polly.001.ssml', '.voxpress.json', 'document.json', 'verify-report.json'])).toEqual([
      '.voxpress.json', 'document.json', 'narration.ssml', 'narration.polly.001.ssml', 'narration.polly.002.ssml', 'article.pdf',
    ]);
  });

  it('finds the article folders of an output folder, sorted, or the folder itself when it is one', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-folders-'));
    for (const [dir, file] of [['b', 'article.pdf'], ['a', 'document.json'], ['empty', 'notes.txt']] as const) {
      await mkdir(path.join(out, dir));
      await writeFile(path.join(out, dir, file), '');
    }
    expect(await findArticles(out)).toEqual([{ folder: 'a', files: ['document.json'] }, { folder: 'b', files: ['article.pdf'] }]);
    expect(await findArticles(path.join(out, 'b'))).toEqual([{ folder: '.', files: ['article.pdf'] }]);
  });

  it('refuses a missing folder, a file, and a folder without outputs', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-folders-'));
    await writeFile(path.join(out, 'file.txt'), '');
    await expect(findArticles(path.join(out, 'nope'))).rejects.toThrow(new FolderError(`${path.join(out, 'nope')}: no such file`));
    await expect(findArticles(path.join(out, 'file.txt'))).rejects.toThrow(/is not a folder/);
    await expect(findArticles(out)).rejects.toThrow(/holds no voxpress outputs/);
  });

  it('reads the document and timing the other checks compare with, only when they are usable', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-folders-'));
    const doc = smallDoc();
    await writeFile(path.join(out, 'document.json'), JSON.stringify(doc));
    await writeFile(path.join(out, 'timing.json'), JSON.stringify(timingFor(doc)));
    expect(await articleContext(out, { folder: '.', files: ['document.json', 'timing.json'] })).toEqual({ document: doc, timing: timingFor(doc) });
    await writeFile(path.join(out, 'document.json'), '{}');
    await writeFile(path.join(out, 'timing.json'), '[');
    expect(await articleContext(out, { folder: '.', files: ['document.json', 'timing.json'] })).toEqual({});
  });
});
