import { loadFont, type Face, type FontName } from './fonts.js';
import { graphemes } from '../../shared/graphemes.js';
import { textDirection } from '../../shared/lang.js';
import { COLORS, isComplex, measuredPieces, type Layout, type Line, type LinkTarget, type Piece, type PlacedLine, type Rgb } from './layout.js';
import { bookmark, drawText, linkAnnotation, outlineRoot, type Outline, type PdfDoc } from './pdfkit-fixes.js';
import type { Tagger } from './tagging.js';

/**
 * Draws the laid-out pages: the article's text as tagged content, running
 * header (title) and footer (page number) as pagination artifacts, link
 * underlines and rules as layout artifacts, link annotations and bookmarks.
 */

function drawPiece(doc: PdfDoc, piece: Piece, baseline: number): void {
  doc.font(piece.font).fontSize(piece.size).fillColor([...piece.color]);
  drawText(doc, piece.text, piece.x, baseline, piece.width, piece.rightToLeft === true);
}

/** Width of the piece without its trailing spaces (what an underline should cover). */
function inkWidth(piece: Piece): number {
  const trimmed = piece.text.replace(/\s+$/, '');
  if (trimmed === piece.text) return piece.width;
  const font = loadFont(piece.font);
  return (font.layout(trimmed).advanceWidth / font.unitsPerEm) * piece.size;
}

/** A string set in one face, truncated with an ellipsis to `maxWidth`. */
function fittedPieces(text: string, face: Face, size: number, x: number, color: Rgb, maxWidth: number, lang: string): Piece[] {
  let pieces = measuredPieces(text, face, size, x, color, lang);
  const width = (ps: Piece[]): number => ps.reduce((s, p) => s + p.width, 0);
  if (width(pieces) <= maxWidth) return pieces;
  const clusters = graphemes(text);
  const cut = (n: number): Piece[] => measuredPieces(`${clusters.slice(0, n).join('').trimEnd()}\u2026`, face, size, x, color, lang);
  // Binary search for the longest prefix that fits: measuring every shorter prefix in turn is quadratic in the title's length.
  let [fits, tooLong] = [1, clusters.length];
  while (tooLong - fits > 1) {
    const mid = (fits + tooLong) >> 1;
    if (width(cut(mid)) <= maxWidth) fits = mid;
    else tooLong = mid;
  }
  pieces = cut(fits);
  return pieces;
}

function drawRunningHeadAndFoot(doc: PdfDoc, tagger: Tagger, layout: Layout, header: readonly Piece[], pageNumber: number, pageCount: number): void {
  const { frame } = layout;
  tagger.artifact('Pagination', () => {
    for (const piece of header) drawPiece(doc, piece, 44);
    doc.moveTo(frame.left, 50).lineTo(frame.right, 50).lineWidth(0.4).strokeColor([...COLORS.rule]).stroke();
    const folio = `${pageNumber} / ${pageCount}`;
    const pieces = measuredPieces(folio, 'sans', 8.5, 0, COLORS.muted);
    const width = pieces.reduce((s, p) => s + p.width, 0);
    const x = (frame.width - width) / 2;
    for (const piece of pieces) drawPiece(doc, { ...piece, x: piece.x + x }, frame.height - 40);
  });
}

/** Pieces grouped into consecutive runs of the same structure node, each one marked-content sequence. */
function runsByNode(pieces: readonly Piece[]): Piece[][] {
  const runs: Piece[][] = [];
  for (const piece of pieces) {
    const last = runs[runs.length - 1];
    if (last && last[0]?.node === piece.node) last.push(piece);
    else runs.push([piece]);
  }
  return runs;
}

/** The extent of each link on a line, for its annotation. */
function linkRects(pieces: readonly Piece[]): { link: LinkTarget; x: number; width: number }[] {
  const rects: { link: LinkTarget; x: number; width: number }[] = [];
  for (const piece of pieces) {
    if (!piece.link) continue;
    const last = rects[rects.length - 1];
    const end = piece.x + inkWidth(piece);
    if (last && last.link === piece.link) last.width = Math.max(last.width, end - last.x);
    else rects.push({ link: piece.link, x: piece.x, width: end - piece.x });
  }
  return rects;
}

class OutlineBuilder {
  private readonly stack: { level: number; item: Outline }[] = [];
  constructor(private readonly doc: PdfDoc) {}
  add(title: string, level: number, top: number): void {
    while (this.stack.length > 0 && (this.stack[this.stack.length - 1]?.level ?? 0) >= level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1]?.item ?? outlineRoot(this.doc);
    this.stack.push({ level, item: bookmark(this.doc, parent, title, top) });
  }
}

