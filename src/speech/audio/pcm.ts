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
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
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

/** Samples as floats in [-1, 1), the form encoders take. */
export function toFloat32(samples: Int16Array): Float32Array {
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = (samples[i] ?? 0) / 32768;
  return out;
}

/** Milliseconds covered by `count` samples. */
export function samplesToMs(count: number, sampleRate: number): number {
  return (count * 1000) / sampleRate;
}

/** Resamples nothing: engines disagreeing on rate is a bug, reported clearly. */
export function assertSameRate(a: Pcm, sampleRate: number): void {
  if (a.sampleRate !== sampleRate) throw new Error(`engine changed sample rate mid-narration (${a.sampleRate} Hz after ${sampleRate} Hz)`);
}
