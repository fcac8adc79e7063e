import { describe, expect, it } from 'vitest';
import { concatSamples, rms, samplesToMs, silence, speechBounds, SPEECH_MARGIN_MS, SPEECH_THRESHOLD } from '../../../src/speech/audio/pcm.js';

describe('PCM helpers', () => {
  it('makes silence of the asked length and joins parts in order', () => {
    expect(silence(22050, 300).length).toBe(6615);
    expect(silence(22050, -5).length).toBe(0);
    expect([...concatSamples([Int16Array.from([1, 2]), new Int16Array(0), Int16Array.from([3])])]).toEqual([1, 2, 3]);
  });

  it('measures level and converts units', () => {
    expect(rms(new Int16Array(100))).toBe(0);
    expect(rms(Int16Array.from([16384, -16384]))).toBeCloseTo(0.5, 6);
    expect(samplesToMs(22050, 22050)).toBe(1000);
  });

  describe('speechBounds', () => {
    const rate = 1000; // one sample a millisecond: margins in samples are margins in ms
    const level = Math.ceil(SPEECH_THRESHOLD * 32768) + 1;

    it('finds the first and last sample above the threshold and keeps a margin around them', () => {
      const samples = new Int16Array(1000);
      samples[300] = level;
      samples[500] = -12000;
      samples[700] = -level;
      expect(speechBounds({ sampleRate: rate, samples })).toEqual({ start: 300 - SPEECH_MARGIN_MS, end: 701 + SPEECH_MARGIN_MS });
    });

    it('treats samples at or below the threshold (dither, a fading tail) as silence', () => {
      const samples = new Int16Array(1000).fill(Math.floor(SPEECH_THRESHOLD * 32768));
      samples[400] = 5000;
      expect(speechBounds({ sampleRate: rate, samples })).toEqual({ start: 400 - SPEECH_MARGIN_MS, end: 401 + SPEECH_MARGIN_MS });
    });

    it('keeps the margin within the samples, and gives an empty span for silence', () => {
      expect(speechBounds({ sampleRate: rate, samples: Int16Array.from([9000, 0, 0, -9000]) })).toEqual({ start: 0, end: 4 });
      expect(speechBounds({ sampleRate: rate, samples: new Int16Array(50) })).toEqual({ start: 0, end: 0 });
      expect(speechBounds({ sampleRate: rate, samples: new Int16Array(0) })).toEqual({ start: 0, end: 0 });
    });
  });
});
