import { inlineText } from '../../model/inline.js';
import type { Block, Document, Inline, Sentence } from '../../model/types.js';
import { fontRuns, loadFont, type Face, type FontName } from './fonts.js';
import { forEachSegment, graphemes, severalGraphemes } from '../../shared/graphemes.js';
import { hasRightToLeft, mirrored, reversedNeutrals, visualRuns } from './bidi.js';
import { langRuns, textDirection } from '../../shared/lang.js';
import { linkTarget } from '../../shared/links.js';
import { displayDate } from '../../shared/dates.js';
import { displayText } from '../../shared/typography.js';
import type { Paper } from '../options.js';

/**
 * Typesetting: the document model turned into lines of measured text placed
 * on pages. Pure computation (no PDF is touched here): every piece of text
 * carries the structure node it belongs to, so that the tagger can wrap it in
 * marked content of the right element, in reading order.
 *
 * Lines are set ragged (easier to read than justified text, WCAG 1.4.8):
 * flush left, or flush right in a right-to-left language, with list labels
 * and quotation rules on that side too. They break at spaces, after
 * hyphens/dashes inside words, and between words of scripts written without
 * spaces (Thai, Chinese, Japanese, Korean; never before closing punctuation);
 * a word wider than the column is broken between characters. Each line's
 * text is put in visual order by the Unicode Bidirectional Algorithm. Pages keep at least two lines of a
 * paragraph at the foot (no orphans) and at the head (no widows), and a
 * heading stays with the first lines of what follows it.
 */


export const PAPER_SIZES: Readonly<Record<Paper, readonly [number, number]>> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

/** The page and its text area, in points from the top-left corner. */
export interface PageFrame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export function pageFrame(paper: Paper): PageFrame {
  const [width, height] = PAPER_SIZES[paper];
  const side = 72;
  return { width, height, left: side, right: width - side, top: 78, bottom: height - 72 };
}

/** The standard structure types this writer uses (PDF 1.7, 14.8.4): no role map is needed. */
export type Role = 'Document' | 'Art' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'Span' | 'Link' | 'Code' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote' | 'Figure' | 'Caption';

/** A structure element the layout asks for; the tagger turns it into a PDF structure element. */
export interface StructNode {
  readonly role: Role;
  readonly parent: StructNode | null;
  /** The model's id, written as the element's `/ID`. */
  readonly id?: string;
  readonly lang?: string;
  readonly alt?: string;
  /** The logical text of a right-to-left run, which is drawn in visual order (pdfkit has no bidi). */
  readonly actualText?: string;
}

export type Rgb = readonly [number, number, number];

export const COLORS = {
  text: [26, 26, 26] as Rgb,
  heading: [17, 17, 17] as Rgb,
  muted: [77, 77, 77] as Rgb,
  link: [11, 79, 156] as Rgb,
  rule: [150, 150, 150] as Rgb,
};

export interface LinkTarget {
  readonly url: string;
  /** What the link does, for the annotation's `/Contents` and the element's alternate text. */
  readonly description: string;
  readonly node: StructNode;
}

/** Text in one font, one size, one structure node; `x` is from the page's left edge. */
export interface Piece {
  readonly text: string;
  readonly font: FontName;
  readonly size: number;
  readonly x: number;
  readonly width: number;
  readonly node: StructNode;
  readonly color: Rgb;
  readonly link?: LinkTarget;
  /** A stretch drawn right to left: fontkit shapes it whole and puts its glyphs in visual order. */
  readonly rightToLeft?: true;
  /** Where the piece starts in the line's logical text, when the line is drawn in another order than it is read. */
  readonly logical?: number;
}

export interface OutlineEntry {
  readonly title: string;
  /** 1 for the article title, 2 for the body's top headings, ... */
  readonly level: number;
}

interface LineBase {
  readonly height: number;
  /** x positions of the rules drawn left of quoted text. */
  readonly bars: readonly number[];
  /** Text drawn before the line's own content (a list label). */
  readonly pieces: readonly Piece[];
}

export interface TextLine extends LineBase {
  readonly kind: 'text';
  /** Baseline, from the top of the line box. */
  readonly ascent: number;
  readonly outline?: OutlineEntry;
}

