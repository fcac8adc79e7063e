import webvtt, { type ParsedCue, type ParseError } from 'webvtt-parser';
import entities from 'webvtt-parser/html-entities.json' with { type: 'json' };
import type { Finding } from '../types.js';
import type { Outcome, Timing } from '../validator.js';
import { idDifference } from './timing.js';

export type { ParsedCue } from 'webvtt-parser';

export const VTT_CHECKED = 'the W3C WebVTT parser (webvtt-parser), subtitles mode: no parse error; cue ids and times = timing.json\'s units';

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

function timeFindings(cues: readonly ParsedCue[], timing: Timing): Finding[] {
  const findings: Finding[] = [];
  cues.forEach((cue, i) => {
    const unit = timing.units[i];
    if (!unit || unit.id !== cue.id) return;
    for (const [edge, seconds, ms] of [['start', cue.startTime, unit.startMs], ['end', cue.endTime, unit.endMs]] as const) {
      if (Math.abs(seconds * 1000 - ms) >= SAME_MS) findings.push({ rule: 'times', message: `cue ${cue.id} ${edge}s at ${(seconds * 1000).toFixed(0)} ms, timing.json says ${ms} ms` });
    }
  });
  return findings;
}

/** narration.vtt: parse errors, then its cues against timing.json (when it is usable). */
export function vttOutcome(text: string, timing: Timing | undefined): Outcome {
  const { cues, errors } = parseVtt(text);
  const findings: Finding[] = errors.map((e) => ({ rule: 'parse', message: e.message, location: `line ${e.line}` }));
  if (timing) {
    const ids = idDifference('cue', cues.map((c) => c.id), "timing.json's unit", timing.units.map((u) => u.id));
    if (ids) findings.push({ rule: 'ids', message: ids });
    findings.push(...timeFindings(cues, timing));
  }
  return { checked: timing ? VTT_CHECKED : `${VTT_CHECKED} (not compared: no usable timing.json)`, counts: { cues: cues.length, problems: findings.length }, findings };
}
