import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/readers/index.js';
import { layoutDocument, pageFrame, type Layout, type StructNode } from '../../../src/writers/pdf/layout.js';
import type { Paper } from '../../../src/writers/options.js';
import { woff2Ready } from '../../../src/writers/pdf/woff2.js';

const sampleText = readFileSync(new URL('../../../input/khorev-asif-meeting.txt', import.meta.url), 'utf8');
const paragraphs = sampleText.replace(/^\s*date\s+\S+\s*/, '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

/** Articles whose paragraphs and headings fall at many different places on the page. */
function articles(): string[] {
  const out: string[] = [];
  for (let variant = 0; variant < 6; variant++) {
    const parts = ['# Pagination test', ''];
    for (let i = 0; i < 14; i++) {
      if ((i + variant) % 4 === 0) parts.push(`## Heading ${i}`, '');
      const p = paragraphs[(i * (variant + 1)) % paragraphs.length] as string;
      parts.push(i % 3 === variant % 3 ? `${p} ${p}` : p, '');
    }
    out.push(parts.join('\n'));
  }
  return out;
}

function blockOf(node: StructNode): string | undefined {
  for (let n: StructNode | null = node; n; n = n.parent) if (n.id && /^[hp]\d+$/.test(n.id)) return n.id;
  return undefined;
}

/** For each page, the model block of each text line on it (in order). */
function blocksPerPage(layout: Layout): string[][] {
  return layout.pages.map((page) => page.flatMap(({ line }) => {
    const piece = line.pieces[line.pieces.length - 1];
    const id = piece ? blockOf(piece.node) : undefined;
    return id ? [id] : [];
  }));
}

const noImages = (): undefined => undefined;

describe('PDF layout', () => {
  const cases = articles().flatMap((text) => (['a4', 'letter'] as Paper[]).map((paper) => ({ doc: parseArticle(text, { format: 'markdown' }), paper })));

  it('keeps every line inside the text area', () => {
    for (const { doc, paper } of cases) {
      const layout = layoutDocument(doc, paper, noImages);
      const frame = pageFrame(paper);
      for (const page of layout.pages) for (const { line, top } of page) {
        expect(top).toBeGreaterThanOrEqual(frame.top);
        expect(top + line.height).toBeLessThanOrEqual(frame.bottom + 0.01);
      }
    }
  });

  it('leaves no single line of a paragraph alone at the foot or head of a page', () => {
    let splits = 0;
    for (const { doc, paper } of cases) {
      const pages = blocksPerPage(layoutDocument(doc, paper, noImages));
      for (let i = 0; i + 1 < pages.length; i++) {
        const last = pages[i]?.[pages[i]!.length - 1];
        const first = pages[i + 1]?.[0];
        if (last && last === first) {
          splits++;
          expect(pages[i]!.filter((id) => id === last).length).toBeGreaterThanOrEqual(2);
          expect(pages[i + 1]!.filter((id) => id === first).length).toBeGreaterThanOrEqual(2);
        }
      }
    }
    // The cases must actually exercise split paragraphs, or the test proves nothing.
    expect(splits).toBeGreaterThan(3);
  });

  it('runs a paragraph longer than a page over several pages, every line inside the text area', () => {
    const doc = parseArticle(`# Giant\n\n${paragraphs.join(' ').repeat(4)}\n\nAfter.\n`, { format: 'markdown' });
    const layout = layoutDocument(doc, 'a4', noImages);
    const pages = blocksPerPage(layout);
    expect(pages.filter((p) => p.includes('p1')).length).toBeGreaterThanOrEqual(2);
    const frame = pageFrame('a4');
    for (const page of layout.pages) for (const { line, top } of page) expect(top + line.height).toBeLessThanOrEqual(frame.bottom + 0.01);
    expect(pages.flat().filter((id) => id === 'p1').length).toBeGreaterThan(60);
  });

  it('never ends a page with a heading', () => {
    for (const { doc, paper } of cases) {
      for (const page of blocksPerPage(layoutDocument(doc, paper, noImages))) {
        expect(page[page.length - 1]).toMatch(/^p\d+$/);
      }
    }
  });
});

describe('PDF layout of French text', () => {
  const article = readFileSync(new URL('../../fixtures/real/wikinews-banques-belges-piratees.md', import.meta.url), 'utf8');
  /** The real article with its words shifted along the lines by a growing lead-in, so its « » ; : ? fall at many places. */
  const variants = Array.from({ length: 8 }, (_, k) => article.replace(/\n26 juin 2012\. /u, `\n${'Oui. '.repeat(k)}26 juin 2012. `));

  it('never starts a line with » ; : ! ? nor ends one with «: the spaces before them do not break', () => {
    let marks = 0;
    for (const text of variants) for (const paper of ['a4', 'letter'] as Paper[]) {
      const layout = layoutDocument(parseArticle(text, { format: 'markdown' }), paper, noImages);
      for (const page of layout.pages) for (const { line } of page) {
        const shown = line.pieces.map((p) => p.text).join('');
        if (shown.trim() === '') continue;
        expect(shown).not.toMatch(/^\s*[»›;:!?]/u);
        expect(shown).not.toMatch(/[«‹]\s*$/u);
        marks += (shown.match(/\u202F[»;!?]|«\u202F|\u00A0:/gu) ?? []).length;
      }
    }
    // Over twenty marks per layout: were their spaces breakable, some would fall at a line's end.
    expect(marks).toBeGreaterThan(8 * 2 * 20);
  });

  it('shows the spaces of an English text as written', () => {
    const layout = layoutDocument(parseArticle('---\ntitle: Test\nlang: en\n---\nHe said « yes » ; why ?\n', { format: 'markdown' }), 'a4', noImages);
    const shown = layout.pages.flatMap((page) => page.map(({ line }) => line.pieces.map((p) => p.text).join(''))).join('\n');
    expect(shown).toContain('He said « yes » ; why ?');
  });
});

describe('PDF layout of hostile text', () => {
  // Chinese, Japanese and Korean faces are WOFF2 files decoded on first use (renderPdf starts the decoder itself).
  beforeAll(() => woff2Ready());

  it.each([
    ['a Latin token', 'a'],
    ['an ideograph run', '中'],
  ])('breaks an unbroken 100,000-character %s into lines inside the column, keeping every character', (_, char) => {
    const token = char.repeat(100_000);
    const doc = parseArticle(`---\ntitle: Token\nlang: en\n---\nBefore ${token} after.\n`, { format: 'markdown' });
    const layout = layoutDocument(doc, 'a4', noImages);
    const frame = pageFrame('a4');
    let drawn = '';
    for (const page of layout.pages) for (const { line } of page) {
      for (const piece of line.pieces) {
        expect(piece.x).toBeGreaterThanOrEqual(frame.left - 0.01);
        expect(piece.x + piece.width).toBeLessThanOrEqual(frame.right + 0.01);
        drawn += piece.text;
      }
    }
    expect(drawn.split(char).length - 1).toBeGreaterThanOrEqual(100_000);
    expect(layout.pages.length).toBeGreaterThan(10);
  });

  it('sets an Arabic paragraph flush right, its first word rightmost', () => {
    const doc = parseArticle('---\ntitle: عنوان\nlang: ar\n---\nيولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.\n', { format: 'markdown' });
    const layout = layoutDocument(doc, 'a4', noImages);
    const frame = pageFrame('a4');
    const body = layout.pages[0]!.map(({ line }) => line).filter((l) => l.pieces.some((p) => p.text.includes('يولد')))[0]!;
    const right = Math.max(...body.pieces.map((p) => p.x + p.width));
    expect(right).toBeCloseTo(frame.right, 1);
    const first = body.pieces.find((p) => p.text.includes('يولد'))!;
    expect(first.x + first.width).toBeCloseTo(right, 1);
    expect(first.rightToLeft).toBe(true);
  });
});