export interface ImageLine extends LineBase {
  readonly kind: 'image';
  readonly x: number;
  readonly width: number;
  readonly image: Uint8Array;
  readonly node: StructNode;
  readonly ascent: number;
  /** An image without a text alternative is decoration: drawn as an artifact, outside the structure. */
  readonly decorative: boolean;
}

/** A horizontal rule, drawn as an artifact. */
export interface RuleLine extends LineBase {
  readonly kind: 'rule';
}

export type Line = TextLine | ImageLine | RuleLine;

export interface PlacedLine {
  readonly line: Line;
  /** Top of the line box, from the page's top edge. */
  readonly top: number;
}

export interface Layout {
  readonly frame: PageFrame;
  readonly root: StructNode;
  readonly pages: readonly (readonly PlacedLine[])[];
  /** Characters no embedded font has (drawn as a substitute), with the id of the sentence they are in; each once. */
  readonly missing: readonly { readonly cluster: string; readonly id: string }[];
}

/** Natural size of an image, or undefined when it cannot be embedded. */
/** An image the PDF can draw, with its size in pixels. */
export interface ProbedImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** The drawable image of a figure, by figure id, or undefined (its text alternative is printed instead). */
export type ImageProbe = (figureId: string) => ProbedImage | undefined;

const BODY_SIZE = 10.5;
const BODY_LEADING = 1.48;

// --- measuring -----------------------------------------------------------------

const widths = new Map<string, number>();

