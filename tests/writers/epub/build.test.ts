import { describe, expect, it, beforeAll } from 'vitest';
import { buildEpub } from '../../../src/writers/epub/build.js';
import type { Narration } from '../../../src/speech/types.js';
import { sentences } from '../../../src/model/walk.js';
import { contentBytes, joinBytes } from '../../../src/shared/bytes.js';
import { epubcheckTs, loadArticle, mp3DurationMs, problems, SAMPLE, imagesOf, syntheticNarration, unzip, values, xml } from '../../helpers/epub.js';

const FIXTURES = ['features.md', 'hostile.md', 'arabic.md', 'no-alt.md'];

describe('buildEpub: epubcheck-ts with accessibility checks on', () => {
  it('passes on the sample without overlays', async () => {
    const { doc, resourceDir } = loadArticle(SAMPLE);
    const result = await epubcheckTs(await buildEpub(doc, {}, await imagesOf(doc, resourceDir)));
    expect(problems(result)).toEqual([]);
    expect(result.fatalCount + result.errorCount + result.warningCount).toBe(0);
  });

  it.each(FIXTURES)('passes on fixture %s', async (name) => {
    const { doc, resourceDir } = loadArticle(name);
    const result = await epubcheckTs(await buildEpub(doc, {}, await imagesOf(doc, resourceDir)));
    expect(problems(result)).toEqual([]);
  });

  it('titles a French book as its page shows the title: package, table of contents, NCX and the page’s <title>, and passes epubcheck', async () => {
    const { doc, resourceDir } = loadArticle('../real/wikinews-banques-belges-piratees.md');
    const book = await buildEpub(doc, {}, await imagesOf(doc, resourceDir));
    const files = await unzip(book);
    const shown = 'Banques belges piratées\u00A0: «\u202FLe parquet exagère les chiffres\u202F»';
    const titles: [string, string][] = [
      ['OEBPS/content.opf', '//dc:title'],
      ['OEBPS/toc.xhtml', '//x:title'],
      ['OEBPS/toc.xhtml', '//x:nav[@epub:type="toc"]/x:ol/x:li/x:a'],
      ['OEBPS/toc.ncx', '//ncx:docTitle/ncx:text'],
      ['OEBPS/content.xhtml', '//x:title'],
      ['OEBPS/content.xhtml', '//x:h1'],
    ];
    for (const [name, xpath] of titles) {
      const file = xml(files, name);
      expect([name, values(file, xpath)]).toEqual([name, [shown]]);
      file.dispose();
    }
    expect(problems(await epubcheckTs(book))).toEqual([]);
  });

  it('claims WCAG conformance only when every embedded image has a text alternative', async () => {
    const claim = async (name: string): Promise<{ conformsTo: string[]; summary: string }> => {
      const { doc, resourceDir } = loadArticle(name);
      const opf = xml(await unzip(await buildEpub(doc, {}, await imagesOf(doc, resourceDir))), 'OEBPS/content.opf');
      const result = { conformsTo: values(opf, '//opf:meta[@property="dcterms:conformsTo"]'), summary: values(opf, '//opf:meta[@property="schema:accessibilitySummary"]')[0] ?? '' };
      opf.dispose();
      return result;
    };
    const described = await claim('features.md');
    expect(described.conformsTo).toEqual(['EPUB Accessibility 1.1 - WCAG 2.2 Level AA']);
    expect(described.summary).toMatch(/Its image has a text alternative/);
    const undescribed = await claim('no-alt.md');
    expect(undescribed.conformsTo).toEqual([]);
    expect(undescribed.summary).toMatch(/does not meet WCAG 2.2 Level AA: 1 image has no text alternative/);
  });

  it('passes with hostile values an API caller may put in the model (controls, lone surrogates, XML specials)', async () => {
    const { doc } = loadArticle('features.md');
    const nasty = 'A\u0001 <b>&amp;</b> "q" \'s\' \uD800 \uFFFE end';
    const first = doc.blocks[0]!;
    const hostile = {
      ...doc,
      meta: { ...doc.meta, title: nasty, authors: [nasty], source: nasty, description: nasty },
      blocks: [first.type === 'paragraph' ? { ...first, sentences: first.sentences.map((s) => ({ ...s, text: nasty, inlines: [{ type: 'text' as const, value: nasty }] })) } : first],
    };
    const files = await unzip(await buildEpub(hostile));
    const content = xml(files, 'OEBPS/content.xhtml');
    // The one rule for characters XML cannot carry (src/model/chars.ts): each is U+FFFD, visibly, in every output.
    expect(values(content, '//x:h1')).toEqual(['A\uFFFD <b>&amp;</b> "q" \'s\' \uFFFD \uFFFD end']);
    content.dispose();
    expect(problems(await epubcheckTs(await buildEpub(hostile)))).toEqual([]);
  });

  it('reports accessibility problems when they exist (the checks are really on)', async () => {
    const { doc, resourceDir } = loadArticle(SAMPLE);
    const files = await unzip(await buildEpub(doc, {}, await imagesOf(doc, resourceDir)));
    const opf = new TextDecoder().decode(files.get('OEBPS/content.opf'));
    const stripped = opf.replace(/ *<meta property="(schema:[^"]+|dcterms:conformsTo|a11y:certifiedBy)"[^>]*>[^<]*<\/meta>\n/g, '');
    expect(stripped).not.toContain('schema:');
    files.set('OEBPS/content.opf', new TextEncoder().encode(stripped));
    const { deterministicZip } = await import('../../../src/writers/epub/zip.js');
    const result = await epubcheckTs(joinBytes(await deterministicZip(files, new Date(0))));
    expect(result.messages.map((m) => m.id)).toEqual(expect.arrayContaining(['ACC-002', 'ACC-003', 'ACC-010']));
  });
});

