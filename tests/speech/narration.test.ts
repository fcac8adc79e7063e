import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { readTags } from '../../src/speech/audio/id3.js';
import { mp3Layout, MP3_DECODER_DELAY_SAMPLES } from '../../src/speech/audio/mp3.js';
import { chaptersOf, encodeNarration, narrate, synthesize, type Synthesis, type TimedNarration } from '../../src/speech/narration.js';
import { parseWav } from '../../src/speech/audio/wav.js';
import { rms } from '../../src/speech/audio/pcm.js';
import { bestLag, decodeMp3, rmsBetween, type Decoded } from '../helpers/audio.js';
import { skipWithout } from '../helpers/conformance.js';
import { contentBytes } from '../../src/shared/bytes.js';

const SAMPLE = 'input/khorev-asif-meeting.txt';
/** Level below which a stretch of audio counts as silent (full scale = 1). */
const SILENCE_FLOOR = 0.01;

/**
 * A window of a unit's speech to find in the decoded audio: the loudest of
 * three (at a quarter, the middle, three quarters), so that it is voice, not
 * a comma's pause that the MP3 codes as noise.
 */
function referenceWindow(synthesis: Synthesis, span: { start: number; end: number }): { from: number; length: number } {
  const length = Math.min(4096, span.end - span.start);
  const candidates = [0.25, 0.5, 0.75].map((f) => span.start + Math.floor((span.end - span.start - length) * f));
  const level = (from: number): number => rms(synthesis.pcm!.samples.subarray(from, from + length));
  const from = candidates.reduce((best, c) => (level(c) > level(best) ? c : best));
  return { from, length };
}

