import type { Narration } from '../../speech/types.js';
import { CONTENT_HREF } from './xhtml.js';
import { escapeAttr } from '../../shared/xml.js';

export const OVERLAY_HREF = 'content.smil';
export const AUDIO_HREF = 'audio/narration.mp3';

/** One `<par>`: an element of the content document and its stretch of the audio, in whole milliseconds. */
export interface OverlayPar {
  readonly id: string;
  readonly beginMs: number;
  readonly endMs: number;
}

/**
 * The narration's clips as overlay pars that tile the whole MP3: the first
 * begins at 0, each ends where the next begins (so the pause after a sentence
 * plays with it) and the last ends at the audio's end. Boundaries are whole
 * milliseconds, so the pars' durations add up exactly to `media:duration`.
 *
 * Throws when the narration does not fit the content: a clip for an id the
 * document lacks, a sentence without a clip, clips out of order or beyond the
 * audio.
 */
export function overlayPars(narration: Narration, targets: ReadonlySet<string>, sentenceIds: readonly string[]): OverlayPar[] {
  const total = Math.round(narration.durationMs);
  if (!(total > 0)) throw new Error(`narration: audio duration ${narration.durationMs} ms is not positive`);
  const seen = new Set<string>();
  for (const clip of narration.clips) {
    if (!targets.has(clip.id)) throw new Error(`narration: clip "${clip.id}" has no element with that id in the book`);
    if (seen.has(clip.id)) throw new Error(`narration: two clips for "${clip.id}"`);
    seen.add(clip.id);
    if (!(clip.startMs >= 0 && clip.endMs > clip.startMs)) throw new Error(`narration: clip "${clip.id}" has times ${clip.startMs}-${clip.endMs} ms`);
    if (clip.endMs > narration.durationMs + 0.5) throw new Error(`narration: clip "${clip.id}" ends at ${clip.endMs} ms, after the audio's end (${narration.durationMs} ms)`);
  }
  const missing = sentenceIds.filter((id) => !seen.has(id));
  if (missing.length > 0) throw new Error(`narration: no clip for sentence${missing.length > 1 ? 's' : ''} ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
  const clips = narration.clips;
  const pars: OverlayPar[] = [];
  for (let i = 0; i < clips.length; i++) {
    const clip = clips[i]!;
    const next = clips[i + 1];
    if (next && !(next.startMs >= clip.endMs - 0.5)) throw new Error(`narration: clip "${next.id}" starts before clip "${clip.id}" ends`);
    const beginMs = i === 0 ? 0 : pars[i - 1]!.endMs;
    const endMs = next ? Math.round(next.startMs) : total;
    if (endMs <= beginMs) throw new Error(`narration: clip "${clip.id}" is shorter than a millisecond`);
    pars.push({ id: clip.id, beginMs, endMs });
  }
  return pars;
}

/** A SMIL clock value in seconds, e.g. `12.345s`. */
export function clipTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/** A `media:duration` clock value, e.g. `0:01:11.234`. */
export function clockValue(ms: number): string {
  const whole = Math.round(ms);
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  const millis = whole % 1000;
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
}

/** The SMIL 3.0 Media Overlay document: one `<par>` per narrated element, in reading order. */
export function overlayDocument(pars: readonly OverlayPar[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<smil xmlns="http://www.w3.org/ns/SMIL" version="3.0">',
    '  <body>',
    // Pars sit directly in the body: a wrapping <seq epub:textref> would need a
    // fragment (EPUBCheck 4.2 MED-014) and adds nothing for one flat article.
    ...pars.flatMap((par) => [
      `    <par id="par-${escapeAttr(par.id)}">`,
      `      <text src="${CONTENT_HREF}#${escapeAttr(par.id)}"/>`,
      `      <audio src="${AUDIO_HREF}" clipBegin="${clipTime(par.beginMs)}" clipEnd="${clipTime(par.endMs)}"/>`,
      '    </par>',
    ]),
    '  </body>',
    '</smil>',
    '',
  ].join('\n');
}
