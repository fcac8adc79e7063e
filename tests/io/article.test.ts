import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
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

describe('reading an article safely', () => {
  it('decodes UTF-16 with a byte-order mark, little and big endian', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-utf16-'));
    const text = 'Le conseil a voté le budget. Il sera publié demain.';
    await writeFile(path.join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le');
    be.swap16();
    await writeFile(path.join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    for (const name of ['le.txt', 'be.txt']) expect((await readArticle(path.join(dir, name))).blocks[0]).toMatchObject({ sentences: [{ text: 'Le conseil a voté le budget.' }, { text: 'Il sera publié demain.' }] });
  });

  it('treats a sidecar name that is too long as no sidecar, and refuses a sidecar that is not a regular file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-side-'));
    const long = `${'a'.repeat(251)}.txt`;
    await writeFile(path.join(dir, long), 'A legal file name of 255 bytes holds this text.');
    expect((await readArticle(path.join(dir, long))).blocks).toHaveLength(1);
    await writeFile(path.join(dir, 'story.txt'), 'Some text here.');
    await mkdir(path.join(dir, 'story.json'));
    await expect(readArticle(path.join(dir, 'story.txt'))).rejects.toThrow(/story\.json: is a folder, not a file/);
  });

  it('names a file with control characters escaped, in one line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-name-'));
    const error = (await readArticle(path.join(dir, 'bad\nname\u001b[31m.txt')).then(() => undefined, (e: unknown) => e)) as Error | undefined;
    expect(error?.message).toMatch(/bad\\nname\\x1b\[31m\.txt: no such file$/);
    expect(error?.message).not.toContain('\n');
  });
});