describe('narration of the sample article', () => {
  let synthesis: Synthesis;
  let narration: TimedNarration;
  let decoded: Decoded;
  const doc = parseArticle(readFileSync(SAMPLE, 'utf8'), { file: SAMPLE });

  beforeAll(async () => {
    synthesis = await synthesize(doc, { keepPcm: true });
    narration = await encodeNarration(doc, synthesis);
    decoded = await decodeMp3(contentBytes(narration.mp3));
  });

  it('has one clip per spoken unit, in order, not overlapping', () => {
    expect(narration.clips.map((c) => c.id)).toEqual(synthesis.units.map((u) => u.id));
    expect(narration.clips.length).toBeGreaterThan(10);
    let previousEnd = 0;
    for (const clip of narration.clips) {
      expect(clip.startMs).toBeGreaterThanOrEqual(previousEnd);
      expect(clip.endMs).toBeGreaterThan(clip.startMs);
      previousEnd = clip.endMs;
    }
  });

  it('decodes without errors to the duration in the timing, within 50 ms', () => {
    expect(decoded.errors).toBe(0);
    expect(decoded.sampleRate).toBe(22050);
    const decodedMs = (decoded.samples.length * 1000) / decoded.sampleRate;
    expect(Math.abs(decodedMs - narration.durationMs)).toBeLessThanOrEqual(50);
    expect(narration.durationMs).toBe(Math.round(mp3Layout(narration.mp3).durationMs));
    expect(narration.clips.at(-1)?.endMs ?? Infinity).toBeLessThanOrEqual(narration.durationMs);
  });

  it('every sentence is audible in the MP3 where the timing puts it, and the pauses between are silent', () => {
    narration.clips.forEach((clip, i) => {
      expect(rmsBetween(decoded, clip.startMs, clip.endMs), clip.id).toBeGreaterThan(SILENCE_FLOOR * 3);
      const next = narration.clips[i + 1];
      // The middle of each pause (unit pauses are at least 300 ms here).
      if (next && next.startMs - clip.endMs > 100) {
        expect(rmsBetween(decoded, clip.endMs + 40, next.startMs - 40), `pause after ${clip.id}`).toBeLessThan(SILENCE_FLOOR);
      }
    });
    expect(rmsBetween(decoded, 0, (MP3_DECODER_DELAY_SAMPLES * 1000) / 22050 - 5)).toBeLessThan(SILENCE_FLOOR);
  });

  it('speech begins and ends in the decoded MP3 where each unit\'s startMs and endMs say, within 50 ms', () => {
    // Measured on what a player hears, independently of how the narration trims: 5 ms windows of
    // the decoded audio, speech where their level passes -40 dBFS, searched from the middle of the
    // pause before the unit to the middle of the pause after it.
    const windowMs = 5;
    const loud = (ms: number): boolean => rmsBetween(decoded, ms, ms + windowMs) > SILENCE_FLOOR;
    narration.clips.forEach((clip, i) => {
      const previous = narration.clips[i - 1];
      const next = narration.clips[i + 1];
      const from = previous ? (previous.endMs + clip.startMs) / 2 : 0;
      const to = next ? (clip.endMs + next.startMs) / 2 : narration.durationMs;
      let onset = from;
      while (onset < to && !loud(onset)) onset += 1;
      let offset = to;
      while (offset > onset && !loud(offset - windowMs)) offset -= 1;
      expect(Math.abs(onset - clip.startMs), `${clip.id} starts at ${clip.startMs} ms, heard at ${onset} ms`).toBeLessThanOrEqual(50);
      expect(Math.abs(offset - clip.endMs), `${clip.id} ends at ${clip.endMs} ms, heard until ${offset} ms`).toBeLessThanOrEqual(50);
    });
  });

  it('each word after a pause is heard to begin within 50 ms of its startMs in the decoded MP3', () => {
    // Inside continuous speech a word boundary has no silence to measure; after a pause
    // (a comma, a clause) it does: the voice comes back where the word is timed.
    const windowMs = 5;
    const loud = (ms: number): boolean => rmsBetween(decoded, ms, ms + windowMs) > SILENCE_FLOOR;
    let measured = 0;
    for (const clip of narration.clips) {
      const words = clip.words ?? [];
      expect(words.length, clip.id).toBeGreaterThan(0);
      words.forEach((word, i) => {
        const previous = words[i - 1];
        if (!previous || word.startMs - previous.endMs < 80) return;
        let onset = previous.endMs + 20;
        while (onset < word.endMs && !loud(onset)) onset += 1;
        expect(Math.abs(onset - word.startMs), `${clip.id} word ${i} at ${word.startMs} ms, heard at ${onset} ms`).toBeLessThanOrEqual(50);
        measured++;
      });
    }
    expect(measured).toBeGreaterThan(10);
  });

  it('between two units is exactly the scripted pause, not the engine\'s silence on top of it', () => {
    narration.clips.forEach((clip, i) => {
      const next = narration.clips[i + 1];
      if (!next) return;
      expect(Math.abs(next.startMs - clip.endMs - (synthesis.units[i]?.pauseAfterMs ?? NaN)), clip.id).toBeLessThanOrEqual(1);
    });
  });

  it('each sentence sits at its timed place in the decoded MP3 (cross-correlation with the engine output, well within 50 ms)', () => {
    const sr = decoded.sampleRate;
    for (const [i, span] of synthesis.spans.entries()) {
      const clip = narration.clips[i];
      if (!clip) throw new Error(`no clip for ${span.id}`);
      // A window of the unit's own audio, as the engine made it.
      const { from, length } = referenceWindow(synthesis, span);
      const ref = Float32Array.from(synthesis.pcm!.samples.subarray(from, from + length), (v) => v / 32768);
      const at = Math.round((clip.startMs * sr) / 1000) + (from - span.start);
      const { lag, correlation } = bestLag(decoded.samples, ref, at, Math.round(0.05 * sr));
      expect(correlation, span.id).toBeGreaterThan(0.9);
      expect(Math.abs((lag * 1000) / sr), span.id).toBeLessThanOrEqual(2);
    }
  });

  describe.skipIf(skipWithout('lame'))('with native LAME as the decoder (it trims its own 529-sample decoder delay)', () => {
    it('still finds every sentence within 50 ms of its timing', () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'voxpress-lame-'));
      writeFileSync(path.join(dir, 'n.mp3'), contentBytes(narration.mp3));
      execFileSync('lame', ['--quiet', '--decode', path.join(dir, 'n.mp3'), path.join(dir, 'n.wav')]);
      const pcm = parseWav(new Uint8Array(readFileSync(path.join(dir, 'n.wav'))));
      const lame = Float32Array.from(pcm.samples, (v) => v / 32768);
      const sr = pcm.sampleRate;
      expect(Math.abs((lame.length * 1000) / sr - narration.durationMs)).toBeLessThanOrEqual(50);
      for (const [i, span] of synthesis.spans.entries()) {
        const clip = narration.clips[i];
        if (!clip) throw new Error(`no clip for ${span.id}`);
        const { from, length } = referenceWindow(synthesis, span);
        const ref = Float32Array.from(synthesis.pcm!.samples.subarray(from, from + length), (v) => v / 32768);
        const { lag, correlation } = bestLag(lame, ref, Math.round((clip.startMs * sr) / 1000) + (from - span.start), Math.round(0.06 * sr));
        expect(correlation, span.id).toBeGreaterThan(0.9);
        expect(Math.abs((lag * 1000) / sr), span.id).toBeLessThan(50);
      }
    });
  });

  it('is tagged with title, language and one chapter for an article without headings', () => {
    const tags = readTags(contentBytes(narration.mp3));
    expect(tags.title).toBe(doc.meta.title);
    expect(tags.language).toBe('eng');
    expect(tags.chapter).toHaveLength(1);
    expect(tags.chapter?.[0]).toMatchObject({ elementID: 'article', startTimeMs: 0, endTimeMs: narration.durationMs });
    expect(tags.tableOfContents?.[0]?.elements).toEqual(['article']);
  });
});

