import type { Finding } from '../types.js';
import type { Outcome, Timing } from '../validator.js';

/*
 * timing.json (src/writers/audio.ts): where each spoken unit lies in
 * narration.mp3. Checked for its shape, for units in reading order inside the
 * audio, for chapters that tile the audio from 0 to its end, and for unit ids
 * that are exactly the document's narrated ids.
 */

export const TIMING_CHECKED = 'timing.json: shape; units in order within durationMs, their words in order within them; chapters tiling [0, durationMs]; unit ids = the document\'s narrated ids';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function shapeProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not a JSON object'];
  const problems: string[] = [];
  if (value.audio !== 'narration.mp3') problems.push('audio is not "narration.mp3"');
  if (!isTime(value.durationMs) || value.durationMs <= 0) problems.push('durationMs is not a positive number');
  for (const key of ['engine', 'voice'] as const) if (typeof value[key] !== 'string' || value[key] === '') problems.push(`${key} is not a name`);
  if (!Number.isInteger(value.sampleRate) || (value.sampleRate as number) <= 0) problems.push('sampleRate is not a positive whole number');
  const spans = (key: 'units' | 'chapters', extra: readonly string[]): void => {
    const list = value[key];
    if (!Array.isArray(list)) return void problems.push(`${key} is not a list`);
    list.forEach((item: unknown, i) => {
      const ok = isObject(item) && typeof item.id === 'string' && item.id !== '' && isTime(item.startMs) && isTime(item.endMs) && extra.every((k) => typeof item[k] === 'string');
      if (!ok) problems.push(`${key}[${i}] is not {id, ${[...extra, 'startMs', 'endMs'].join(', ')}}`);
    });
  };
  spans('units', []);
  spans('chapters', ['title']);
  if (value.wordTimes !== undefined && !['engine', 'estimated', 'mixed'].includes(value.wordTimes as string)) problems.push('wordTimes is not engine, estimated or mixed');
  if (Array.isArray(value.units)) {
    value.units.forEach((unit: unknown, i) => {
      const words = isObject(unit) ? unit.words : undefined;
      if (words === undefined) return;
      const ok = Array.isArray(words) && words.every((w: unknown) => isObject(w) && typeof w.text === 'string' && w.text !== '' && Number.isInteger(w.start) && Number.isInteger(w.end) && isTime(w.startMs) && isTime(w.endMs));
      if (!ok) problems.push(`units[${i}].words is not a list of {text, start, end, startMs, endMs}`);
    });
  }
  return problems;
}

/** timing.json's content as a Timing when its shape is right (for the checks of the MP3, VTT and EPUB that compare with it). */
export function timingOf(value: unknown): Timing | undefined {
  return shapeProblems(value).length === 0 ? (value as Timing) : undefined;
}

function orderProblems(timing: Timing): string[] {
  const problems: string[] = [];
  timing.units.forEach((unit, i) => {
    if (!(unit.endMs > unit.startMs)) problems.push(`unit ${unit.id} ends at ${unit.endMs} ms, not after its start (${unit.startMs} ms)`);
    const previous = timing.units[i - 1];
    if (previous && unit.startMs < previous.endMs) problems.push(`unit ${unit.id} starts at ${unit.startMs} ms, before ${previous.id} ends (${previous.endMs} ms)`);
    if (unit.endMs > timing.durationMs) problems.push(`unit ${unit.id} ends at ${unit.endMs} ms, after the audio (${timing.durationMs} ms)`);
    (unit.words ?? []).forEach((word, k, words) => {
      const before = words[k - 1];
      if (!(word.endMs > word.startMs)) problems.push(`word ${k + 1} of ${unit.id} ("${word.text}") ends at ${word.endMs} ms, not after its start (${word.startMs} ms)`);
      if (word.startMs < (before?.endMs ?? unit.startMs) || word.endMs > unit.endMs) problems.push(`word ${k + 1} of ${unit.id} ("${word.text}") at ${word.startMs}-${word.endMs} ms is out of order or outside its unit (${unit.startMs}-${unit.endMs} ms)`);
      if (!(word.end > word.start) || word.start < (before?.end ?? 0)) problems.push(`word ${k + 1} of ${unit.id} ("${word.text}") at characters ${word.start}-${word.end} is out of order`);
    });
  });
  return problems;
}

function chapterProblems(timing: Timing): string[] {
  const problems: string[] = [];
  if (timing.chapters.length === 0) return ['no chapters'];
  if (timing.chapters[0]?.startMs !== 0) problems.push(`the first chapter starts at ${timing.chapters[0]?.startMs} ms, not 0`);
  timing.chapters.forEach((chapter, i) => {
    const next = timing.chapters[i + 1];
    if (next && next.startMs !== chapter.endMs) problems.push(`chapter ${next.id} starts at ${next.startMs} ms, not where ${chapter.id} ends (${chapter.endMs} ms)`);
  });
  const last = timing.chapters.at(-1);
  if (last && last.endMs !== timing.durationMs) problems.push(`the last chapter ends at ${last.endMs} ms, not at the end of the audio (${timing.durationMs} ms)`);
  const ids = timing.chapters.map((c) => c.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`chapter id ${id} is used twice`);
  return problems;
}

/** Where two id lists first differ, in words (`cue 3 is p2s1, timing.json's unit 3 is p1s2 (...)`); undefined when they are equal. */
export function idDifference(what: string, actual: readonly string[], other: string, expected: readonly string[]): string | undefined {
  const i = actual.findIndex((id, k) => id !== expected[k]);
  if (i === -1 && actual.length === expected.length) return undefined;
  const at = i === -1 ? actual.length : i;
  return `${what} ${at + 1} is ${actual[at] ?? '(none)'}, ${other} ${at + 1} is ${expected[at] ?? '(none)'} (${actual.length} against ${expected.length})`;
}

/** The findings of timing.json's checks; `spoken` (the document's narrated ids) when document.json is valid. */
export function timingOutcome(text: string, spoken: readonly string[] | undefined): Outcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { checked: TIMING_CHECKED, counts: { problems: 1 }, findings: [{ rule: 'json', message: `not JSON: ${(error as Error).message}` }] };
  }
  const findings: Finding[] = shapeProblems(value).map((message) => ({ rule: 'shape', message }));
  const timing = timingOf(value);
  if (timing) {
    findings.push(...orderProblems(timing).map((message) => ({ rule: 'order', message })));
    findings.push(...chapterProblems(timing).map((message) => ({ rule: 'chapters', message })));
    const ids = spoken && idDifference('unit', timing.units.map((u) => u.id), "the document's narrated unit", spoken);
    if (ids) findings.push({ rule: 'ids', message: ids });
  }
  return { checked: spoken ? TIMING_CHECKED : `${TIMING_CHECKED} (ids not compared: no valid document.json)`, counts: { units: timing?.units.length ?? 0, problems: findings.length }, findings };
}
