import { MPEGDecoder } from 'mpg123-decoder';

/** An MP3 decoded by mpg123 (WASM): what a player hears. */
export interface Decoded {
  readonly samples: Float32Array;
  readonly sampleRate: number;
  readonly errors: number;
}

export async function decodeMp3(mp3: Uint8Array): Promise<Decoded> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const result = decoder.decode(mp3);
    return { samples: result.channelData[0] ?? new Float32Array(0), sampleRate: result.sampleRate, errors: result.errors.length };
  } finally {
    decoder.free();
  }
}

/** RMS of float samples in [fromMs, toMs). */
export function rmsBetween(decoded: Decoded, fromMs: number, toMs: number): number {
  const a = Math.max(0, Math.round((fromMs * decoded.sampleRate) / 1000));
  const b = Math.min(decoded.samples.length, Math.round((toMs * decoded.sampleRate) / 1000));
  let sum = 0;
  for (let i = a; i < b; i++) sum += (decoded.samples[i] ?? 0) ** 2;
  return b > a ? Math.sqrt(sum / (b - a)) : 0;
}

/**
 * The shift (in samples, within ±maxLag) at which `decoded` best matches the
 * reference window `ref` placed at `at`, with the normalised correlation there.
 */
export function bestLag(decoded: Float32Array, ref: Float32Array, at: number, maxLag: number): { lag: number; correlation: number } {
  let refEnergy = 0;
  for (const v of ref) refEnergy += v * v;
  let best = { lag: 0, correlation: -Infinity };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let dot = 0;
    let energy = 0;
    const start = at + lag;
    for (let i = 0; i < ref.length; i++) {
      const d = decoded[start + i] ?? 0;
      dot += d * (ref[i] ?? 0);
      energy += d * d;
    }
    const correlation = energy > 0 && refEnergy > 0 ? dot / Math.sqrt(energy * refEnergy) : 0;
    if (correlation > best.correlation) best = { lag, correlation };
  }
  return best;
}
