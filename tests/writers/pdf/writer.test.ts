import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadImages } from '../../../src/io/resources.js';
import { parseArticle } from '../../../src/readers/index.js';
import type { Document } from '../../../src/model/types.js';
import { textBlocks } from '../../../src/model/walk.js';
import { renderPdf } from '../../../src/writers/pdf/index.js';
import { checkPdfUa, openPdf, structureText } from '../../../src/verify/pdfua.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/pdf/${name}`, import.meta.url), 'utf8');
const sampleText = readFileSync(new URL('../../../input/khorev-asif-meeting.txt', import.meta.url), 'utf8');

/** The model's text of each heading and paragraph, in reading order. */
function modelParagraphs(doc: Document): { id: string; text: string }[] {
  return textBlocks(doc).map((b) => ({ id: b.id, text: b.sentences.map((s) => s.text).join(' ') }));
}

/** The PDF's text of each element carrying a model id of a heading or paragraph, in structure order. */
async function pdfParagraphs(bytes: Uint8Array): Promise<{ id: string; text: string }[]> {
  const elements = await structureText(bytes);
  return elements.filter((e) => e.id && /^[hp]\d+$/.test(e.id)).map((e) => ({ id: e.id as string, text: e.text }));
}

/** A small solid-colour PNG, built byte by byte (CRCs included). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer): number => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([200, 30, 30]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

function longArticle(): string {
  const paragraphs = sampleText.replace(/^\s*date\s+\S+\s*/, '').split(/\n\s*\n/).filter((p) => p.trim());
  const out: string[] = ['# A long article', ''];
  for (let i = 0; i < 8; i++) {
    out.push(`## Part ${i + 1}`, '');
    for (const p of paragraphs) out.push(p.trim(), '');
  }
  return out.join('\n');
}

