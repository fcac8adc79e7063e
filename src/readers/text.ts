import { cleanText } from '../model/clean.js';
import type { Draft, DraftBlock } from '../model/draft.js';

/**
 * The sample's date marker: `date YYYY-MM-DD` at the very start, possibly after
 * whitespace. Only something shaped like a date counts ("Date 2 of the tour" is
 * text); an impossible one (2024-13-45) is an error, not silently text.
 */
const DATE_MARKER = /^\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|$)[ \t]*/i;

/*
 * Structure in plain text, inferred conservatively from the layout (a
 * newsroom's plain text has headings and lists but no markup for them):
 * - a list: a paragraph whose lines all start with a bullet (- * • –) or a
 *   number ("1." "2)"), or of three or more short lines none of which ends a
 *   sentence; or a run of three or more short one-line paragraphs (a list of
 *   names is a list, not a run of headings);
 * - a heading: an isolated short line, between paragraphs, that starts with a
 *   capital letter or a digit and does not end like a sentence.
 * Prose gets none: a line ending in . ! ? : ; , or a closing quote is text.
 */

/** Longest line that can be a heading or a short list line. */
const SHORT_LINE = 80;
const MAX_HEADING_WORDS = 12;
const MIN_LIST_LINES = 3;
const BULLET = /^(?:[-*•–]|\d{1,3}[.)])\s+/u;
const ENDS_LIKE_PROSE = /[.!?:;,…"”»’)\]]$/u;

function lines(paragraph: string): string[] {
  return paragraph.split('\n').map((l) => l.trim()).filter(Boolean);
}

function isShortLine(line: string): boolean {
  return line.length <= SHORT_LINE && !ENDS_LIKE_PROSE.test(line);
}

function headingLike(paragraph: string): boolean {
  const [line, ...rest] = lines(paragraph);
  return line !== undefined && rest.length === 0 && isShortLine(line) && line.split(/\s+/).length <= MAX_HEADING_WORDS && /^[\p{Lu}\p{Lt}\p{N}]/u.test(line);
}

/** The items of a paragraph laid out as a list, or undefined. */
function listItems(paragraph: string): { ordered: boolean; items: string[] } | undefined {
  const all = lines(paragraph);
  if (all.length >= 2 && all.every((l) => BULLET.test(l))) {
    return { ordered: all.every((l) => /^\d/.test(l)), items: all.map((l) => l.replace(BULLET, '')) };
  }
  if (all.length >= MIN_LIST_LINES && all.every(isShortLine)) return { ordered: false, items: all };
  return undefined;
}

const textInlines = (value: string): { type: 'text'; value: string }[] => [{ type: 'text', value }];

function listBlock(items: readonly string[], ordered: boolean): DraftBlock {
  return { type: 'list', ordered, inferred: true, items: items.map((item) => [{ type: 'paragraph', inlines: textInlines(item) }]) };
}

/** The blocks of the article's paragraphs with headings and lists inferred (see above). */
function inferStructure(paragraphs: readonly string[]): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  for (let i = 0; i < paragraphs.length; ) {
    const paragraph = paragraphs[i] ?? '';
    // A run of short one-line paragraphs: a list.
    let end = i;
    while (end < paragraphs.length && lines(paragraphs[end] ?? '').length === 1 && isShortLine(paragraphs[end] ?? '')) end++;
    if (end - i >= MIN_LIST_LINES) {
      blocks.push(listBlock(paragraphs.slice(i, end).map((p) => p.trim()), false));
      i = end;
      continue;
    }
    const list = listItems(paragraph);
    if (list) blocks.push(listBlock(list.items, list.ordered));
    else if (i > 0 && i < paragraphs.length - 1 && headingLike(paragraph) && !headingLike(paragraphs[i + 1] ?? '')) {
      blocks.push({ type: 'heading', level: 2, inlines: textInlines(paragraph.trim()), inferred: true });
    } else blocks.push({ type: 'paragraph', inlines: textInlines(paragraph) });
    i++;
  }
  return blocks;
}

export interface TextReaderOptions {
  /** Infer headings and lists from the layout (default true; `--no-infer-structure`). */
  readonly inferStructure?: boolean;
}

/**
 * Reads the plain-text article format: an optional leading `date YYYY-MM-DD`
 * marker (on the same line as the first paragraph), paragraphs separated by
 * blank lines, single line breaks inside a paragraph read as spaces; headings
 * and lists inferred from the layout unless turned off.
 */
export function readText(source: string, options: TextReaderOptions = {}): Draft {
  let text = cleanText(source.replace(/^\uFEFF/, ''));
  let date: string | undefined;
  const marker = DATE_MARKER.exec(text);
  if (marker) {
    date = marker[1];
    text = text.slice(marker[0].length);
  }
  const paragraphs = text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
  const infer = options.inferStructure !== false;
  // A first short line standing alone above the text is the headline.
  const headline = infer && paragraphs.length > 1 && headingLike(paragraphs[0] ?? '') && !headingLike(paragraphs[1] ?? '') ? paragraphs.shift()?.trim() : undefined;
  const blocks: DraftBlock[] = infer ? inferStructure(paragraphs) : paragraphs.map((p) => ({ type: 'paragraph', inlines: textInlines(p) }));
  return { meta: { ...(date !== undefined ? { date } : {}), ...(headline !== undefined ? { title: headline } : {}) }, blocks, warnings: [] };
}
