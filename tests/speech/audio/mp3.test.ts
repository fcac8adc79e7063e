import { describe, expect, it } from 'vitest';
import { encodeMp3, mp3Layout, MP3_DECODER_DELAY_SAMPLES } from '../../../src/speech/audio/mp3.js';
import { tagMp3 } from '../../../src/speech/audio/id3.js';
import { decodeMp3 } from '../../helpers/audio.js';

/** One second of silence with a loud 20 ms block starting at sample 5000. */
function click(): Int16Array {
  const samples = new Int16Array(22050);
  samples.fill(16000, 5000, 5441);
  return samples;
}

describe('MP3 encoding', () => {
  it('decodes (mpg123) to exactly the duration counted from its frames, with the stated decoder delay', async () => {
    const mp3 = await encodeMp3({ sampleRate: 22050, samples: click() });
    const layout = mp3Layout(mp3);
    expect(layout.sampleRate).toBe(22050);
    const decoded = await decodeMp3(mp3);
    expect(decoded.errors).toBe(0);
    expect(decoded.sampleRate).toBe(22050);
    expect(decoded.samples.length).toBe(layout.samples);
    const onset = decoded.samples.findIndex((v) => Math.abs(v) > 0.1);
    // The click comes out where the delay says, to within a few samples.
    expect(Math.abs(onset - (5000 + MP3_DECODER_DELAY_SAMPLES))).toBeLessThanOrEqual(8);
    expect(layout.samples).toBeGreaterThanOrEqual(22050 + MP3_DECODER_DELAY_SAMPLES);
  });

  it('finds the frames behind an ID3v2 tag, and is deterministic', async () => {
    const pcm = { sampleRate: 22050, samples: click() };
    const a = await encodeMp3(pcm);
    const b = await encodeMp3(pcm);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const tagged = tagMp3(a, { title: 'x', lang: 'en', chapters: [{ id: 'article', title: 'x', startMs: 0, endMs: 1000 }] });
    const plain = mp3Layout(a);
    const layout = mp3Layout(tagged);
    expect(layout.audioOffset).toBe(tagged.length - a.length);
    expect(layout.frames).toBe(plain.frames);
  });

  it('keeps the input sample rate (LAME would resample 32 kHz at this bit rate) and refuses rates MP3 lacks', async () => {
    for (const sampleRate of [16000, 22050, 32000, 44100]) {
      const mp3 = await encodeMp3({ sampleRate, samples: new Int16Array(sampleRate) });
      expect(mp3Layout(mp3).sampleRate).toBe(sampleRate);
      expect((await decodeMp3(mp3)).sampleRate).toBe(sampleRate);
    }
    await expect(encodeMp3({ sampleRate: 22000, samples: new Int16Array(10) })).rejects.toThrow(/cannot make an MP3 at 22000 Hz/);
  });

  it('rejects bytes that are not MP3', () => {
    expect(() => mp3Layout(new Uint8Array(100))).toThrow(/no MP3 audio frames/);
  });
});
