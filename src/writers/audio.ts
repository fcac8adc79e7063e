import { writeWav } from '../speech/audio/wav.js';
import type { TimedNarration } from '../speech/narration.js';
import type { Clip } from '../speech/types.js';
import type { Writer } from './types.js';

/**
 * How the word times of a narration were made: `engine` when the engine
 * reported every unit's words (eSpeak NG), `estimated` when it reported none
 * (spread over each unit by word length), `mixed` otherwise (the estimated
 * units say so).
 */
export function wordTimesOf(clips: readonly Clip[]): 'engine' | 'estimated' | 'mixed' {
  const estimated = clips.filter((c) => c.wordsEstimated === true).length;
  return estimated === 0 ? 'engine' : estimated === clips.length ? 'estimated' : 'mixed';
}

/**
 * `timing.json`: where each unit lies in `narration.mp3`, as a decoder plays
 * it, and where each of its written words does (docs/timing.md).
 */
export function timingJson(narration: TimedNarration): string {
  const texts = new Map(narration.units.map((u) => [u.id, u.text]));
  const wordTimes = wordTimesOf(narration.clips);
  const timing = {
    audio: 'narration.mp3',
    durationMs: narration.durationMs,
    engine: narration.engine,
    voice: narration.voice,
    sampleRate: narration.sampleRate,
    wordTimes,
    units: narration.clips.map((c) => ({
      id: c.id,
      startMs: c.startMs,
      endMs: c.endMs,
      ...(wordTimes === 'mixed' && c.wordsEstimated === true ? { wordsEstimated: true } : {}),
      words: (c.words ?? []).map((w) => ({ text: texts.get(c.id)?.slice(w.start, w.end) ?? '', start: w.start, end: w.end, startMs: w.startMs, endMs: w.endMs })),
    })),
    chapters: narration.chapters.map((c) => ({ id: c.id, title: c.title, startMs: c.startMs, endMs: c.endMs })),
  };
  return `${JSON.stringify(timing, null, 2)}\n`;
}

/** `narration.mp3` (ID3 tags and chapters) and its `timing.json`. */
export const mp3Writer: Writer = {
  format: 'mp3',
  byDefault: true,
  needs: ['narration'],
  description: 'narration.mp3 (ID3 tags, a chapter per section) and timing.json (each sentence\'s and each word\'s start and end in it)',
  async write(context) {
    const narration = await context.resources.narration();
    return [
      { name: 'narration.mp3', data: narration.mp3 },
      { name: 'timing.json', data: timingJson(narration) },
    ];
  },
};

/** `narration.wav`: the uncompressed narration (timing.json times are for the MP3, which starts later by the decoder delay). */
export const wavWriter: Writer = {
  format: 'wav',
  byDefault: false,
  needs: ['pcm'],
  description: 'narration.wav: the narration as 16-bit PCM (only on request)',
  async write(context) {
    return [{ name: 'narration.wav', data: writeWav(await context.resources.pcm()) }];
  },
};