describe('buildEpub with a narration (Media Overlays)', () => {
  let narration: Narration;
  let book: Uint8Array;
  let files: Map<string, Uint8Array>;
  const { doc, resourceDir } = loadArticle(SAMPLE);

  beforeAll(async () => {
    narration = await syntheticNarration(doc);
    book = await buildEpub(doc, {}, await imagesOf(doc, resourceDir), narration);
    files = await unzip(book);
  });

  it('passes epubcheck-ts with accessibility checks on', async () => {
    const result = await epubcheckTs(book);
    expect(problems(result)).toEqual([]);
    expect(result.messages.filter((m) => m.id.startsWith('MED'))).toEqual([]);
  });

  it('gives every sentence id in the XHTML exactly one <par>, and every <par> an existing target', () => {
    const content = xml(files, 'OEBPS/content.xhtml');
    const smil = xml(files, 'OEBPS/content.smil');
    const ids = new Set(values(content, '//@id'));
    const spanIds = values(content, '//x:span/@id');
    const targets = values(smil, '//smil:par/smil:text/@src');
    expect(spanIds).toEqual(sentences(doc).map((s) => s.id));
    for (const id of spanIds) expect(targets.filter((t) => t === `content.xhtml#${id}`)).toHaveLength(1);
    for (const target of targets) {
      expect(target.startsWith('content.xhtml#')).toBe(true);
      expect(ids.has(target.slice('content.xhtml#'.length))).toBe(true);
    }
    expect(targets.slice(0, 2)).toEqual(['content.xhtml#title', 'content.xhtml#date']);
    content.dispose();
    smil.dispose();
  });

  it('has contiguous, increasing clips that end within the MP3 and a media:duration equal to their sum', () => {
    const smil = xml(files, 'OEBPS/content.smil');
    const opf = xml(files, 'OEBPS/content.opf');
    const seconds = (v: string): number => Number(v.replace(/s$/, ''));
    const begins = values(smil, '//smil:audio/@clipBegin').map(seconds);
    const ends = values(smil, '//smil:audio/@clipEnd').map(seconds);
    expect(values(smil, '//smil:audio/@src').every((src) => src === 'audio/narration.mp3')).toBe(true);
    expect(begins[0]).toBe(0);
    for (let i = 0; i < begins.length; i++) {
      expect(ends[i]!).toBeGreaterThan(begins[i]!);
      if (i > 0) expect(begins[i]).toBe(ends[i - 1]);
    }
    const measured = mp3DurationMs(files.get('OEBPS/audio/narration.mp3')!);
    expect(ends[ends.length - 1]! * 1000).toBeLessThanOrEqual(measured + 0.5);
    const sumMs = Math.round(ends.reduce((sum, end, i) => sum + (end - begins[i]!) * 1000, 0));
    const clock = (v: string): number => {
      const [h, m, s] = v.split(':').map(Number);
      return Math.round(((h! * 60 + m!) * 60 + s!) * 1000);
    };
    const total = values(opf, '//opf:meta[@property="media:duration" and not(@refines)]');
    const perOverlay = values(opf, '//opf:meta[@property="media:duration" and @refines="#content-overlay"]');
    expect(total).toHaveLength(1);
    expect(perOverlay).toHaveLength(1);
    expect(clock(total[0]!)).toBe(sumMs);
    expect(clock(perOverlay[0]!)).toBe(sumMs);
    expect(sumMs).toBe(Math.round(narration.durationMs));
    expect(values(opf, '//opf:item[@id="content"]/@media-overlay')).toEqual(['content-overlay']);
    expect(values(opf, '//opf:meta[@property="media:active-class"]')).toEqual(['-epub-media-overlay-active']);
    expect(values(opf, '//opf:meta[@property="media:narrator"]')).toHaveLength(1);
    expect(new TextDecoder().decode(files.get('OEBPS/style.css'))).toContain('.-epub-media-overlay-active');
    smil.dispose();
    opf.dispose();
  });

  it('embeds the narration MP3 byte for byte and says so in the summary', () => {
    expect(files.get('OEBPS/audio/narration.mp3')).toEqual(contentBytes(narration.mp3));
    const opf = xml(files, 'OEBPS/content.opf');
    expect(values(opf, '//opf:meta[@property="schema:accessibilitySummary"]')[0]).toMatch(/synchronised with the text sentence by sentence/);
    expect(values(opf, '//opf:meta[@property="schema:accessibilityFeature"]')).toContain('synchronizedAudioText');
    expect(values(opf, '//opf:meta[@property="schema:accessMode"]')).toContain('auditory');
    opf.dispose();
  });
});