describe('narration of articles with sections and in French', () => {
  it('makes a chapter per section, starting where its heading is spoken, with the article metadata', async () => {
    const doc = parseArticle(readFileSync('tests/fixtures/audio/sections.md', 'utf8'), { format: 'markdown' });
    const narration = await encodeNarration(doc, await synthesize(doc, { keepPcm: true }));
    const tags = readTags(contentBytes(narration.mp3));
    expect(tags.title).toBe('Harbour works begin');
    expect(tags.artist).toBe('Jane Reporter');
    expect(tags.publisher).toBe('The Coast Gazette');
    expect(tags.year).toBe('2024');
    expect(tags.date).toBe('0503');
    const chapters = tags.chapter ?? [];
    expect(chapters.map((c) => c.tags?.title)).toEqual(['Harbour works begin', 'The plan', 'The cost']);
    const headingStarts = narration.clips.filter((c) => /^h\d+s1$/.test(c.id)).map((c) => c.startMs);
    expect(chapters.map((c) => c.startTimeMs)).toEqual([0, ...headingStarts]);
    chapters.forEach((c, i) => expect(c.endTimeMs).toBe(chapters[i + 1]?.startTimeMs ?? narration.durationMs));
    expect(tags.tableOfContents?.[0]?.elements).toEqual(chapters.map((c) => c.elementID));
  });

  it('keeps within the 255 chapters ID3 can list', () => {
    const units = Array.from({ length: 300 }, (_, i) => ({ id: `h${i + 1}s1`, kind: 'heading' as const, text: `Section ${i + 1}`, spoken: `Section ${i + 1}`, ssml: '', lang: 'en', pauseAfterMs: 0 }));
    const clips = units.map((u, i) => ({ id: u.id, startMs: 10 + i * 100, endMs: 10 + i * 100 + 50 }));
    const doc = parseArticle('A title\n\nSome text.', { format: 'text' });
    const chapters = chaptersOf(doc, units, clips, 40_000);
    expect(chapters).toHaveLength(255);
    expect(chapters[0]).toMatchObject({ id: 'intro', startMs: 0, endMs: 10 });
    expect(chapters.at(-1)).toMatchObject({ id: 'h254', endMs: 40_000 });
  });

  it('speaks a French article with a French voice', async () => {
    const doc = parseArticle(readFileSync('tests/fixtures/audio/french.md', 'utf8'), { format: 'markdown' });
    expect(doc.meta.lang).toBe('fr');
    const french = await synthesize(doc, { keepPcm: true });
    expect(french.voice).toMatch(/^fr(-|$)/);
    const same = (a: Synthesis, b: Synthesis): boolean => Buffer.compare(Buffer.from(a.pcm!.samples.buffer), Buffer.from(b.pcm!.samples.buffer)) === 0;
    // What is heard is the French voice: the same as asking for fr-fr, unlike an English voice on the same text.
    expect(same(french, await synthesize(doc, { speech: { voice: 'fr-fr' }, keepPcm: true }))).toBe(true);
    expect(same(french, await synthesize(doc, { speech: { voice: 'en-gb' }, keepPcm: true }))).toBe(false);
    const narration = await encodeNarration(doc, french);
    expect(readTags(contentBytes(narration.mp3)).language).toBe('fre');
  });

  it('gives a sentence that makes no sound (punctuation alone) a clip of its own with a length', async () => {
    const doc = parseArticle('---\ntitle: Dots\nlang: en\n---\nA real sentence first.\n\n.\n\nAnd one after.\n', { format: 'markdown' });
    const synthesis = await synthesize(doc, { keepPcm: true });
    const silent = synthesis.spans.find((s) => s.id === 'p2s1');
    expect(silent && silent.end - silent.start).toBe(Math.round(synthesis.sampleRate * 0.1));
    const narration = await encodeNarration(doc, synthesis);
    for (const clip of narration.clips) expect(clip.endMs).toBeGreaterThan(clip.startMs);
  });

  it('settles the synthesis before the encoder is done, and the narration then equals encoding the same synthesis at once', async () => {
    const doc = parseArticle('---\ntitle: Streamed\nlang: en\n---\nOne sentence here. And a second one.\n', { format: 'markdown' });
    const { synthesis, narration } = narrate(doc, { keepPcm: true });
    const made = await synthesis;
    // The encoder answers through a message from its thread: it cannot have finished in the same turn.
    expect(await Promise.race([narration.then(() => 'encoded'), Promise.resolve('still encoding')])).toBe('still encoding');
    const streamed = await narration;
    expect(Buffer.compare(Buffer.from(contentBytes(streamed.mp3)), Buffer.from(contentBytes((await encodeNarration(doc, made)).mp3)))).toBe(0);
  });

  it('reports a failed synthesis through both promises', async () => {
    const doc = parseArticle('---\ntitle: Voice\nlang: en\n---\nSome text.\n', { format: 'markdown' });
    const { synthesis, narration } = narrate(doc, { speech: { voice: 'no-such-voice' } });
    await expect(synthesis).rejects.toThrow(/no voice "no-such-voice"/);
    await expect(narration).rejects.toThrow(/no voice "no-such-voice"/);
  });
});
