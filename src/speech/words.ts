import { speechBounds, type Pcm } from './audio/pcm.js';
import { MarkRole, markRoles } from '../model/sentences.js';
import type { SpokenWord } from './engines/types.js';

/**
 * Word times of one unit: the written words of its text, each with the
 * stretch of the unit's speech that says it.
 */

/** A written word (or written words said as one, such as "9:00 AM") and the samples of the unit's speech that say it. */
export interface WordSpan {
  /** `[start, end)` of the unit's written text, in UTF-16 units. */
  readonly start: number;
  readonly end: number;
  /** `[from, to)` in samples of the unit's speech (after its silence is cut). */
  readonly from: number;
  readonly to: number;
}

export interface UnitWords {
  readonly words: readonly WordSpan[];
  /** True when the engine reported no word positions and the times are spread over the unit by word length. */
  readonly estimated: boolean;
}

/**
 * The written words of a text: its runs of non-space characters, with marks
 * typed apart counted with their word: an opener with the word after it, a
 * closer with the word before. French types a space inside « » and before
 * ; : ! ?, and a word is heard, highlighted and captioned with its marks (a
 * caption line must not end with « nor start with »). Marks are silent, so
 * this changes which text a time covers, never the times.
 */
export function writtenWords(text: string): { start: number; end: number }[] {
  const runs = [...text.matchAll(/\S+/g)];
  // The sentence splitter's view of marks typed apart, so a word's marks are the same wherever it is cut or timed.
  const roles = markRoles(runs.map((run) => run[0]));
  const words: { start: number; end: number }[] = [];
  let opened: number | undefined;
  let end = 0;
  for (const [i, run] of runs.entries()) {
    const previous = words.at(-1);
    end = run.index + run[0].length;
    if (previous && opened === undefined && roles[i] === MarkRole.Closer) previous.end = end;
    else if (roles[i] === MarkRole.Opener) opened ??= run.index;
    else {
      words.push({ start: opened ?? run.index, end });
      opened = undefined;
    }
  }
  // Openers with no word after them stay with the last word, or are the text's only word.
  if (opened !== undefined) {
    const last = words.at(-1);
    if (last) last.end = end;
    else words.push({ start: opened, end });
  }
  return words;
}

interface Group {
  start: number;
  end: number;
  event: number;
  from: number;
}

/**
 * Written words grouped by the engine word that begins them: a word is heard
 * from the first engine word that overlaps it. Written words the engine says
 * as one (a `<sub>` over "9:00 AM") share that first engine word and become
 * one timed word; a written word no engine word overlaps (a dash) joins the
 * word before it, which is still being heard.
 */
function groupsOf(text: string, engineWords: readonly SpokenWord[], offset: number, length: number): Group[] | undefined {
  const groups: Group[] = [];
  let orphans: { start: number; end: number } | undefined;
  for (const word of writtenWords(text)) {
    const event = engineWords.findIndex((w) => w.start < word.end && w.end > word.start);
    const previous = groups.at(-1);
    const sample = Math.min(length, Math.max(0, (engineWords[event]?.sample ?? 0) - offset));
    if (event < 0 || (previous && (event === previous.event || sample <= previous.from))) {
      if (previous) previous.end = word.end;
      else orphans = { start: orphans?.start ?? word.start, end: word.end };
      continue;
    }
    groups.push({ start: orphans?.start ?? word.start, end: word.end, event, from: sample });
    orphans = undefined;
  }
  if (groups.length === 0) return undefined;
  const first = groups[0];
  // The cut speech begins with the first word, wherever the engine placed its event in the silence before it.
  if (first) first.from = 0;
  return groups;
}

/** Word spans spread over `length` samples (or milliseconds) in proportion to each word's length (with its following space). */
export function estimatedWords(text: string, length: number): WordSpan[] {
  const words = writtenWords(text);
  const total = words.reduce((n, w) => n + (w.end - w.start + 1), 0);
  let at = 0;
  return words.map((w) => {
    const from = Math.round((at * length) / total);
    at += w.end - w.start + 1;
    return { start: w.start, end: w.end, from, to: Math.round((at * length) / total) };
  });
}

/**
 * The timed words of a unit, from its written text, the engine's words (their
 * samples counted in the engine's PCM) and the unit's speech, cut from that
 * PCM at `offset`. After a pause eSpeak reports a word up to ~50 ms before
 * its voice: each word starts where its voice does after the engine's
 * position, and ends where its voice fades before the next word's position
 * (a comma's pause belongs to no word); the last ends with the speech.
 */
export function unitWords(text: string, engineWords: readonly SpokenWord[] | undefined, speech: Pcm, offset: number): UnitWords {
  const length = speech.samples.length;
  const groups = engineWords && engineWords.length > 0 ? groupsOf(text, engineWords, offset, length) : undefined;
  if (!groups) return { words: estimatedWords(text, length), estimated: true };
  const words = groups.map((g, i) => {
    const next = groups[i + 1]?.from ?? length;
    const heard = speechBounds(speech, g.from, next);
    return heard.end > heard.start ? { start: g.start, end: g.end, from: heard.start, to: heard.end } : { start: g.start, end: g.end, from: g.from, to: next };
  });
  return { words, estimated: false };
}
