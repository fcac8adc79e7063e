import type { Clip, Narration } from '../speech/types.js';
import type { Writer } from './types.js';

/** `HH:MM:SS.mmm`. */
export function vttTimestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const frac = total % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(frac).padStart(3, '0')}`;
}

/**
 * Cue text as written, made safe for WebVTT: `&`, `<` and `>` escaped, line
 * breaks and control characters folded to spaces (a blank line would end the
 * cue), never empty.
 */
export function cueText(text: string): string {
  const flat = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  // Escaping `>` also keeps `-->`, which would end the cue, out of the text.
  const safe = flat.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return safe === '' ? '&nbsp;' : safe;
}

/** A cue id may not contain `-->` or a line break; model ids never do, but the contract does not promise it. */
function cueId(id: string): string {
  return id.replace(/-->/g, '--').replace(/[\r\n]+/g, ' ');
}

/** WebVTT with one cue per spoken unit: cue id = unit id, text as written, times from the MP3's timing. */
export function renderVtt(narration: Pick<Narration, 'clips'>, texts: ReadonlyMap<string, string>): string {
  const cues = narration.clips.map((clip: Clip) => {
    // A cue must not end before it starts; a unit the engine rendered as nothing gets 1 ms.
    const end = Math.max(clip.endMs, clip.startMs + 1);
    return `${cueId(clip.id)}\n${vttTimestamp(clip.startMs)} --> ${vttTimestamp(end)}\n${cueText(texts.get(clip.id) ?? '')}\n`;
  });
  return `WEBVTT\n\n${cues.join('\n')}`;
}

export const vttWriter: Writer = {
  format: 'vtt',
  byDefault: true,
  needs: ['narration'],
  description: 'narration.vtt: WebVTT captions, one cue per sentence (cue id = sentence id)',
  async write(context) {
    const narration = await context.resources.narration();
    const texts = new Map(narration.units.map((u) => [u.id, u.text]));
    return [{ name: 'narration.vtt', data: renderVtt(narration, texts) }];
  },
};
