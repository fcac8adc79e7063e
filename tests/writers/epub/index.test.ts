import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Narration } from '../../../src/speech/types.js';
import { Artifacts, DEFAULT_FORMATS, writerFor } from '../../../src/writers/index.js';
import { processArticle } from '../../../src/pipeline.js';
import { epubcheckTs, FIXTURES, loadArticle, problems, SAMPLE, syntheticNarration, unzip, values, xml } from './helpers.js';

// The real narration comes from the speech stage; here a synthetic one stands in, and the spy tells whether it was asked for.
const narrationSpy = vi.hoisted(() => ({ calls: 0, narration: undefined as Narration | undefined }));
vi.mock('../../../src/speech/narration.js', () => ({
  narrationOf: async () => {
    narrationSpy.calls++;
    if (!narrationSpy.narration) throw new Error('test narration not set');
    return narrationSpy.narration;
  },
}));

const { doc, resourceDir } = loadArticle(SAMPLE);
const epub = writerFor('epub')!;

beforeEach(() => {
  narrationSpy.calls = 0;
});

describe('the epub writer', () => {
  it('is registered and made by default', () => {
    expect(epub).toBeDefined();
    expect(epub.byDefault).toBe(true);
    expect(DEFAULT_FORMATS).toContain('epub');
  });

  it('makes article.epub without narration when no audio is made', async () => {
    const files = await epub.write({ doc, options: { resourceDir, formats: ['json', 'epub'] }, artifacts: new Artifacts() });
    expect(files.map((f) => f.name)).toEqual(['article.epub']);
    expect(narrationSpy.calls).toBe(0);
    const book = await unzip(files[0]!.data as Uint8Array);
    expect(book.has('OEBPS/content.smil')).toBe(false);
    expect(problems(await epubcheckTs(files[0]!.data as Uint8Array))).toEqual([]);
  });

  it('adds Media Overlays from the shared narration when mp3 is made too', async () => {
    narrationSpy.narration = await syntheticNarration(doc);
    const files = await epub.write({ doc, options: { resourceDir, formats: ['epub', 'mp3'] }, artifacts: new Artifacts() });
    expect(narrationSpy.calls).toBe(1);
    const book = await unzip(files[0]!.data as Uint8Array);
    expect(book.has('OEBPS/content.smil')).toBe(true);
    expect(book.get('OEBPS/audio/narration.mp3')).toEqual(narrationSpy.narration.mp3);
  });

  it('names the certifier from the options, else the article source, else voxpress', async () => {
    const certifier = async (d: typeof doc, epubOptions?: { certifiedBy?: string }): Promise<string[]> => {
      const files = await epub.write({ doc: d, options: { resourceDir, formats: ['epub'], ...(epubOptions ? { epub: epubOptions } : {}) }, artifacts: new Artifacts() });
      const opf = xml(await unzip(files[0]!.data as Uint8Array), 'OEBPS/content.opf');
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

  it('embeds a local image next to the article, and fails the article with a clear message when it is missing', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'voxpress-epub-img-'));
    await writeFile(path.join(dir, 'story.md'), '# Story\n\nText before the picture.\n\n![A chart](pics/chart.png)\n');
    const task = { file: path.join(dir, 'story.md'), outDir: path.join(dir, 'out'), options: { formats: ['epub'], overrides: {}, writer: {} }, force: true };
    const failed = await processArticle(task);
    expect(failed.status).toBe('failed');
    expect(failed.status === 'failed' && failed.error).toMatch(/figure f1: image "pics\/chart\.png" not found/);

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
