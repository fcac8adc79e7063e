import type { Clip, Narration } from '../speech/types.js';
import { estimatedWords } from '../speech/words.js';
import { captionsOf, type CaptionWord } from './captions.js';
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

/** Text as a caption shows it: line breaks and control characters folded to spaces, runs of spaces to one. */
export function shownText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/**
 * Cue text as written, made safe for WebVTT: `&`, `<` and `>` escaped, line
 * breaks and control characters folded to spaces (a blank line would end the
 * cue), never empty.
 */
export function cueText(text: string): string {
  // Escaping `>` also keeps `-->`, which would end the cue, out of the text.
  const safe = shownText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return safe === '' ? '&nbsp;' : safe;
}

/** A cue id may not contain `-->` or a line break; model ids never do, but the contract does not promise it. */
function cueId(id: string): string {
  return id.replace(/-->/g, '--').replace(/[\r\n]+/g, ' ');
}

/**
 * The id of a sentence's `n`th cue (from 1): the sentence id for its first
 * cue, `<id>-2`, `<id>-3`... for the ones that continue it. Model ids hold no
 * `-`, so a cue id names its sentence unambiguously.
 */
export function captionCueId(unitId: string, n: number): string {
  return n === 1 ? unitId : `${unitId}-${n}`;
}

/** The words of a clip as captions show them; spread over the clip by length when it has no word times. */
function captionWords(clip: Clip, text: string): CaptionWord[] {
  const words = clip.words ?? estimatedWords(text, clip.endMs - clip.startMs).map((w) => ({ start: w.start, end: w.end, startMs: clip.startMs + w.from, endMs: clip.startMs + w.to }));
  return words.map((w) => ({ text: shownText(text.slice(w.start, w.end)), startMs: w.startMs, endMs: w.endMs })).filter((w) => w.text !== '');
}

/**
 * WebVTT captions: each spoken unit's written text in cues of at most two
 * lines of 42 characters, cut at phrase boundaries (writers/captions.ts),
 * each cue from its first word's start to its last word's end.
 */
export function renderVtt(narration: Pick<Narration, 'clips'>, texts: ReadonlyMap<string, string>, lang: string): string {
  const cues = narration.clips.flatMap((clip: Clip) => {
    const text = texts.get(clip.id) ?? '';
    const captions = captionsOf(captionWords(clip, text), lang);
    // A unit with no words to show (or that the engine rendered as nothing) still gets its cue: every unit id is in the captions.
    const shown = captions.length > 0 ? captions : [{ lines: [text], startMs: clip.startMs, endMs: clip.endMs }];
    return shown.map((caption, i) => {
      // A cue must not end before it starts.
      const end = Math.max(caption.endMs, caption.startMs + 1);
      return `${cueId(captionCueId(clip.id, i + 1))}\n${vttTimestamp(caption.startMs)} --> ${vttTimestamp(end)}\n${caption.lines.map(cueText).join('\n')}\n`;
    });
  });
  return `WEBVTT\n\n${cues.join('\n')}`;
}

export const vttWriter: Writer = {
  format: 'vtt',
  byDefault: true,
  needs: ['narration'],
  description: 'narration.vtt: WebVTT captions of at most 2 lines of 42 characters, timed to the words (cue ids: the sentence id, then <id>-2, <id>-3)',
  async write(context) {
    const narration = await context.resources.narration();
    const texts = new Map(narration.units.map((u) => [u.id, u.text]));
    return [{ name: 'narration.vtt', data: renderVtt(narration, texts, context.doc.meta.lang) }];
  },
};
