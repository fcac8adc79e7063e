import { copyParts, totalLength } from '../../shared/bytes.js';

/** Mono 16-bit PCM. */
export interface Pcm {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

/** Silence of `ms` milliseconds at `sampleRate`. */
export function silence(sampleRate: number, ms: number): Int16Array {
  return new Int16Array(Math.round((sampleRate * Math.max(0, ms)) / 1000));
}

/** The parts one after the other. */
export function concatSamples(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(totalLength(parts));
  copyParts(parts, out);
  return out;
}

/** Root-mean-square level of samples, from 0 (silence) to 1 (full scale). */
export function rms(samples: ArrayLike<number>, scale = 32768): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = (samples[i] ?? 0) / scale;
    sum += v * v;
  }
  return Math.sqrt(sum / samples.length);
}

/** Milliseconds covered by `count` samples. */
export function samplesToMs(count: number, sampleRate: number): number {
  return (count * 1000) / sampleRate;
}

/** Resamples nothing: engines disagreeing on rate is a bug, reported clearly. */
export function assertSameRate(a: Pcm, sampleRate: number): void {
  if (a.sampleRate !== sampleRate) throw new Error(`engine changed sample rate mid-narration (${a.sampleRate} Hz after ${sampleRate} Hz)`);
}

/**
 * Level (full scale = 1) above which a sample is speech rather than an
 * engine's silence: about -50 dBFS. eSpeak NG pads every unit with digital
 * silence (about 0.5 s before, 0.3 s after); even a soft onset ("h", "f")
 * rises above this within a few milliseconds.
 */
export const SPEECH_THRESHOLD = 0.003;

/** Kept around the detected speech so that a soft onset or a fading end is not clipped. */
export const SPEECH_MARGIN_MS = 5;

/**
 * Where the speech in `samples[from, to)` lies, as `[start, end)` sample
 * indices: from the first to the last sample above `SPEECH_THRESHOLD`,
 * widened by `SPEECH_MARGIN_MS` on each side (within the range). All silent:
 * an empty span at `from`.
 */
export function speechBounds(pcm: Pcm, from = 0, to = pcm.samples.length): { start: number; end: number } {
  const { samples } = pcm;
  const level = SPEECH_THRESHOLD * 32768;
  let first = from;
  while (first < to && Math.abs(samples[first] ?? 0) <= level) first++;
  if (first >= to) return { start: from, end: from };
  let last = to - 1;
  while (last > first && Math.abs(samples[last] ?? 0) <= level) last--;
  const margin = Math.round((pcm.sampleRate * SPEECH_MARGIN_MS) / 1000);
  return { start: Math.max(from, first - margin), end: Math.min(to, last + 1 + margin) };
}

/**
 * `pcm` at `sampleRate`: unchanged when it is already, else resampled by
 * linear interpolation. Used only when one narration mixes voices of
 * different rates (a Piper voice at 16 kHz with eSpeak's 22.05 kHz for a
 * passage in another language); speech loses little above 8 kHz this way.
 */
export function resample(pcm: Pcm, sampleRate: number): Pcm {
  if (pcm.sampleRate === sampleRate) return pcm;
  const length = Math.round((pcm.samples.length * sampleRate) / pcm.sampleRate);
  const out = new Int16Array(length);
  const step = pcm.sampleRate / sampleRate;
  const last = pcm.samples.length - 1;
  for (let i = 0; i < length; i++) {
    const at = i * step;
    const left = Math.min(last, Math.floor(at));
    const right = Math.min(last, left + 1);
    const t = at - left;
    out[i] = Math.round((pcm.samples[left] ?? 0) * (1 - t) + (pcm.samples[right] ?? 0) * t);
  }
  return { sampleRate, samples: out };
}