/** Advance width of `text` in `font` at size 1; kept per process, words repeat a lot. */
function advance(font: FontName, text: string): number {
  const key = `${font}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const f = loadFont(font);
    width = f.layout(text).advanceWidth / f.unitsPerEm;
    if (widths.size > 200_000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

// --- inline flattening ---------------------------------------------------------

interface Style {
  readonly family: 'serif' | 'sans';
  readonly bold: boolean;
  readonly italic: boolean;
  readonly mono: boolean;
  readonly size: number;
  readonly color: Rgb;
}

function faceOf(style: Style): Face {
  if (style.mono) return 'mono';
  if (style.family === 'sans') return style.bold ? (style.italic ? 'sans-bold-italic' : 'sans-bold') : 'sans';
  if (style.bold) return style.italic ? 'serif-bold-italic' : 'serif-bold';
  return style.italic ? 'serif-italic' : 'serif';
}

/** Text of one style and one structure node. */
interface Segment {
  readonly text: string;
  readonly style: Style;
  readonly node: StructNode;
  readonly link?: LinkTarget;
  /** The language of the text when it is not the document's (it picks Chinese, Japanese or Korean glyphs). */
  readonly lang?: string;
}

function linkDescription(link: Extract<Inline, { type: 'link' }>): string {
  const text = inlineText(link.children).trim();
  const title = link.title?.trim();
  const label = title || text || link.url;
  return label === link.url ? `Link: ${link.url}` : `Link: ${label} (${link.url})`;
}

function flattenInlines(inlines: readonly Inline[], style: Style, node: StructNode, out: Segment[], link?: LinkTarget): void {
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out.push({ text: inline.value, style, node, ...(link ? { link } : {}) });
        break;
      case 'code':
        out.push({ text: inline.value, style: { ...style, mono: true, size: style.size * 0.92 }, node: { role: 'Code', parent: node }, ...(link ? { link } : {}) });
        break;
      case 'emphasis':
        flattenInlines(inline.children, { ...style, italic: !style.italic }, node, out, link);
        break;
      case 'strong':
        flattenInlines(inline.children, { ...style, bold: true }, node, out, link);
        break;
      case 'link': {
        // Only http(s) and mailto become live links (as in the EPUB); a javascript: or file: target stays plain text.
        const target = linkTarget(inline.url);
        if (link || target === undefined) {
          flattenInlines(inline.children, style, node, out, link);
          break;
        }
        const description = linkDescription(inline);
        const linkNode: StructNode = { role: 'Link', parent: node, alt: description };
        flattenInlines(inline.children, { ...style, color: COLORS.link }, linkNode, out, { url: target, description, node: linkNode });
        break;
      }
    }
  }
}

/** A text block's segments: one Span (with the sentence id) per sentence, a space between sentences. */
function sentenceSegments(sentences: readonly Sentence[], style: Style, parent: StructNode): Segment[] {
  const out: Segment[] = [];
  sentences.forEach((sentence, i) => {
    const span: StructNode = { role: 'Span', parent, id: sentence.id };
    flattenInlines(sentence.inlines, style, span, out);
    // Chinese and Japanese sentences follow one another with no space (the full stop is wide).
    if (i < sentences.length - 1 && !/[\u3000-\u303f\uff00-\uffef]$/u.test(sentence.text)) out.push({ text: ' ', style, node: span });
  });
  return out;
}

/**
 * Scripts whose shaping reorders and splits characters (a Devanagari vowel
 * sign drawn before its consonant, a Thai tone mark stacked on a vowel): the
 * glyphs cannot be mapped back to the text one by one, so the text they
 * stand for travels with them as `/ActualText`.
 */
const COMPLEX = /[\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Tamil}\p{scx=Thai}]/u;

export function isComplex(text: string): boolean {
  return COMPLEX.test(text);
}

/**
 * Segments re-split where the script changes to another language, each such
 * run its own Span with `/Lang`. Right-to-left text is drawn in visual order
 * and complex scripts reorder their glyphs, so such a Span carries the
 * logical text as `/ActualText` (ISO 32000-1 14.9.4) for screen readers and
 * extraction from the structure tree.
 */
function withLanguages(segments: readonly Segment[], lang: string): Segment[] {
  return segments.flatMap((segment) =>
    langRuns(segment.text, lang).map((run): Segment => {
      const reordered = hasRightToLeft(run.text) || isComplex(run.text);
      if (!run.lang && !reordered) return { ...segment, text: run.text };
      const node: StructNode = { role: 'Span', parent: segment.node, ...(run.lang ? { lang: run.lang } : {}), ...(reordered ? { actualText: run.text } : {}) };
      return { ...segment, text: run.text, node, ...(run.lang ? { lang: run.lang } : {}) };
    }),
  );
}

// --- line breaking ---------------------------------------------------------------

interface Part {
  readonly text: string;
  /** The logical text the part stands for (differs from `text` for a substitute or left-out ignorables). */
  readonly source: string;
  readonly font: FontName;
  readonly size: number;
  readonly width: number;
  readonly node: StructNode;
  readonly color: Rgb;
  readonly link?: LinkTarget;
  /** Never merged into the piece before it (a skin-tone modifier drawn apart). */
  readonly separate?: true;
  readonly rightToLeft?: true;
  readonly logical?: number;
}

interface Word {
  readonly parts: readonly Part[];
  readonly width: number;
  /** Width of the trailing spaces, which may hang past the margin. */
  readonly trailing: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Scripts written without spaces between words: lines break between their words (found by ICU's dictionaries). */
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** No line starts with closing punctuation or ends with opening punctuation (the kinsoku rule, UAX #14 CL/OP). */
const NO_BREAK_BEFORE = /[\p{Pe}\p{Pf}\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\u30fc\u3005\u309d\u309e\u30fd\u30fe!?,.:;\u3063\u30c3\u3083\u3085\u3087\u30e3\u30e5\u30e7\u3041\u3043\u3045\u3047\u3049\u30a1\u30a3\u30a5\u30a7\u30a9]/u;
const NO_BREAK_AFTER = /[\p{Ps}\p{Pi}]/u;

/** Offsets where a new word may start: after spaces, after a hyphen, dash or slash inside a word, between words of unspaced scripts. */
function breakOffsets(text: string, lang: string): number[] {
  const offsets: number[] = [];
  for (let p = 1; p < text.length; p++) {
    const prev = text[p - 1] ?? '';
    const cur = text[p] ?? '';
    if ((prev === ' ' && cur !== ' ') || prev === '\u200b') offsets.push(p);
    else if (/[-\u2010\u2013\u2014/]/.test(prev) && LETTER_OR_DIGIT.test(cur) && LETTER_OR_DIGIT.test(text[p - 2] ?? '')) offsets.push(p);
  }
  if (!UNSPACED.test(text)) return offsets;
  const found = new Set(offsets);
  forEachSegment(text, wordSegmenter(lang), (_, index) => {
    if (index === 0 || found.has(index)) return;
    const prev = text[index - 1] ?? '';
    const cur = text[index] ?? '';
    if (/\s/.test(prev) || /\s/.test(cur) || !(UNSPACED.test(prev) || UNSPACED.test(cur))) return;
    if (NO_BREAK_BEFORE.test(cur) || NO_BREAK_AFTER.test(prev) || /[\p{M}\u200d]/u.test(cur)) return;
    found.add(index);
  });
  return [...found].sort((x, y) => x - y);
}

const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(lang);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    } catch {
      segmenter = new Intl.Segmenter('und', { granularity: 'word' });
    }
    wordSegmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Characters no embedded font has, found while laying out the current
 * document. layoutDocument is synchronous, so one collector for the call it
 * is in cannot mix two documents.
 */
let missing: { cluster: string; id: string }[] = [];

/** The nearest model id above a node (the sentence a character is in). */
function idOf(node: StructNode | null): string {
  for (let at = node; at; at = at.parent) if (at.id) return at.id;
  return 'title';
}

function partsOf(text: string, segment: Segment, lang: string): Part[] {
  return fontRuns(text, faceOf(segment.style), (cluster) => missing.push({ cluster, id: idOf(segment.node) }), segment.lang ?? lang).map((run) => {
    return {
      text: run.text,
      source: run.source,
      font: run.font,
      size: segment.style.size,
      width: advance(run.font, run.text) * segment.style.size,
      // A substitute is drawn; the text layer keeps the character itself (ISO 32000-1 14.9.4).
      node: run.substituted ? { role: 'Span', parent: segment.node, actualText: run.source } : segment.node,
      color: segment.style.color,
      ...(segment.link ? { link: segment.link } : {}),
      ...(run.separate ? { separate: true as const } : {}),
    };
  });
}

function wordOf(parts: Part[]): Word {
  const width = parts.reduce((sum, p) => sum + p.width, 0);
  const last = parts[parts.length - 1];
  let trailing = 0;
  if (last) {
    const spaces = /\s+$/.exec(last.text)?.[0] ?? '';
    trailing = spaces ? advance(last.font, spaces) * last.size : 0;
  }
  return { parts, width, trailing };
}

/** The segments cut into words (with their trailing spaces), each word a list of parts; one pass over both. */
function wordsOf(segments: readonly Segment[], lang: string): Word[] {
  const text = segments.map((s) => s.text).join('');
  const bounds = [0, ...breakOffsets(text, lang), text.length];
  const words: Word[] = [];
  let index = 0;
  let start = 0;
  for (let w = 0; w < bounds.length - 1; w++) {
    const a = bounds[w] ?? 0;
    const b = bounds[w + 1] ?? 0;
    const parts: Part[] = [];
    while (index < segments.length) {
      const segment = segments[index] as Segment;
      const end = start + segment.text.length;
      const from = Math.max(a, start);
      const to = Math.min(b, end);
      if (to > from) parts.push(...partsOf(segment.text.slice(from - start, to - start), segment, lang));
      if (end > b) break;
      start = end;
      index++;
    }
    if (parts.length > 0) words.push(wordOf(parts));
  }
  return words;
}


/** A word too wide for the column, as one word per character cluster (a substitute stays whole). */
function characterWords(word: Word): Word[] {
  return word.parts.flatMap((part) =>
    part.text !== part.source
      ? [wordOf([part])]
      : graphemes(part.text).map((segment) => wordOf([{ ...part, text: segment, source: segment, width: advance(part.font, segment) * part.size }])),
  );
}

/** Adjacent parts that look and are tagged alike, drawn as one piece. */
function piecesOf(parts: readonly Part[], x: number): Piece[] {
  const pieces: Piece[] = [];
  let cursor = x;
  let lastPart: Part | undefined;
  for (const part of parts) {
    const last = pieces[pieces.length - 1];
    const alike = last && lastPart && !part.separate && !lastPart.separate && last.font === part.font && last.size === part.size && last.node === part.node && last.color === part.color && last.link === part.link && Boolean(last.rightToLeft) === Boolean(part.rightToLeft);
    if (last && alike) {
      // Right-to-left parts arrive in visual order; their logical text runs the other way.
      const logical = last.logical === undefined || part.logical === undefined ? undefined : Math.min(last.logical, part.logical);
      pieces[pieces.length - 1] = { ...last, text: part.rightToLeft ? part.text + last.text : last.text + part.text, width: last.width + part.width, ...(logical !== undefined ? { logical } : {}) };
    } else {
      pieces.push({ text: part.text, font: part.font, size: part.size, x: cursor, width: part.width, node: part.node, color: part.color, ...(part.link ? { link: part.link } : {}), ...(part.rightToLeft ? { rightToLeft: true as const } : {}), ...(part.logical !== undefined ? { logical: part.logical } : {}) });
    }
    cursor += part.width;
    lastPart = part;
  }
  return pieces;
}

/** Greedy line filling: as many words as fit in `width`, trailing spaces allowed to hang. Linear in the words. */
function breakLines(words: readonly Word[], width: number): Part[][] {
  const lines: Part[][] = [];
  let current: Part[] = [];
  let filled = 0;
  const place = (word: Word, splittable: boolean): void => {
    const fits = filled + word.width - word.trailing <= width + 0.01;
    if (!fits && current.length > 0) {
      lines.push(current);
      current = [];
      filled = 0;
    }
    if (splittable && current.length === 0 && word.width - word.trailing > width + 0.01 && (word.parts.length > 1 || severalGraphemes(word.parts[0]?.text ?? ''))) {
      for (const piece of characterWords(word)) place(piece, false);
      return;
    }
    current.push(...word.parts);
    filled += word.width;
  };
  for (const word of words) place(word, true);
  if (current.length > 0) lines.push(current);
  return lines;
}

/**
 * A line's parts in visual order, left to right: cut where the embedding
 * level changes, each right-to-left stretch marked so that it is shaped and
 * drawn right to left. A line with no right-to-left text in a left-to-right
 * paragraph is returned as it is.
 */
function visualOrder(parts: readonly Part[], direction: 'ltr' | 'rtl'): Part[] {
  const text = parts.map((p) => p.source).join('');
  if (direction === 'ltr' && !hasRightToLeft(text)) return [...parts];
  const owners: number[] = [];
  const cuts: number[] = [];
  parts.forEach((part, i) => {
    cuts.push(owners.length);
    for (let k = 0; k < part.source.length; k++) owners.push(i);
  });
  const starts = cuts.slice();
  const result: Part[] = [];
  const seen = new Set<number>();
  for (const run of visualRuns(text, direction, cuts)) {
    const owner = owners[run.start] ?? 0;
    const part = parts[owner] as Part;
    const partStart = starts[owner] ?? 0;
    if (part.text !== part.source) {
      // A substitute or a cluster with left-out characters is drawn whole, once.
      if (seen.has(owner)) continue;
      seen.add(owner);
      result.push({ ...part, logical: partStart, ...(run.rightToLeft ? { rightToLeft: true as const } : {}) });
      continue;
    }
    const source = part.source.slice(run.start - partStart, run.end - partStart);
    if (run.rightToLeft && !hasRightToLeft(source)) {
      // Punctuation and spaces running right to left: one piece per character, mirrored, so that each is drawn
      // where it is seen and the content still reads in logical order.
      let offset = run.start;
      const chars = graphemes(source).map((segment) => {
        const at = offset;
        offset += segment.length;
        return { segment, at };
      });
      for (const { segment, at } of chars.reverse()) {
        const text = reversedNeutrals(segment);
        result.push({ ...part, text, source: segment, width: advance(part.font, text) * part.size, logical: at, separate: true });
      }
      continue;
    }
    const text = run.rightToLeft ? mirrored(source) : source;
    const width = text === part.text ? part.width : advance(part.font, text) * part.size;
    result.push({ ...part, text, source, width, logical: run.start, ...(run.rightToLeft ? { rightToLeft: true as const } : {}) });
  }
  return result;
}

/** Text outside the structure (running heads, folios) measured into pieces. */
export function measuredPieces(text: string, face: Face, size: number, x: number, color: Rgb, lang?: string): Piece[] {
  const node: StructNode = { role: 'Span', parent: null };
  const parts = fontRuns(text, face, undefined, lang).map(
    (run): Part => ({ text: run.text, source: run.source, font: run.font, size, width: advance(run.font, run.text) * size, node, color, ...(run.separate ? { separate: true as const } : {}) }),
  );
  return piecesOf(visualOrder(parts, lang ? textDirection(lang) : 'ltr'), x);
}

// --- blocks ----------------------------------------------------------------------

interface FlowBlock {
  readonly lines: Line[];
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  readonly keepWithNext: boolean;
  /** Whether the block may break across pages (images and short blocks may not). */
  readonly splittable: boolean;
}

interface Context {
  readonly doc: Document;
  readonly frame: PageFrame;
  readonly probe: ImageProbe;
  readonly blocks: FlowBlock[];
  /** Left and right edges of the current column. */
  left: number;
  right: number;
  bars: number[];
  /** A list label waiting for the first line of its item. */
  label: Piece[] | undefined;
  /** The document's direction: which side lines, list labels and quotation rules keep to. */
  readonly direction: 'ltr' | 'rtl';
}

function takeLabel(ctx: Context): Piece[] {
  const label = ctx.label ?? [];
  ctx.label = undefined;
  return label;
}

/** Segments as the page shows them: the language's display typography on all but code. */
function shownSegments(segments: readonly Segment[], lang: string): Segment[] {
  return segments.map((segment) => (segment.style.mono ? segment : { ...segment, text: displayText(segment.text, segment.lang ?? lang) }));
}

/** Lines of text in `lang` (the document's unless a passage has its own), flush with the side its direction reads from. */
function textLines(ctx: Context, segments: readonly Segment[], size: number, leading: number, outline?: OutlineEntry, lang = ctx.doc.meta.lang): TextLine[] {
  const height = size * leading;
  const ascent = (height - size) / 2 + size * 0.82;
  const direction = textDirection(lang);
  return breakLines(wordsOf(withLanguages(shownSegments(segments, lang), lang), lang), ctx.right - ctx.left).map((logical, i) => {
    const parts = visualOrder(logical, direction);
    const width = parts.reduce((sum, p) => sum + p.width, 0);
    return {
      kind: 'text',
      height,
      ascent,
      bars: [...ctx.bars],
      pieces: [...(i === 0 ? takeLabel(ctx) : []), ...piecesOf(parts, direction === 'rtl' ? ctx.right - width : ctx.left)],
      // The bookmark says what the heading shows.
      ...(i === 0 && outline ? { outline: { ...outline, title: displayText(outline.title, lang) } } : {}),
    };
  });
}

function push(ctx: Context, lines: Line[], spaceBefore: number, spaceAfter: number, keepWithNext = false, splittable = true): void {
  if (lines.length > 0) ctx.blocks.push({ lines, spaceBefore, spaceAfter, keepWithNext, splittable });
}

const HEADING_SIZES = [15, 12.5, 11, 10.5, 10.5, 10.5];

function headingRole(level: number): Role {
  return `H${Math.min(level, 6)}` as Role;
}

function body(size = BODY_SIZE): Style {
  return { family: 'serif', bold: false, italic: false, mono: false, size, color: COLORS.text };
}

function layoutBlocks(ctx: Context, blocks: readonly Block[], parent: StructNode): void {
  for (const block of blocks) {
    switch (block.type) {
      case 'heading': {
        const node: StructNode = { role: headingRole(block.level + 1), parent, id: block.id };
        const size = HEADING_SIZES[block.level - 1] ?? BODY_SIZE;
        const style: Style = { family: 'sans', bold: true, italic: false, mono: false, size, color: COLORS.heading };
        const title = block.sentences.map((s) => s.text).join(' ');
        push(ctx, textLines(ctx, sentenceSegments(block.sentences, style, node), size, 1.3, { title, level: block.level + 1 }), size * 1.1, size * 0.45, true);
        break;
      }
      case 'paragraph': {
        const node: StructNode = { role: 'P', parent, id: block.id, ...(block.lang ? { lang: block.lang } : {}) };
        push(ctx, textLines(ctx, sentenceSegments(block.sentences, body(), node), BODY_SIZE, BODY_LEADING, undefined, block.lang), 0, BODY_SIZE * 0.7);
        break;
      }
      case 'list': {
        const list: StructNode = { role: 'L', parent, id: block.id };
        const indent = 20;
        block.items.forEach((item, i) => {
          const li: StructNode = { role: 'LI', parent: list, id: item.id };
          const lbl: StructNode = { role: 'Lbl', parent: li };
          const labelText = block.ordered ? `${(block.start ?? 1) + i}.` : '\u2022';
          const labelParts = partsOf(labelText, { text: labelText, style: body(), node: lbl }, ctx.doc.meta.lang);
          const labelWidth = labelParts.reduce((s, p) => s + p.width, 0);
          const rtl = ctx.direction === 'rtl';
          if (rtl) ctx.right -= indent;
          else ctx.left += indent;
          // An outer item whose first block is this list still has its own label waiting: both go on the first line.
          ctx.label = [...(ctx.label ?? []), ...piecesOf(labelParts, rtl ? ctx.right + 6 : ctx.left - 6 - labelWidth)];
          layoutBlocks(ctx, item.blocks, { role: 'LBody', parent: li });
          ctx.label = undefined;
          if (rtl) ctx.right += indent;
          else ctx.left -= indent;
        });
        break;
      }
      case 'quote': {
        const node: StructNode = { role: 'BlockQuote', parent, id: block.id };
        ctx.bars.push(ctx.direction === 'rtl' ? ctx.right - 4 : ctx.left + 2);
        ctx.left += 16;
        ctx.right -= 16;
        layoutBlocks(ctx, block.blocks, node);
        ctx.left -= 16;
        ctx.right += 16;
        ctx.bars.pop();
        break;
      }
      case 'figure':
        layoutFigure(ctx, block, parent);
        break;
    }
  }
}

function layoutFigure(ctx: Context, figure: Extract<Block, { type: 'figure' }>, parent: StructNode): void {
  const alt = figure.alt.trim();
  const image = ctx.probe(figure.id);
  const lines: Line[] = [];
  if (image) {
    const maxWidth = ctx.right - ctx.left;
    const maxHeight = (ctx.frame.bottom - ctx.frame.top) * 0.5;
    const scale = Math.min(1, maxWidth / image.width, maxHeight / image.height);
    const width = image.width * scale;
    const height = image.height * scale;
    const node: StructNode = { role: 'Figure', parent, id: figure.id, alt };
    lines.push({ kind: 'image', height, ascent: height, x: ctx.left, width, image: image.data, node, decorative: !alt, bars: [...ctx.bars], pieces: takeLabel(ctx) });
  } else if (alt) {
    // No image to embed (a remote URL, a missing or unsupported file): the text alternative is printed in its place.
    const node: StructNode = { role: 'Figure', parent, id: figure.id, alt };
    const style: Style = { ...body(BODY_SIZE * 0.95), italic: true, color: COLORS.muted };
    lines.push(...textLines(ctx, [{ text: `[${alt}]`, style, node }], style.size, BODY_LEADING));
  }
  if (figure.title && lines.length > 0) {
    const caption: StructNode = { role: 'Caption', parent };
    const style: Style = { ...body(BODY_SIZE * 0.9), color: COLORS.muted };
    lines.push(...textLines(ctx, [{ text: figure.title, style, node: caption }], style.size, BODY_LEADING));
  }
  push(ctx, lines, BODY_SIZE * 0.4, BODY_SIZE, false, false);
}

function layoutTitle(ctx: Context, art: StructNode): void {
  const { meta } = ctx.doc;
  const titleSize = 22;
  const h1: StructNode = { role: 'H1', parent: art };
  const titleStyle: Style = { family: 'sans', bold: true, italic: false, mono: false, size: titleSize, color: COLORS.heading };
  push(ctx, textLines(ctx, [{ text: meta.title, style: titleStyle, node: h1 }], titleSize, 1.18, { title: meta.title, level: 1 }), 0, 8, true);
  const metaStyle: Style = { family: 'sans', bold: false, italic: false, mono: false, size: 9.5, color: COLORS.muted };
  const lines: Line[] = [];
  if (meta.authors.length > 0) {
    const node: StructNode = { role: 'P', parent: art };
    lines.push(...textLines(ctx, [{ text: meta.authors.join(', '), style: { ...metaStyle, bold: true }, node }], metaStyle.size, 1.45));
  }
  const dateLine = [meta.date ? displayDate(meta.date, meta.lang) : undefined, meta.source].filter((s): s is string => Boolean(s)).join(' \u00b7 ');
  if (dateLine) {
    const node: StructNode = { role: 'P', parent: art };
    lines.push(...textLines(ctx, [{ text: dateLine, style: metaStyle, node }], metaStyle.size, 1.45));
  }
  if (meta.description) {
    const node: StructNode = { role: 'P', parent: art };
    const style: Style = { ...body(12), italic: true };
    lines.push(...textLines(ctx, [{ text: meta.description, style, node }], style.size, 1.4));
  }
  lines.push({ kind: 'rule', height: 18, bars: [], pieces: [] });
  push(ctx, lines, 0, 6, false, false);
}

// --- pagination ------------------------------------------------------------------

function heightOf(lines: readonly Line[]): number {
  return lines.reduce((sum, l) => sum + l.height, 0);
}

/** How many of a block's first lines must share a page: two (no orphan), or all of a short or unbreakable block. */
function minimumLines(block: FlowBlock): number {
  const n = block.lines.length;
  if (!block.splittable || n <= 3) return n;
  return 2;
}

/** The blocks placed on pages, keeping headings with what follows and leaving no widows or orphans. */
function paginate(blocks: readonly FlowBlock[], frame: PageFrame): PlacedLine[][] {
  const pageHeight = frame.bottom - frame.top;
  const pages: PlacedLine[][] = [[]];
  let y = 0;
  const page = (): PlacedLine[] => pages[pages.length - 1] as PlacedLine[];
  const newPage = (): void => {
    pages.push([]);
    y = 0;
  };
  blocks.forEach((block, b) => {
    let before = y === 0 ? 0 : block.spaceBefore;
    let needed = before + heightOf(block.lines.slice(0, minimumLines(block)));
    // Keep a heading with its block's first lines (and a chain of headings together).
    for (let k = b; blocks[k]?.keepWithNext && blocks[k + 1]; k++) {
      const next = blocks[k + 1] as FlowBlock;
      needed += (k === b ? heightOf(block.lines.slice(minimumLines(block))) : 0) + next.spaceBefore + heightOf(next.lines.slice(0, minimumLines(next)));
      if (!next.keepWithNext) break;
    }
    if (y > 0 && y + needed > pageHeight) {
      newPage();
      before = 0;
    }
    y += before;
    const n = block.lines.length;
    block.lines.forEach((line, i) => {
      if (y > 0 && y + line.height > pageHeight) {
        // Breaking before line i: leave no single line behind on the next page (widow).
        const remaining = n - i;
        const current = page();
        let carried: PlacedLine[] = [];
        if (remaining < 2 && i >= 3 && block.splittable) carried = current.splice(current.length - 1, 1);
        newPage();
        for (const c of carried) {
          page().push({ line: c.line, top: frame.top + y });
          y += c.line.height;
        }
      }
      page().push({ line, top: frame.top + y });
      y += line.height;
    });
    y += block.spaceAfter;
  });
  return pages.filter((p, i) => p.length > 0 || i === 0);
}

/** The document set on pages of the given paper. */
export function layoutDocument(doc: Document, paper: Paper, probe: ImageProbe): Layout {
  const frame = pageFrame(paper);
  const root: StructNode = { role: 'Document', parent: null };
  const art: StructNode = { role: 'Art', parent: root };
  const ctx: Context = { doc, frame, probe, blocks: [], left: frame.left, right: frame.right, bars: [], label: undefined, direction: textDirection(doc.meta.lang) };
  missing = [];
  try {
    layoutTitle(ctx, art);
    layoutBlocks(ctx, doc.blocks, art);
    const seen = new Set<string>();
    const unique = missing.filter((m) => !seen.has(`${m.cluster}\0${m.id}`) && seen.add(`${m.cluster}\0${m.id}`));
    return { frame, root, pages: paginate(ctx.blocks, frame), missing: unique };
  } finally {
    missing = [];
  }
}