describe('determinism', () => {
  it('gives byte-identical books for the same input, with and without narration', async () => {
    const { doc, resourceDir } = loadArticle('features.md');
    expect(await buildEpub(doc, {}, await imagesOf(doc, resourceDir))).toEqual(await buildEpub(doc, {}, await imagesOf(doc, resourceDir)));
    const narration = await syntheticNarration(doc);
    expect(await buildEpub(doc, {}, await imagesOf(doc, resourceDir), narration)).toEqual(await buildEpub(doc, {}, await imagesOf(doc, resourceDir), narration));
  });

  it('does not depend on the time zone', async () => {
    const { doc, resourceDir } = loadArticle('features.md');
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = await buildEpub(doc, {}, await imagesOf(doc, resourceDir));
      process.env.TZ = 'Asia/Tokyo';
      const east = await buildEpub(doc, {}, await imagesOf(doc, resourceDir));
      expect(west).toEqual(east);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('dates everything from the article, else SOURCE_DATE_EPOCH, never the clock', async () => {
    const { doc } = loadArticle(SAMPLE);
    const opf = xml(await unzip(await buildEpub(doc)), 'OEBPS/content.opf');
    expect(values(opf, '//opf:meta[@property="dcterms:modified"]')).toEqual(['2024-10-08T00:00:00Z']);
    opf.dispose();
    const undated = { ...doc, meta: { ...doc.meta, date: undefined } } as typeof doc;
    const opf2 = xml(await unzip(await buildEpub(undated, { sourceDateEpoch: 1_700_000_000 })), 'OEBPS/content.opf');
    expect(values(opf2, '//opf:meta[@property="dcterms:modified"]')).toEqual(['2023-11-14T22:13:20Z']);
    opf2.dispose();
  });
});
