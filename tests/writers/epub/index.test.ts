import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FORMATS, writerFor } from '../../../src/writers/index.js';
import { processArticle } from '../../../src/pipeline/article.js';
import { epubcheckTs, FIXTURES, imagesOf, loadArticle, problems, SAMPLE, syntheticNarration, unzip, values, xml } from '../../helpers/epub.js';
import { fakeResources } from '../../helpers/writers.js';
import { contentBytes } from '../../../src/shared/bytes.js';

const { doc, resourceDir } = loadArticle(SAMPLE);
const epub = writerFor('epub')!;


describe('the epub writer', () => {
  it('is registered and made by default', () => {
    expect(epub).toBeDefined();
    expect(epub.byDefault).toBe(true);
    expect(DEFAULT_FORMATS).toContain('epub');
  });

  it('makes article.epub without narration when no audio is made', async () => {
    const resources = fakeResources({ images: await imagesOf(doc, resourceDir) });
    const files = await epub.write({ doc, options: {}, resources, warn: () => {} });
    expect(files.map((f) => f.name)).toEqual(['article.epub']);
    expect(resources.narrationCalls).toBe(0);
    const book = await unzip(contentBytes(files[0]!.data));
    expect(book.has('OEBPS/content.smil')).toBe(false);
    expect(problems(await epubcheckTs(contentBytes(files[0]!.data)))).toEqual([]);
  });

  it('adds Media Overlays from the shared narration when the run makes it', async () => {
    const narration = await syntheticNarration(doc);
    const resources = fakeResources({ narration });
    const files = await epub.write({ doc, options: {}, resources, warn: () => {} });
    expect(resources.narrationCalls).toBe(1);
    const book = await unzip(contentBytes(files[0]!.data));
    expect(book.has('OEBPS/content.smil')).toBe(true);
    expect(book.get('OEBPS/audio/narration.mp3')).toEqual(contentBytes(narration.mp3));
  });

  it('names the certifier from the options, else the article source, else voxpress', async () => {
    const certifier = async (d: typeof doc, epubOptions?: { certifiedBy?: string }): Promise<string[]> => {
      const files = await epub.write({ doc: d, options: epubOptions ? { epub: epubOptions } : {}, resources: fakeResources(), warn: () => {} });
      const opf = xml(await unzip(contentBytes(files[0]!.data)), 'OEBPS/content.opf');
      const found = values(opf, '//opf:meta[@property="a11y:certifiedBy"]');
      opf.dispose();
      return found;
    };
    expect(await certifier(doc)).toEqual(['voxpress']);
    expect(await certifier({ ...doc, meta: { ...doc.meta, source: 'Daily Example' } })).toEqual(['Daily Example']);
    expect(await certifier({ ...doc, meta: { ...doc.meta, source: 'Daily Example' } }, { certifiedBy: 'Accessible Books Inc.' })).toEqual(['Accessible Books Inc.']);
  });
});

describe('images through the pipeline', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('embeds a local image next to the article; a missing one is left out with a warning and its text alternative shown', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'voxpress-epub-img-'));
    await writeFile(path.join(dir, 'story.md'), '# Story\n\nText before the picture.\n\n![A chart](pics/chart.png)\n');
    const task = { file: path.join(dir, 'story.md'), outDir: path.join(dir, 'out'), options: { formats: ['epub'], overrides: {}, writer: {} }, force: true };
    const missing = await processArticle(task);
    expect(missing.status).toBe('written');
    expect(missing.status === 'written' && missing.warnings).toEqual(['figure f1: image "pics/chart.png" left out: not found']);
    const without = await readFile(path.join(dir, 'out', 'article.epub'));
    expect([...(await unzip(without)).keys()].filter((name) => name.includes('images/'))).toEqual([]);
    expect(new TextDecoder().decode((await unzip(without)).get('OEBPS/content.xhtml'))).toContain('<p class="remote-image">A chart</p>');
    expect(problems(await epubcheckTs(new Uint8Array(without)))).toEqual([]);

    await mkdir(path.join(dir, 'pics'));
    await copyFile(path.join(FIXTURES, 'chart.png'), path.join(dir, 'pics', 'chart.png'));
    const written = await processArticle(task);
    expect(written.status).toBe('written');
    const book = await readFile(path.join(dir, 'out', 'article.epub'));
    const files = await unzip(book);
    expect(files.get('OEBPS/images/f1.png')?.length).toBeGreaterThan(0);
    expect(problems(await epubcheckTs(new Uint8Array(book)))).toEqual([]);
  });
});
