import { describe, expect, it } from 'vitest';
import { concatSamples, rms, samplesToMs, silence, toFloat32 } from '../../../src/speech/audio/pcm.js';

describe('PCM helpers', () => {
  it('makes silence of the asked length and joins parts in order', () => {
    expect(silence(22050, 300).length).toBe(6615);
    expect(silence(22050, -5).length).toBe(0);
    expect([...concatSamples([Int16Array.from([1, 2]), new Int16Array(0), Int16Array.from([3])])]).toEqual([1, 2, 3]);
  });

  it('measures level and converts units', () => {
    expect(rms(new Int16Array(100))).toBe(0);
    expect(rms(Int16Array.from([16384, -16384]))).toBeCloseTo(0.5, 6);
    expect([...toFloat32(Int16Array.from([-32768, 16384]))]).toEqual([-1, 0.5]);
    expect(samplesToMs(22050, 22050)).toBe(1000);
  });
});