function drawLine(doc: PdfDoc, tagger: Tagger, outline: OutlineBuilder, placed: PlacedLine, layout: Layout): void {
  const { line, top } = placed;
  if (line.bars.length > 0) {
    tagger.artifact('Layout', () => {
      for (const x of line.bars) doc.rect(x, top, 2, line.height).fill([...COLORS.rule]);
    });
  }
  if (line.kind === 'rule') {
    tagger.artifact('Layout', () => {
      doc.moveTo(layout.frame.left, top + line.height / 2).lineTo(layout.frame.right, top + line.height / 2).lineWidth(0.6).strokeColor([...COLORS.rule]).stroke();
    });
    return;
  }
  const baseline = top + line.ascent;
  if (line.kind === 'text' && line.outline) outline.add(line.outline.title, line.outline.level, top);
  drawTextPieces(doc, tagger, line, baseline, top);
  if (line.kind === 'image') {
    const draw = (): void => {
      doc.image(Buffer.from(line.image), line.x, top, { width: line.width, height: line.height });
    };
    if (line.decorative) tagger.artifact('Layout', draw);
    else tagger.content(line.node, draw);
  }
}

function drawTextPieces(doc: PdfDoc, tagger: Tagger, line: Line, baseline: number, top: number): void {
  // Pieces placed in visual order are drawn in reading order, so that the structure tree and the content stream read as the text does.
  const pieces = line.pieces.some((p) => p.logical !== undefined) ? [...line.pieces].sort((a, b) => (a.logical ?? -1) - (b.logical ?? -1)) : line.pieces;
  for (const run of runsByNode(pieces)) {
    const node = run[0]?.node;
    if (!node) continue;
    // Glyphs of a complex script do not map back to its text one by one: its marked content says what it stands for (ISO 32000-1 14.9.4).
    const text = run.map((piece) => piece.text).join('');
    const actual = node.role === 'Span' && isComplex(text) ? text : undefined;
    tagger.content(node, () => run.forEach((piece) => drawPiece(doc, piece, baseline)), actual);
  }
  // A link's annotation follows its text on the line, under the same Link element.
  for (const rect of linkRects(line.pieces)) {
    linkAnnotation(doc, tagger.element(rect.link.node), [rect.x, top, rect.width, line.height], rect.link.url, rect.link.description);
  }
  const underlined = line.pieces.filter((p) => p.link);
  if (underlined.length > 0) {
    // Links are underlined as well as coloured, so they show without colour (WCAG 1.4.1).
    tagger.artifact('Layout', () => {
      for (const piece of underlined) {
        doc.moveTo(piece.x, baseline + piece.size * 0.14).lineTo(piece.x + inkWidth(piece), baseline + piece.size * 0.14).lineWidth(piece.size * 0.06).strokeColor([...piece.color]).stroke();
      }
    });
  }
}

/** The running head: the title as shown (shared/typography.ts), cut to the measure, flush with the side the language reads from. */
export function runningHeader(title: string, layout: Layout, lang: string): Piece[] {
  const { frame } = layout;
  const pieces = fittedPieces(title, 'sans', 8.5, frame.left, COLORS.muted, frame.right - frame.left, lang);
  if (textDirection(lang) !== 'rtl') return pieces;
  const shift = frame.right - frame.left - pieces.reduce((s, p) => s + p.width, 0);
  return pieces.map((piece) => ({ ...piece, x: piece.x + shift }));
}

/** Every font the pages draw in (the folio is set in Noto Sans), so that a document registers just those. */
export function fontsDrawn(layout: Layout, header: readonly Piece[]): Set<FontName> {
  const fonts = new Set<FontName>(['NotoSans', ...header.map((p) => p.font)]);
  for (const page of layout.pages) for (const { line } of page) for (const piece of line.pieces) fonts.add(piece.font);
  return fonts;
}

/** Draws every page of the layout into the document. */
export function renderLayout(doc: PdfDoc, tagger: Tagger, layout: Layout, header: readonly Piece[]): void {
  const outline = new OutlineBuilder(doc);
  const { frame } = layout;
  layout.pages.forEach((page, i) => {
    doc.addPage({ size: [frame.width, frame.height], margin: 0 });
    drawRunningHeadAndFoot(doc, tagger, layout, header, i + 1, layout.pages.length);
    for (const placed of page) drawLine(doc, tagger, outline, placed, layout);
  });
}
