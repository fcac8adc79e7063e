import { MAX_LINE_CHARS, MAX_LINES } from '../../shared/captions.js';
import webvtt, { type ParsedCue, type ParseError } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json' with { type: 'json' };
import type { Finding } from '../types.js';
import type { Outcome, Timing } from '../validator.js';
import { idDifference } from './timing.js';

export type { ParsedCue } from 'webvtt-parser';

export const VTT_CHECKED =
  'the W3C WebVTT parser (webvtt-parser), subtitles mode: no parse error; at most 2 lines of 42 characters a cue; cues = timing.json\'s units in order (ids <id>, <id>-2...), each unit\'s cues from its start to its end, each cue from a word\'s start to a word\'s end, showing its words';

// webvtt-parser's built-in entity table lacks the `;` forms (`&lt;` reads as `<;`); its full HTML table is spec-compliant.
const ENTITIES = entities as Record<string, string>;

/** WebVTT parsed by the W3C parser: its cues and every error it reports. */
export function parseVtt(text: string): { cues: ParsedCue[]; errors: ParseError[] } {
  return new webvtt.WebVTTParser(ENTITIES).parse(text, 'subtitles');
}

/** The text a player shows for a cue: its parsed text nodes, entities decoded. */
export function shown(cue: ParsedCue): string {
  return cue.tree.children.map((n) => (n.type === 'text' ? (n.value ?? '') : '')).join('');
}

/** VTT timestamps have millisecond precision and timing.json's times are whole milliseconds: a cue must be within half a millisecond. */
const SAME_MS = 0.5;

/** The unit a cue belongs to and its place among the unit's cues (from 1): `p1s2` is the first cue of p1s2, `p1s2-3` its third. */
export function cueOf(id: string): { unit: string; n: number } {
  const m = /^(.+)-(\d+)$/.exec(id);
  const n = Number(m?.[2]);
  return m && n >= 2 ? { unit: m[1] ?? id, n } : { unit: id, n: 1 };
}

/** Consecutive cues of each unit, in order of appearance. */
function cuesByUnit(cues: readonly ParsedCue[]): { unit: string; cues: ParsedCue[] }[] {
  const groups: { unit: string; cues: ParsedCue[] }[] = [];
  for (const cue of cues) {
    const { unit } = cueOf(cue.id);
    const last = groups.at(-1);
    if (last && last.unit === unit) last.cues.push(cue);
    else groups.push({ unit, cues: [cue] });
  }
  return groups;
}

function numberingFindings(groups: readonly { unit: string; cues: readonly ParsedCue[] }[]): Finding[] {
  return groups.flatMap(({ unit, cues }) =>
    cues.flatMap((cue, i) => (cueOf(cue.id).n === i + 1 ? [] : [{ rule: 'ids', message: `cue ${cue.id} is cue ${i + 1} of ${unit}: its id should be ${i === 0 ? unit : `${unit}-${i + 1}`}` }])),
  );
}

function lineFindings(cues: readonly ParsedCue[]): Finding[] {
  const findings: Finding[] = [];
  for (const cue of cues) {
    const lines = shown(cue).split('\n');
    if (lines.length > MAX_LINES) findings.push({ rule: 'lines', message: `cue ${cue.id} has ${lines.length} lines (at most ${MAX_LINES})` });
    for (const line of lines) {
      // A single word longer than a line is shown whole rather than cut.
      if ([...line].length > MAX_LINE_CHARS && /\s/.test(line)) findings.push({ rule: 'lines', message: `cue ${cue.id} has a line of ${[...line].length} characters (at most ${MAX_LINE_CHARS}): ${line}` });
    }
  }
  return findings;
}

type Unit = Timing['units'][number];

/** A unit's cues against its times, and against its words when timing.json has them. */
function unitTimeFindings(unit: Unit, cues: readonly ParsedCue[]): Finding[] {
  const findings: Finding[] = [];
  const ms = (seconds: number): number => seconds * 1000;
  const far = (a: number, b: number): boolean => Math.abs(a - b) >= SAME_MS;
  const first = cues[0];
  const last = cues.at(-1);
  if (first && far(ms(first.startTime), unit.startMs)) findings.push({ rule: 'times', message: `cue ${first.id} starts at ${ms(first.startTime).toFixed(0)} ms, timing.json says ${unit.id} starts at ${unit.startMs} ms` });
  if (last && far(ms(last.endTime), unit.endMs)) findings.push({ rule: 'times', message: `cue ${last.id} ends at ${ms(last.endTime).toFixed(0)} ms, timing.json says ${unit.id} ends at ${unit.endMs} ms` });
  const words = unit.words;
  if (!words || words.length === 0) return findings;
  let w = 0;
  for (const cue of cues) {
    // The cue shows the next words of the unit, as many as it has written words.
    const count = shown(cue).split(/\s+/).filter((x) => x !== '').length;
    const start = w;
    let taken = 0;
    while (w < words.length && taken < count) taken += (words[w++]?.text ?? '').split(/\s+/).filter((x) => x !== '').length;
    const text = words.slice(start, w).map((x) => x.text).join(' ').replace(/\s+/g, ' ');
    if (text !== shown(cue).replace(/\s+/g, ' ')) {
      findings.push({ rule: 'text', message: `cue ${cue.id} shows "${shown(cue).replace(/\s+/g, ' ')}", timing.json's next words are "${text}"` });
      return findings;
    }
    const from = words[start];
    const to = words[w - 1];
    if (from && far(ms(cue.startTime), from.startMs)) findings.push({ rule: 'times', message: `cue ${cue.id} starts at ${ms(cue.startTime).toFixed(0)} ms, its first word "${from.text}" at ${from.startMs} ms` });
    if (to && far(ms(cue.endTime), to.endMs)) findings.push({ rule: 'times', message: `cue ${cue.id} ends at ${ms(cue.endTime).toFixed(0)} ms, its last word "${to.text}" at ${to.endMs} ms` });
  }
  if (w < words.length) findings.push({ rule: 'text', message: `the cues of ${unit.id} leave out its words from "${words[w]?.text ?? ''}"` });
  return findings;
}

/** narration.vtt: parse errors and readability, then its cues against timing.json (when it is usable). */
export function vttOutcome(text: string, timing: Timing | undefined): Outcome {
  const { cues, errors } = parseVtt(text);
  const findings: Finding[] = errors.map((e) => ({ rule: 'parse', message: e.message, location: `line ${e.line}` }));
  findings.push(...lineFindings(cues));
  if (timing) {
    const groups = cuesByUnit(cues);
    const ids = idDifference('cue group', groups.map((g) => g.unit), "timing.json's unit", timing.units.map((u) => u.id));
    if (ids) findings.push({ rule: 'ids', message: ids });
    findings.push(...numberingFindings(groups));
    groups.forEach((group, i) => {
      const unit = timing.units[i];
      if (unit && unit.id === group.unit) findings.push(...unitTimeFindings(unit, group.cues));
    });
  }
  return { checked: timing ? VTT_CHECKED : `${VTT_CHECKED} (not compared: no usable timing.json)`, counts: { cues: cues.length, problems: findings.length }, findings };
}
