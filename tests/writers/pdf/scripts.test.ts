import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/types.js';
import { textBlocks } from '../../../src/model/walk.js';
import { parseArticle } from '../../../src/readers/index.js';
import { isRightToLeft } from '../../../src/shared/lang.js';
import { renderPdf } from '../../../src/writers/pdf/index.js';
import { isComplex } from '../../../src/writers/pdf/layout.js';
import { checkPdfUa, openPdf, structureText } from '../../../src/verify/pdfua.js';
import { skipWithout } from '../../helpers/conformance.js';

/**
 * Every script a newsroom publishes in, rendered and read back two ways: the
 * structure tree as pdf.js gives it to assistive technology (ActualText where
 * the drawn order differs), and poppler's `pdftotext`, which reads the glyphs
 * on the page as a reader copying text would.
 */

const dir = new URL('../../fixtures/scripts/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
const skipPoppler = skipWithout('pdftotext');

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Text compared without white space: extractors put line breaks where the lines end and scripts without spaces have none to keep. */
const squeezed = (text: string): string => text.replace(BIDI_CONTROLS, '').replace(/\s+/g, '');

/** White space as one space, and none after a full-width stop (Chinese and Japanese sentences follow one another unspaced). */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').replace(/([\u3000-\u303f\uff00-\uffef]) /gu, '$1').trim();

function modelText(doc: Document): string {
  return [doc.meta.title, ...textBlocks(doc).map((b) => b.sentences.map((s) => s.text).join(' '))].join('\n');
}

describe.each(fixtures)('PDF in the script of %s', (file) => {
  let doc: Document;
  let bytes: Uint8Array;
  const warnings: string[] = [];
  let work: string;
  beforeAll(async () => {
    doc = parseArticle(readFileSync(new URL(file, dir), 'utf8'), { format: 'markdown' });
    bytes = await renderPdf(doc, {}, new Map(), (w) => warnings.push(w));
    work = mkdtempSync(path.join(tmpdir(), 'voxpress-scripts-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('has a glyph for every character and passes the PDF/UA checks', async () => {
    expect(warnings).toEqual([]);
    expect(await checkPdfUa(bytes)).toEqual([]);
  });

  it('draws only real glyphs (no .notdef)', async () => {
    const pdf = await openPdf(bytes);
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const missing: string[] = [];
    let drawn = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const ops = await (await pdf.getPage(n)).getOperatorList();
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.showText) return;
        for (const glyph of (ops.argsArray[i] as unknown[][])[0] ?? []) {
          if (typeof glyph !== 'object' || glyph === null) continue;
          const g = glyph as { originalCharCode?: number; isInFont?: boolean; unicode?: string };
          drawn++;
          // Glyph 0 of an embedded subset is .notdef; pdf.js also says when a glyph has no outline (as spaces have none).
          if (g.originalCharCode === 0 || (g.isInFont === false && !/^\s*$/u.test(g.unicode ?? ''))) missing.push(g.unicode ?? '?');
        }
      });
    }
    await pdf.destroy();
    expect(drawn).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('reads in order from the structure tree as the model says', async () => {
    const elements = await structureText(bytes);
    const title = elements.find((e) => e.role === 'H1');
    expect(squeezed(title?.text ?? '')).toBe(squeezed(doc.meta.title));
    const paragraphs = elements.filter((e) => e.id && /^[hp]\d+$/.test(e.id)).map((e) => spaced(e.text));
    expect(paragraphs).toEqual(textBlocks(doc).map((b) => spaced(b.sentences.map((s) => s.text).join(' '))));
  });

  // Left-to-right scripts only: in content order poppler splits a right-to-left word at a zero-width mark
  // (Arabic tanwin) or joiner (Persian ZWNJ) and reverses the pieces one by one; its layout analysis below does not.
  const source = readFileSync(new URL(file, dir), 'utf8');
  if (!isRightToLeft(/^lang: (\S+)$/m.exec(source)?.[1] ?? 'en')) it.skipIf(skipPoppler)("extracts exactly, in reading order, with poppler's pdftotext -raw (content order)", () => {
    const pdfFile = path.join(work, 'article.pdf');
    writeFileSync(pdfFile, bytes);
    // The text area only (A4, in points): the running head and the folio are artifacts outside it.
    const extracted = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-x', '0', '-y', '60', '-W', '596', '-H', '720', pdfFile, '-'], { encoding: 'utf8' });
    expect(squeezed(extracted)).toBe(squeezed(modelText(doc)));
  });

  // Not for Indic scripts and Thai: poppler's layout analysis spreads an /ActualText over the glyphs' box and
  // drops words it then takes for overlaps (seen with Tamil); its content-order mode above reads them whole.
  if (!isComplex(source)) it.skipIf(skipPoppler)("extracts the same words with poppler's default layout analysis", () => {
    const pdfFile = path.join(work, 'article.pdf');
    writeFileSync(pdfFile, bytes);
    const extracted = execFileSync('pdftotext', ['-enc', 'UTF-8', '-x', '0', '-y', '60', '-W', '596', '-H', '720', pdfFile, '-'], { encoding: 'utf8' });
    // Layout analysis re-runs its own bidi on the glyphs and places punctuation next to numbers by its own rules:
    // compared on letters, marks and digits, in order.
    const lettersOnly = (text: string): string => text.replace(/[^\p{L}\p{M}\p{N}]/gu, '');
    expect(lettersOnly(extracted)).toBe(lettersOnly(modelText(doc)));
  });
});
