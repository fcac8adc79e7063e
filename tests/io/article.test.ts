import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/io/article.js';
import { formatOf } from '../../src/readers/index.js';

const fixture = (name: string): string => new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;

describe('readArticle', () => {
  it('reads the sample article', async () => {
    const doc = await readArticle('input/khorev-asif-meeting.txt');
    expect(doc.meta).toMatchObject({
      title: 'In a move aimed at strengthening bilateral relations, the Russian Ambassador to Pakistan',
      titleDerived: true,
      lang: 'en',
      date: '2024-10-08',
    });
    expect(doc.blocks).toHaveLength(6);
    expect(doc.blocks[0]?.type === 'paragraph' && doc.blocks[0].sentences[0]?.text).toMatch(/Albert P\. Khorev, met with .* on Monday\.$/);
  });

  it('takes metadata from a sidecar JSON next to a .txt, and flags win over it', async () => {
    const doc = await readArticle(fixture('sidecar-article.txt'));
    expect(doc.meta).toMatchObject({ title: 'Council approves budget', lang: 'en-US', authors: ['Sam Lee'], source: 'Town Times', date: '2024-03-01' });
    const flagged = await readArticle(fixture('sidecar-article.txt'), { title: 'Flag title', lang: 'de' });
    expect(flagged.meta).toMatchObject({ title: 'Flag title', lang: 'de' });
  });

  it('names the sidecar when it is broken', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-'));
    await writeFile(path.join(dir, 'a.txt'), 'Text.');
    await writeFile(path.join(dir, 'a.json'), '{"lang": "no such language tag!"}');
    await expect(readArticle(path.join(dir, 'a.txt'))).rejects.toThrow(`${path.join(dir, 'a.txt')}: invalid language tag`);
    await writeFile(path.join(dir, 'a.json'), '{oops');
    await expect(readArticle(path.join(dir, 'a.txt'))).rejects.toThrow(`${path.join(dir, 'a.json')}: invalid JSON`);
  });

  it('gives one-line errors for missing files and folders', async () => {
    await expect(readArticle('nope/missing.txt')).rejects.toThrow('nope/missing.txt: no such file');
    await expect(readArticle('input')).rejects.toThrow('input: is a folder, not a file');
  });

  it('refuses a markup-only article', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-'));
    await writeFile(path.join(dir, 'a.md'), '---\ntitle: x\n---\n\n<div></div>\n');
    await expect(readArticle(path.join(dir, 'a.md'))).rejects.toThrow(/no text to read/);
  });

  it('chooses the reader from the extension', () => {
    expect(formatOf('a.md')).toBe('markdown');
    expect(formatOf('a.MARKDOWN')).toBe('markdown');
    expect(formatOf('a.txt')).toBe('text');
    expect(formatOf('a')).toBe('text');
  });
});
