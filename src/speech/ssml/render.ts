import type { Inline } from '../../model/types.js';
import { emphasis, phoneme, sub, text } from './builder.js';
import type { Profile } from './profiles.js';
import { xmlSafeText } from '../../shared/xml.js';
import type { Reading } from './readings.js';

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/*
 * A sentence's inlines and readings as SSML content. Emphasis and strong
 * become <emphasis> (where the profile allows it); links and code are read as
 * their text. A reading that crosses an emphasis boundary takes the emphasis
 * of its first character, so a <sub> never has to straddle two elements.
 */

type Level = 0 | 1 | 2;

interface Run {
  readonly start: number;
  readonly end: number;
  readonly level: Level;
}

function emphasisRuns(inlines: readonly Inline[]): Run[] {
  const runs: Run[] = [];
  let offset = 0;
  const visit = (nodes: readonly Inline[], level: Level): void => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'code') {
        if (node.value.length > 0) {
          const last = runs[runs.length - 1];
          if (last && last.level === level && last.end === offset) runs[runs.length - 1] = { ...last, end: offset + node.value.length };
          else runs.push({ start: offset, end: offset + node.value.length, level });
        }
        offset += node.value.length;
      } else {
        const inner: Level = node.type === 'strong' ? 2 : node.type === 'emphasis' ? (Math.max(level, 1) as Level) : level;
        visit(node.children, inner);
      }
    }
  };
  visit(inlines, 0);
  return runs;
}

/** The emphasis level at a character (runs are sorted and disjoint: binary search). */
function levelAt(runs: readonly Run[], index: number): Level {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const run = runs[mid] as Run;
    if (index < run.start) high = mid - 1;
    else if (index >= run.end) low = mid + 1;
    else return run.level;
  }
  return 0;
}

interface Piece {
  readonly level: Level;
  readonly ssml: string;
}

function readingSsml(written: string, reading: Reading, profile: Profile): string {
  if (reading.phoneme !== undefined && reading.alphabet !== undefined && profile.phonemeAlphabet(reading.alphabet)) {
    return phoneme(reading.alphabet, reading.phoneme, written);
  }
  if (reading.spoken !== undefined) return sub(reading.spoken, written);
  return text(written);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * An alias that touches a letter or digit of the text around it ("#5", "&a")
 * gets a space on that side, so that the engine does not run the words together.
 */
function padded(reading: Reading, text: string): Reading {
  if (reading.spoken === undefined) return reading;
  // Whole code points on either side: a letter outside the BMP is two UTF-16 units.
  const before = WORD_CHARACTER.test([...text.slice(Math.max(0, reading.start - 2), reading.start)].pop() ?? '') ? ' ' : '';
  const after = WORD_CHARACTER.test([...text.slice(reading.end, reading.end + 2)][0] ?? '') ? ' ' : '';
  return before || after ? { ...reading, spoken: `${before}${reading.spoken.trim()}${after}` } : reading;
}

/**
 * What a sentence sounds like as plain text: each reading's spoken words in
 * place of what is written (a transcription-only reading keeps the written
 * word), exactly what the `<sub alias>` of its SSML says. Engines that do not
 * read SSML speak this.
 */
export function spokenText(writtenText: string, readings: readonly Reading[]): string {
  let out = '';
  let cursor = 0;
  for (const reading of readings) {
    if (reading.start < cursor || reading.end > writtenText.length) continue;
    const padding = padded(reading, writtenText);
    out += writtenText.slice(cursor, reading.start) + (padding.spoken ?? writtenText.slice(reading.start, reading.end));
    cursor = reading.end;
  }
  return (out + writtenText.slice(cursor)).replace(/\s+/g, ' ').trim();
}

/** The SSML content of one sentence (what goes inside its `<s>`). `sentenceText` is the concatenated inline text. */
export function sentenceContent(writtenText: string, inlines: readonly Inline[], readings: readonly Reading[], profile: Profile): string {
  // Made XML-safe as a whole (length-preserving, so offsets hold): a surrogate pair split over two inlines stays one character.
  const sentenceText = xmlSafeText(writtenText);
  const runs = inlines.length > 0 ? emphasisRuns(inlines) : [{ start: 0, end: sentenceText.length, level: 0 as Level }];
  const pieces: Piece[] = [];
  const plain = (from: number, to: number): void => {
    // Cut plain text at emphasis boundaries.
    let at = from;
    while (at < to) {
      const level = levelAt(runs, at);
      let next = at + 1;
      // Never cut between the two halves of a surrogate pair.
      while (next < to && (levelAt(runs, next) === level || isLowSurrogate(sentenceText, next))) next++;
      pieces.push({ level, ssml: text(sentenceText.slice(at, next)) });
      at = next;
    }
  };
  let cursor = 0;
  for (const reading of readings) {
    if (reading.start < cursor || reading.end > sentenceText.length) continue;
    plain(cursor, reading.start);
    pieces.push({ level: levelAt(runs, reading.start), ssml: readingSsml(sentenceText.slice(reading.start, reading.end), padded(reading, sentenceText), profile) });
    cursor = reading.end;
  }
  plain(cursor, sentenceText.length);

  let out = '';
  for (let i = 0; i < pieces.length; ) {
    const level = pieces[i]?.level ?? 0;
    let group = '';
    while (i < pieces.length && pieces[i]?.level === level) group += pieces[i++]?.ssml ?? '';
    out += level === 0 || !profile.emphasis ? group : emphasis(level === 2 ? 'strong' : 'moderate', group);
  }
  return out;
}
