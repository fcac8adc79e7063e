import { describe, expect, it } from 'vitest';
import { encodeMp3, mp3Layout, MP3_DECODER_DELAY_SAMPLES } from '../../../src/speech/audio/mp3.js';
import { framesFor, Mp3Segmenter, samplesPerFrame, SEGMENT_SECONDS } from '../../../src/speech/audio/mp3-segments.js';
import { decodeMp3 } from '../../helpers/audio.js';

const RATE = 22050;

/** A tone with no zero sample in it (a zero run is what a cut looks for). */
function tone(length: number, amplitude = 8000): Int16Array {
  return Int16Array.from({ length }, (_, i) => Math.round(amplitude * Math.sin(i / 7)) || 1);
}

function joined(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What the segmenter asked of its sink: each segment's sample count, and where its samples began. */
function segmentsOf(pushes: readonly Int16Array[]): { lengths: number[]; pieces: number } {
  const lengths: number[] = [];
  let pieces = 0;
  let open = false;
  const segmenter = new Mp3Segmenter(RATE, {
    open: () => {
      expect(open).toBe(false);
      open = true;
      lengths.push(0);
    },
    samples: (samples) => {
      expect(open).toBe(true);
      lengths[lengths.length - 1] = (lengths[lengths.length - 1] ?? 0) + samples.length;
      pieces++;
    },
    close: () => {
      expect(open).toBe(true);
      open = false;
    },
  });
  for (const p of pushes) segmenter.push(p);
  segmenter.end();
  expect(open).toBe(false);
  return { lengths, pieces };
}

describe('MP3 segments', () => {
  it('predicts the frames LAME makes of a segment, at every MP3 sample rate', async () => {
    for (const rate of [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000]) {
      const perFrame = samplesPerFrame(rate);
      for (const length of [1, perFrame - 1, perFrame, perFrame + 1, 2 * perFrame, 1152 + 3, 5000, 12345]) {
        const frames = mp3Layout(await encodeMp3({ sampleRate: rate, samples: tone(length) })).frames;
        expect(frames, `${length} samples at ${rate} Hz`).toBe(framesFor(length, rate));
      }
    }
  });

  it('cuts at a pause once a segment is long enough, and starts the next with the zeros that keep the timeline', () => {
    const speech = tone(SEGMENT_SECONDS * RATE + 100);
    const pause = new Int16Array(8820);
    const after = tone(5000);
    const { lengths } = segmentsOf([speech, pause, after]);
    expect(lengths).toHaveLength(2);
    expect(lengths[0]).toBe(speech.length);
    // The first segment's frames end where its flush ends; the rest of the pause leads the second.
    const lead = speech.length + pause.length - framesFor(speech.length, RATE) * samplesPerFrame(RATE);
    expect(lead).toBeGreaterThan(0);
    expect(lengths[1]).toBe(lead + after.length);
  });

  it('does not cut a short segment, at a short pause or at zeros inside speech', () => {
    const long = tone(SEGMENT_SECONDS * RATE + 100);
    // Too early: the segment is under SEGMENT_SECONDS.
    expect(segmentsOf([tone(RATE), new Int16Array(8820), tone(RATE)]).lengths).toEqual([2 * RATE + 8820]);
    // A pause shorter than the frames a flush adds cannot hold a cut.
    expect(segmentsOf([long, new Int16Array(1000), tone(100)]).lengths).toEqual([long.length + 1100]);
    // A waveform crossing zero inside a push is speech, and goes on in one piece.
    const crossing = joined([long, new Int16Array(3), tone(100)]);
    expect(segmentsOf([crossing])).toEqual({ lengths: [crossing.length], pieces: 1 });
  });

  it('joins a pause split across pushes, keeps trailing zeros in the last segment, and makes one empty segment of nothing', () => {
    const long = tone(SEGMENT_SECONDS * RATE + 100);
    const split = segmentsOf([long, new Int16Array(3000), new Int16Array(5820), tone(10)]).lengths;
    expect(split).toHaveLength(2);
    expect(split[1]).toBe(long.length + 8820 - framesFor(long.length, RATE) * samplesPerFrame(RATE) + 10);
    expect(segmentsOf([long, new Int16Array(9000)]).lengths).toEqual([long.length + 9000]);
    expect(segmentsOf([]).lengths).toEqual([0]);
  });

  it('decodes (mpg123) to the length of one stream, with every sound where one stream puts it and the pauses as one stream decodes them', async () => {
    // Three segments: tones, each after a pause, the first two segments just over SEGMENT_SECONDS.
    const parts = [tone(SEGMENT_SECONDS * RATE), new Int16Array(8820), tone(SEGMENT_SECONDS * RATE, 12000), new Int16Array(9000), tone(RATE, 16000)];
    expect(segmentsOf(parts).lengths).toHaveLength(3);
    const samples = joined(parts);
    const mp3 = await encodeMp3({ sampleRate: RATE, samples });
    const layout = mp3Layout(mp3);
    expect(layout.frames).toBe(framesFor(samples.length, RATE));
    const decoded = await decodeMp3(mp3);
    expect(decoded.errors).toBe(0);
    expect(decoded.samples.length).toBe(layout.samples);
    // One stream of the same audio: pauses of the quietest sound instead of zeros, which no cut takes.
    const uncut = joined(parts.map((p) => (p[0] === 0 ? new Int16Array(p.length).fill(1) : p)));
    expect(segmentsOf([uncut]).lengths).toHaveLength(1);
    const reference = await decodeMp3(await encodeMp3({ sampleRate: RATE, samples: uncut }));
    expect(reference.samples.length).toBe(decoded.samples.length);
    let at = 0;
    for (const part of parts) {
      const start = at + MP3_DECODER_DELAY_SAMPLES;
      at += part.length;
      if (part[0] === 0) {
        // The cut adds nothing to be heard: across the pause, the join included (576 to 1151 samples in), the sound's
        // ringing is no louder than in one stream, and the rest is silent, up to the next sound's pre-echo.
        const loudest = (samples: Float32Array, from: number, to: number): number => {
          let max = 0;
          for (let i = from; i < to; i++) max = Math.max(max, Math.abs(samples[i] ?? 0));
          return max;
        };
        const ringing = start + 1152;
        expect(loudest(decoded.samples, start, ringing)).toBeLessThanOrEqual(loudest(reference.samples, start, ringing) + 0.002);
        expect(loudest(decoded.samples, ringing, start + part.length - 1152)).toBeLessThan(0.001);
        continue;
      }
      // The sound starts where one stream would decode it: its first loud sample within a few of the predicted one.
      const onset = decoded.samples.findIndex((v, i) => i >= start - 50 && Math.abs(v) > 0.05);
      expect(Math.abs(onset - start)).toBeLessThanOrEqual(8);
    }
  });
});
