import * as bidiModule from 'bidi-js';
import type { Bidi } from 'bidi-js';

/**
 * The Unicode Bidirectional Algorithm (UAX #9, through `bidi-js`) for one
 * line of the PDF: which stretches of the line's logical text are drawn in
 * which order, and which of them run right to left. pdfkit has no bidi of
 * its own; fontkit shapes and reverses a right-to-left stretch it is given
 * whole, so the layout only has to hand it the stretches in visual order.
 */

// bidi-js is CommonJS whose `module.exports` is the factory; its types declare an ES default export, which TypeScript's NodeNext reads as the namespace.
const bidi = (bidiModule as unknown as { default: () => Bidi }).default();

/** Characters whose presence makes a line need the algorithm (strong right-to-left letters and the explicit controls). */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export function hasRightToLeft(text: string): boolean {
  return RIGHT_TO_LEFT.test(text);
}

/** A stretch `[start, end)` of the logical text at one embedding level; odd levels run right to left. */
export interface LevelRun {
  readonly start: number;
  readonly end: number;
  readonly rightToLeft: boolean;
}

/**
 * The line's text cut where the embedding level changes and at `cuts`
 * (boundaries the caller needs kept, such as font changes), in visual order,
 * left to right. Trailing white space takes the paragraph's level (rule L1).
 */
export function visualRuns(text: string, direction: 'ltr' | 'rtl', cuts: readonly number[]): LevelRun[] {
  if (text === '') return [];
  const levels = bidi.getEmbeddingLevels(text, direction);
  const order = Array.from({ length: text.length }, (_, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, levels)) {
    for (let a = start, b = end; a < b; a++, b--) [order[a], order[b]] = [order[b] as number, order[a] as number];
  }
  const cutSet = new Set(cuts);
  const runs: { start: number; end: number; rightToLeft: boolean }[] = [];
  let last: { start: number; end: number; rightToLeft: boolean } | undefined;
  for (const index of order) {
    const rightToLeft = ((levels.levels[index] ?? 0) & 1) === 1;
    // Visual neighbours belong together when they are logical neighbours in the reading direction, with no cut between.
    if (last && last.rightToLeft === rightToLeft && !rightToLeft && index === last.end && !cutSet.has(index)) last.end++;
    else if (last && last.rightToLeft === rightToLeft && rightToLeft && index === last.start - 1 && !cutSet.has(last.start)) last.start--;
    else {
      last = { start: index, end: index + 1, rightToLeft };
      runs.push(last);
    }
  }
  return runs;
}

/**
 * A right-to-left stretch with its brackets mirrored: fontkit reverses it but
 * applies no mirroring unless the font has an `rtlm` feature (DejaVu has
 * none), and extractors mirror brackets back when they read it right to left.
 */
export function mirrored(text: string): string {
  return [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');
}

/** A right-to-left stretch with no right-to-left letter, reversed by hand (fontkit reverses only stretches of a right-to-left script), brackets mirrored. */
export function reversedNeutrals(text: string): string {
  return [...text]
    .reverse()
    .map((char) => bidi.getMirroredCharacter(char) ?? char)
    .join('');
}