describe('PDF writer', () => {
  const docs: Record<string, Document> = {};
  const pdfs: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    docs.sample = parseArticle(sampleText, { format: 'text' });
    docs.multilingual = parseArticle(fixture('multilingual.md'), { format: 'markdown' });
    docs.rich = parseArticle(fixture('rich.md'), { format: 'markdown' });
    docs.long = parseArticle(longArticle(), { format: 'markdown' });
    docs.nested = parseArticle(fixture('nested.md'), { format: 'markdown' });
    for (const [name, doc] of Object.entries(docs)) pdfs[name] = await renderPdf(doc);
  });

  it.each(['sample', 'multilingual', 'rich', 'long', 'nested'])('%s passes every PDF/UA check', async (name) => {
    expect(await checkPdfUa(pdfs[name] as Uint8Array)).toEqual([]);
  });

  it.each(['sample', 'multilingual', 'rich', 'long', 'nested'])('%s: text in structure order equals the model, paragraph by paragraph', async (name) => {
    const doc = docs[name] as Document;
    expect(await pdfParagraphs(pdfs[name] as Uint8Array)).toEqual(modelParagraphs(doc));
  });

  it('extracts every letter of a document made after one whose subset split composite glyphs (Å, é) into components', async () => {
    // One parsed font serves measuring and embedding for every document of the process; the glyphs a subset creates
    // for a composite's parts carry no characters, and a later "A" or "e" must not be written with them.
    // The first document has é, à, ñ... but never their base letters alone, so only the subset creates those glyphs.
    const composites = parseArticle('---\ntitle: Éçà\nlang: fr\n---\nÉ é è à ñ ü Ç ç Ö ö.\n', { format: 'markdown' });
    const plain = parseArticle('---\ntitle: Plain\nlang: en\n---\nE e a n u C c O o: Pecan, uncle, once.\n', { format: 'markdown' });
    await renderPdf(composites, {});
    const after = await renderPdf(plain, {});
    expect(await pdfParagraphs(after)).toEqual(modelParagraphs(plain));
    expect(await pdfParagraphs(await renderPdf(composites, {}))).toEqual(modelParagraphs(composites));
  });

  it('spreads the long article over several pages with the page number on each', async () => {
    const pdf = await openPdf(pdfs.long as Uint8Array);
    expect(pdf.numPages).toBeGreaterThanOrEqual(4);
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      const strings = content.items.map((item) => ('str' in item ? item.str : ''));
      expect(strings).toContain(`${i} / ${pdf.numPages}`);
      expect(strings).toContain('A long article');
    }
    await pdf.destroy();
  });

  it('puts the title in H1 and body headings one level below, with bookmarks for each', async () => {
    const elements = await structureText(pdfs.rich as Uint8Array);
    expect(elements.filter((e) => /^H\d$/.test(e.role)).map((e) => [e.role, e.text])).toEqual([
      ['H1', 'Rich structure'],
      ['H2', 'A section'],
      ['H3', 'A subsection'],
    ]);
    const pdf = await openPdf(pdfs.rich as Uint8Array);
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual(['Rich structure']);
    expect(outline[0]?.items.map((o) => o.title)).toEqual(['A section']);
    expect(outline[0]?.items[0]?.items.map((o: { title: string }) => o.title)).toEqual(['A subsection']);
    await pdf.destroy();
  });

  it('tags lists, quotes, code and links as the model has them, with model ids', async () => {
    const elements = await structureText(pdfs.rich as Uint8Array);
    const roles = elements.map((e) => e.role);
    expect(roles.filter((r) => ['L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Code', 'Link'].includes(r))).toEqual(
      ['Code', 'Link', 'L', 'LI', 'Lbl', 'LBody', 'LI', 'Lbl', 'LBody', 'Link', 'L', 'LI', 'Lbl', 'LBody', 'LI', 'Lbl', 'LBody', 'BlockQuote'],
    );
    expect(elements.filter((e) => e.role === 'Lbl').map((e) => e.text)).toEqual(['1.', '2.', '\u2022', '\u2022']);
    expect(elements.find((e) => e.role === 'L')?.id).toBe('l1');
    expect(elements.find((e) => e.role === 'LI')?.id).toBe('l1i1');
    expect(elements.find((e) => e.role === 'BlockQuote')?.id).toBe('q1');
    expect(elements.filter((e) => e.role === 'Span' && e.id).map((e) => e.id)).toContain('p6s2');
    const link = elements.find((e) => e.role === 'Link');
    expect(link?.text).toBe('link to the example site');
    expect(link?.alt).toBe('Link: Example site (https://example.com/a?b=1&c=2)');
  });

  it('keeps links on later pages pointing at their own page, and tab order by structure', async () => {
    const text = `${longArticle()}\n\nA closing [link at the end](https://example.net/end).\n`.replace('## Part 1', '## Part 1\n\nAn early [link at the start](https://example.net/start).');
    const bytes = await renderPdf(parseArticle(text, { format: 'markdown' }));
    expect(await checkPdfUa(bytes)).toEqual([]);
    const pdf = await openPdf(bytes);
    const first = (await (await pdf.getPage(1)).getAnnotations()) as { url?: string }[];
    const last = (await (await pdf.getPage(pdf.numPages)).getAnnotations()) as { url?: string }[];
    expect(first.map((a) => a.url)).toEqual(['https://example.net/start']);
    expect(last.map((a) => a.url)).toEqual(['https://example.net/end']);
    await pdf.destroy();
    const { PDFDocument, PDFName } = await import('pdf-lib');
    const raw = await PDFDocument.load(bytes);
    for (const page of raw.getPages()) expect(page.node.get(PDFName.of('Tabs'))?.toString()).toBe('/S');
  });

  it('labels nested lists in order, outer label first, inside the right items', async () => {
    const elements = await structureText(pdfs.nested as Uint8Array);
    expect(elements.filter((e) => e.role === 'Lbl').map((e) => e.text)).toEqual(['1.', '\u2022', '\u2022', '2.', '\u2022']);
    expect(elements.filter((e) => ['L', 'LI', 'BlockQuote'].includes(e.role)).map((e) => `${e.parent}>${e.role}#${e.id}`)).toEqual([
      'Art>L#l1', 'L>LI#l1i1', 'LBody>L#l2', 'L>LI#l2i1', 'L>LI#l2i2', 'L>LI#l1i2', 'LBody>BlockQuote#q1', 'Art>BlockQuote#q2', 'BlockQuote>L#l3', 'L>LI#l3i1',
    ]);
  });

  it('writes non-ASCII link targets as percent-encoded ASCII URIs', async () => {
    const doc = parseArticle('See [the café page](<https://example.com/café/Ελλάδα?q=a b>) now.', { format: 'markdown' });
    const pdf = await openPdf(await renderPdf(doc));
    const annotations = (await (await pdf.getPage(1)).getAnnotations()) as { url?: string; unsafeUrl?: string }[];
    expect(annotations.map((a) => a.unsafeUrl ?? a.url)).toEqual([`https://example.com/${encodeURIComponent('café')}/${encodeURIComponent('Ελλάδα')}?q=a%20b`]);
    await pdf.destroy();
  });

  it('makes live links of http(s) and mailto only: javascript: and file: targets stay plain text', async () => {
    const doc = parseArticle('A [script](javascript:alert(1)), a [file](file:///etc/passwd) and a [site](https://example.org).', { format: 'markdown' });
    const bytes = await renderPdf(doc);
    const pdf = await openPdf(bytes);
    const annotations = (await (await pdf.getPage(1)).getAnnotations()) as { url?: string; unsafeUrl?: string }[];
    expect(annotations.map((a) => a.unsafeUrl ?? a.url)).toEqual(['https://example.org/']);
    await pdf.destroy();
    expect((await structureText(bytes)).filter((e) => e.role === 'Link').map((e) => e.text)).toEqual(['site']);
    expect(await checkPdfUa(bytes)).toEqual([]);
  });

  it('fits a very long title into the running header (cut with an ellipsis)', async () => {
    const doc = parseArticle(`---\ntitle: "${'Very long headline words '.repeat(200)}"\n---\nBody text.`, { format: 'markdown' });
    expect(await checkPdfUa(await renderPdf(doc))).toEqual([]);
  });

  it('gives link annotations their URL and a description in /Contents', async () => {
    const pdf = await openPdf(pdfs.rich as Uint8Array);
    const annotations = (await (await pdf.getPage(1)).getAnnotations()) as { subtype: string; url?: string; contentsObj: { str: string } }[];
    expect(annotations.map((a) => [a.subtype, a.url, a.contentsObj.str])).toEqual([
      ['Link', 'https://example.com/a?b=1&c=2', 'Link: Example site (https://example.com/a?b=1&c=2)'],
      ['Link', 'https://example.org/', 'Link: second link (https://example.org/)'],
    ]);
    await pdf.destroy();
  });

  it('marks Greek and Cyrillic runs in an English article with their language', async () => {
    const spans = (await structureText(pdfs.multilingual as Uint8Array)).filter((e) => e.lang);
    expect(spans.map((e) => [e.lang, e.text])).toEqual([
      ['el', 'Ελληνικά'],
      ['ru', 'Кириллица'],
      ['el', 'Ελευθερία'],
      ['ru', 'Свобода'],
      ['el', 'Σημειώσεις και'],
      ['ru', 'заметки'],
      ['uk', 'Добрий вечір, їжак'],
      ['el', 'Μια ολόκληρη πρόταση στα ελληνικά'],
    ]);
    const pdf = await openPdf(pdfs.multilingual as Uint8Array);
    expect((await pdf.getMetadata()).info).toMatchObject({ Language: 'en' });
    await pdf.destroy();
  });

  it('names a French article everywhere as page 1 shows its title: bookmarks, title bar, XMP and the running head', async () => {
    const file = new URL('../../fixtures/real/wikinews-banques-belges-piratees.md', import.meta.url);
    const shown = 'Banques belges piratées\u00A0: «\u202FLe parquet exagère les chiffres\u202F»';
    const pdf = await openPdf(await renderPdf(parseArticle(readFileSync(file, 'utf8'), { format: 'markdown' })));
    const { metadata, info } = await pdf.getMetadata();
    expect(metadata?.get('dc:title')).toBe(shown);
    expect(info).toMatchObject({ Title: shown });
    const outline = await pdf.getOutline();
    expect(outline.map((o) => o.title)).toEqual([shown]);
    expect(outline[0]?.items.map((o) => o.title)).toEqual(['Le client désigné comme responsable', 'Le mode opératoire']);
    expect(pdf.numPages).toBeGreaterThan(1);
    const page2 = (await (await pdf.getPage(2)).getTextContent()).items.map((i) => ('str' in i ? i.str : ''));
    // The header is drawn with the no-break spaces (its font's ToUnicode maps U+202F), but pdf.js extracts every space as U+0020.
    expect(page2).toContain(shown.replace(/[\u00A0\u202F]/gu, ' '));
    await pdf.destroy();
  });

  it('writes the title with &, <, > and quotes into well-formed XMP, with pdfuaid:part 1', async () => {
    const pdf = await openPdf(pdfs.multilingual as Uint8Array);
    const { metadata, info } = await pdf.getMetadata();
    expect(metadata?.get('dc:title')).toBe('Café & «Ελληνικά» <Кириллица> "quoted"');
    expect(metadata?.get('pdfuaid:part')).toBe('1');
    expect(metadata?.get('dc:creator')).toEqual(['Zoë Ångström']);
    expect(info).toMatchObject({ Title: 'Café & «Ελληνικά» <Кириллица> "quoted"', CreationDate: 'D:20240305000000Z', ModDate: 'D:20240305000000Z' });
    await pdf.destroy();
  });

  it('is byte-identical for the same input, and the file ID follows the content', async () => {
    const again = await renderPdf(parseArticle(sampleText, { format: 'text' }));
    expect(Buffer.from(again).equals(Buffer.from(pdfs.sample as Uint8Array))).toBe(true);
    const pdf = await openPdf(pdfs.sample as Uint8Array);
    const other = await openPdf(pdfs.rich as Uint8Array);
    const [id1] = pdf.fingerprints;
    const [id2] = other.fingerprints;
    expect(id1).toMatch(/^[0-9a-f]{32}$/);
    expect(id1).not.toBe(id2);
    await pdf.destroy();
    await other.destroy();
  });

  it('takes the date from SOURCE_DATE_EPOCH when the article has none', async () => {
    const doc = parseArticle('No date here. Just text.', { format: 'text' });
    const pdf = await openPdf(await renderPdf(doc, { sourceDateEpoch: 1_700_000_000 }));
    expect((await pdf.getMetadata()).info).toMatchObject({ CreationDate: 'D:20231114221320Z' });
    await pdf.destroy();
  });

  it('prints on US Letter when asked, A4 otherwise', async () => {
    const letter = await openPdf(await renderPdf(docs.sample as Document, { pdf: { paper: 'letter' } }));
    expect((await letter.getPage(1)).view).toEqual([0, 0, 612, 792]);
    const a4 = await openPdf(pdfs.sample as Uint8Array);
    expect((await a4.getPage(1)).view.map(Math.round)).toEqual([0, 0, 595, 842]);
    await letter.destroy();
    await a4.destroy();
  });

  it('falls back to a font that has the glyph, and fails clearly when none has', async () => {
    const arrows = parseArticle('An arrow → and a star ★ and an emoji 😀 in text.', { format: 'text' });
    const bytes = await renderPdf(arrows);
    expect(await checkPdfUa(bytes)).toEqual([]);
    expect((await pdfParagraphs(bytes)).map((p) => p.text)).toEqual(['An arrow → and a star ★ and an emoji 😀 in text.']);
    // A character no font has never fails the PDF: a visible substitute is drawn, the text layer keeps the character.
    const han = parseArticle('---\ntitle: Coverage\nlang: en\n---\nA private-use \uE000 and a Linear B \u{10000} character.', { format: 'markdown' });
    const warnings: string[] = [];
    const hanBytes = await renderPdf(han, {}, new Map(), (w) => warnings.push(w));
    expect(await checkPdfUa(hanBytes)).toEqual([]);
    expect(warnings).toEqual([
      'pdf: no embedded font has "\uE000" (U+E000) in p1s1: drawn as \uFFFD, kept in the text layer',
      'pdf: no embedded font has "\u{10000}" (U+10000) in p1s1: drawn as \uFFFD, kept in the text layer',
    ]);
    const substitutes = (await structureText(hanBytes)).filter((e) => e.actualText).map((e) => e.actualText);
    expect(substitutes).toEqual(['\uE000', '\u{10000}']);
  });

  it('gives right-to-left runs their logical text as /ActualText', async () => {
    const doc = parseArticle('Hebrew שלום עולם and Arabic مرحبا بالعالم in one line.', { format: 'text' });
    const bytes = await renderPdf(doc);
    expect(await checkPdfUa(bytes)).toEqual([]);
    const spans = (await structureText(bytes)).filter((e) => e.lang);
    // Once in the title (derived from the first sentence), once in the paragraph.
    expect(spans.map((e) => [e.lang, e.actualText])).toEqual([
      ['he', 'שלום עולם'],
      ['ar', 'مرحبا بالعالم'],
      ['he', 'שלום עולם'],
      ['ar', 'مرحبا بالعالم'],
    ]);
    expect((await pdfParagraphs(bytes)).map((p) => p.text)).toEqual(['Hebrew שלום עולם and Arabic مرحبا بالعالم in one line.']);
  });

  it('embeds a local image as a Figure with its alt text and caption, and prints the alt text of one it cannot embed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'voxpress-fig-'));
    try {
      writeFileSync(path.join(dir, 'square.png'), png(40, 30));
      const doc = parseArticle('Before the pictures.\n\n![A red square](square.png "Figure 1: a square")\n\n![A remote chart](https://example.com/chart.png)\n\n![](square.png)\n\nAfter.', { format: 'markdown' });
      const bytes = await renderPdf(doc, {}, (await loadImages(doc, dir)).images);
      expect(await checkPdfUa(bytes)).toEqual([]);
      const elements = await structureText(bytes);
      const figures = elements.filter((e) => e.role === 'Figure').map((e) => [e.id, e.alt, e.text]);
      expect(figures).toEqual([
        ['f1', 'A red square', ''],
        ['f2', 'A remote chart', '[A remote chart]'],
      ]);
      expect(elements.find((e) => e.role === 'Caption')?.text).toBe('Figure 1: a square');
      const pdf = await openPdf(bytes);
      const ops = await (await pdf.getPage(1)).getOperatorList();
      const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // The image with alt text and the decorative one without.
      expect(ops.fnArray.filter((f) => f === OPS.paintImageXObject)).toHaveLength(2);
      await pdf.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives hostile text: a very long title, XML specials, quotes, emoji, tabs of spaces', async () => {
    const title = `Title & <b>"quotes"</b> 'apostrophes' ${'very long words '.repeat(30)}end`;
    const text = `---\ntitle: ${JSON.stringify(title)}\n---\n\n😀😀😀\n\nA & B < C > D "E" 'F' \\ (G) ]]> <!-- x --> %PDF-1.7 endstream.\n`;
    const doc = parseArticle(text, { format: 'markdown' });
    const bytes = await renderPdf(doc);
    expect(await checkPdfUa(bytes)).toEqual([]);
    expect(await pdfParagraphs(bytes)).toEqual(modelParagraphs(doc));
    const pdf = await openPdf(bytes);
    expect((await pdf.getMetadata()).metadata?.get('dc:title')).toBe(title);
    const header = (await (await pdf.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).find((s) => s.startsWith('Title & <b>'));
    expect(header).toMatch(/…$/);
    await pdf.destroy();
  });

  it('breaks a word longer than the line instead of running off the page', async () => {
    const doc = parseArticle(`Long: ${'x'.repeat(300)} end.`, { format: 'text' });
    const bytes = await renderPdf(doc);
    expect((await pdfParagraphs(bytes)).map((p) => p.text)).toEqual([`Long: ${'x'.repeat(300)} end.`]);
    const pdf = await openPdf(bytes);
    const content = await (await pdf.getPage(1)).getTextContent();
    for (const item of content.items) if ('transform' in item) expect((item.transform[4] as number) + item.width).toBeLessThanOrEqual(595.28 - 72 + 1);
    await pdf.destroy();
  });
});
