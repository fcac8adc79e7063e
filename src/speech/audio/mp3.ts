import type { Pcm } from './pcm.js';
import { Lame, type LameConfig } from './lame.js';
import { joinBytes, totalLength } from '../../shared/bytes.js';
import { Mp3Segmenter } from './mp3-segments.js';

/**
 * MP3 encoding (LAME in WASM, lame.ts) and the
 * measurement of what a decoder makes of the result.
 */

/** Constant bit rate: every player computes the same duration from the frame count, with no Xing/VBR header needed. */
export const MP3_BITRATE_KBPS = 48 as const;

/**
 * LAME's `-q 7`. On the real fixtures (English, Spanish, French), decoded
 * and compared with the source PCM, it scores higher than LAME's default
 * (`-q 3`) on PESQ (wide band 3.50 → 3.66 on the sample) and on SNR
 * (19.6 → 23.3 dB), for 2.3× less encoding time: at 48 kbit/s the
 * psychoacoustic noise shaping it skips costs synthetic speech more than it
 * gives. tests/speech/audio/lame.test.ts keeps the SNR comparison on real
 * speech.
 */
export const LAME_QUALITY = 7 as const;

/**
 * Samples of delay before the first input sample comes out of a decoder:
 * LAME's encoder delay (576) plus the layer III decoder delay (529). The
 * encoder writes no LAME/Info tag, so no decoder trims it and every player
 * hears the same offset. tests/speech/audio/mp3.test.ts measures it with
 * mpg123 on a click.
 */
export const MP3_DECODER_DELAY_SAMPLES = 576 + 529;

const MP3_SAMPLE_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000] as const;
type Mp3SampleRate = (typeof MP3_SAMPLE_RATES)[number];

/**
 * The encoder settings for a sample rate. The output rate is pinned to the
 * input's: left to itself LAME resamples (32 kHz at 48 kbit/s becomes 24 kHz),
 * which would move every clip.
 */
export function mp3Config(sampleRate: number): LameConfig & { readonly sampleRate: Mp3SampleRate } {
  const rate = MP3_SAMPLE_RATES.find((r) => r === sampleRate);
  if (rate === undefined) throw new Error(`cannot make an MP3 at ${sampleRate} Hz (MP3 rates: ${MP3_SAMPLE_RATES.join(', ')})`);
  return { sampleRate: rate, bitrate: MP3_BITRATE_KBPS, quality: LAME_QUALITY };
}

let encoder: Lame | undefined;

/** One encoder per thread, created on first use and reconfigured for each file. */
function sharedEncoder(): Lame {
  encoder ??= new Lame();
  return encoder;
}

/** Mono PCM to a CBR MP3 stream (no tags). */
export async function encodeMp3(pcm: Pcm): Promise<Uint8Array> {
  return joinBytes(await encodeMp3Parts(pcm));
}

/** The same MP3 as `encodeMp3`, in the pieces the encoder made them (for a caller that copies them anyway). */
export async function encodeMp3Parts(pcm: Pcm): Promise<Uint8Array[]> {
  const lame = sharedEncoder();
  const config = mp3Config(pcm.sampleRate);
  const chunks: Uint8Array[] = [];
  // The same segments as the encoder threads make (mp3-segments.ts), one after the other: the same bytes.
  const segmenter = new Mp3Segmenter(pcm.sampleRate, {
    open: () => lame.configure(config),
    samples: (samples) => chunks.push(...lame.encode(samples)),
    close: () => chunks.push(lame.finalize()),
  });
  segmenter.push(pcm.samples);
  segmenter.end();
  return chunks;
}

export interface Mp3Layout {
  /** Byte offset of the first audio frame (after any ID3v2 tag). */
  readonly audioOffset: number;
  readonly frames: number;
  readonly sampleRate: number;
  /** Samples a decoder outputs for the whole stream (frames × samples per frame). */
  readonly samples: number;
  readonly durationMs: number;
}

const BITRATES_KBPS: Record<'v1' | 'v2', readonly number[]> = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, readonly number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/**
 * Bytes held in parts, read by position as if joined (a frame header may
 * straddle two of the encoder's chunks); quickest when read forwards.
 */
class PartsReader {
  readonly length: number;
  private part = 0;
  private partStart = 0;

  constructor(private readonly parts: readonly Uint8Array[]) {
    this.length = totalLength(parts);
  }

  /** The byte at `position`, 0 past the end. */
  at(position: number): number {
    while (this.part > 0 && position < this.partStart) this.partStart -= this.parts[--this.part]?.length ?? 0;
    while (this.part < this.parts.length && position >= this.partStart + (this.parts[this.part]?.length ?? 0)) this.partStart += this.parts[this.part++]?.length ?? 0;
    return this.parts[this.part]?.[position - this.partStart] ?? 0;
  }
}

function id3v2Length(bytes: PartsReader): number {
  if (bytes.length < 10 || bytes.at(0) !== 0x49 || bytes.at(1) !== 0x44 || bytes.at(2) !== 0x33) return 0;
  const size = ((bytes.at(6) & 0x7f) << 21) | ((bytes.at(7) & 0x7f) << 14) | ((bytes.at(8) & 0x7f) << 7) | (bytes.at(9) & 0x7f);
  const footer = (bytes.at(5) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

/**
 * The layer III frames of an MP3 file (whole, or in parts as the encoder
 * made it), walked header by header: the duration a decoder plays, measured
 * on the bytes that ship rather than predicted.
 */
export function mp3Layout(file: Uint8Array | readonly Uint8Array[]): Mp3Layout {
  const bytes = new PartsReader(file instanceof Uint8Array ? [file] : file);
  const audioOffset = id3v2Length(bytes);
  let at = audioOffset;
  let frames = 0;
  let samples = 0;
  let sampleRate = 0;
  while (at + 4 <= bytes.length) {
    const b1 = bytes.at(at + 1);
    const b2 = bytes.at(at + 2);
    if (bytes.at(at) !== 0xff || (b1 & 0xe0) !== 0xe0) break;
    const version = (b1 >> 3) & 3; // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
    const layer = (b1 >> 1) & 3; // 1 = layer III
    const rates = SAMPLE_RATES[version];
    const rate = rates?.[(b2 >> 2) & 3];
    const kbps = BITRATES_KBPS[version === 3 ? 'v1' : 'v2'][(b2 >> 4) & 15];
    if (layer !== 1 || !rate || !kbps) throw new Error(`MP3 frame ${frames} at byte ${at} has an invalid header`);
    const perFrame = version === 3 ? 1152 : 576;
    const length = Math.floor(((perFrame / 8) * kbps * 1000) / rate) + ((b2 >> 1) & 1);
    if (at + length > bytes.length) break;
    sampleRate = rate;
    samples += perFrame;
    frames++;
    at += length;
  }
  if (frames === 0) throw new Error('no MP3 audio frames found');
  return { audioOffset, frames, sampleRate, samples, durationMs: (samples * 1000) / sampleRate };
}
