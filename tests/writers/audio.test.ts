import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { renderDocument } from '../../src/pipeline/article.js';
import { mp3Layout } from '../../src/speech/audio/mp3.js';
import { parseWav } from '../../src/speech/audio/wav.js';
import { spokenUnits } from '../../src/speech/script.js';
import { DEFAULT_FORMATS, writerFor } from '../../src/writers/index.js';
import { wordTimesOf } from '../../src/writers/audio.js';
import { contentBytes } from '../../src/shared/bytes.js';

const run = promisify(execFile);
const CLI = path.resolve('dist/cli/bin.js');

describe('mp3 and wav writers', () => {
  const doc = parseArticle(readFileSync('tests/fixtures/audio/sections.md', 'utf8'), { format: 'markdown' });
  let files: Map<string, Uint8Array | string>;

  beforeAll(async () => {
    files = new Map((await renderDocument(doc, ['mp3', 'wav', 'vtt'])).map((f) => [f.name, typeof f.data === 'string' ? f.data : contentBytes(f.data)]));
  });

  it('are registered: mp3 and vtt by default, wav only on request', () => {
    expect(writerFor('mp3')?.byDefault).toBe(true);
    expect(writerFor('vtt')?.byDefault).toBe(true);
    expect(writerFor('wav')?.byDefault).toBe(false);
    expect(DEFAULT_FORMATS).not.toContain('wav');
  });

  it('encode on the helper thread while synthesising, giving the same bytes as encoding afterwards', async () => {
    const { encodeNarration, synthesize } = await import('../../src/speech/narration.js');
    const sequential = await encodeNarration(doc, await synthesize(doc, { keepPcm: true }));
    const streamed = contentBytes((await renderDocument(doc, ['mp3']))[0]!.data);
    expect(Buffer.compare(Buffer.from(streamed), Buffer.from(contentBytes(sequential.mp3)))).toBe(0);
    expect(Buffer.compare(Buffer.from(files.get('narration.mp3') as Uint8Array), Buffer.from(contentBytes(sequential.mp3)))).toBe(0);
  });

  it('write narration.mp3, timing.json (every unit, total = the MP3 duration) and narration.wav from one synthesis', () => {
    expect([...files.keys()].sort()).toEqual(['narration.mp3', 'narration.vtt', 'narration.wav', 'timing.json']);
    const mp3 = files.get('narration.mp3') as Uint8Array;
    const timing = JSON.parse(files.get('timing.json') as string) as { audio: string; durationMs: number; voice: string; units: { id: string; startMs: number; endMs: number }[] };
    expect(timing.audio).toBe('narration.mp3');
    expect(timing.durationMs).toBe(Math.round(mp3Layout(mp3).durationMs));
    expect(timing.units.map((u) => u.id)).toEqual(spokenUnits(doc).map((u) => u.id));
    const wav = parseWav(files.get('narration.wav') as Uint8Array);
    expect(wav.sampleRate).toBe(22050);
    // The MP3 holds the WAV's samples plus the encoder delay and the final frame's padding.
    const wavMs = (wav.samples.length * 1000) / wav.sampleRate;
    expect(timing.durationMs - wavMs).toBeGreaterThan(50);
    expect(timing.durationMs - wavMs).toBeLessThan(50 + 2 * 26.2);
  });
});

describe('timing.json words', () => {
  type Word = { text: string; start: number; end: number; startMs: number; endMs: number };
  type Timing = { wordTimes: string; units: { id: string; startMs: number; endMs: number; words: Word[] }[] };
  const doc = parseArticle(readFileSync('tests/fixtures/speech/numbers.md', 'utf8'), { format: 'markdown' });
  let timing: Timing;
  beforeAll(async () => {
    const files = await renderDocument(doc, ['mp3']);
    timing = JSON.parse(files.find((f) => f.name === 'timing.json')?.data as string) as Timing;
  });

  it('gives every unit its written words, from the engine, in order and inside the unit', () => {
    expect(timing.wordTimes).toBe('engine');
    const texts = new Map(spokenUnits(doc).map((u) => [u.id, u.text]));
    for (const unit of timing.units) {
      const text = texts.get(unit.id) ?? '';
      expect(unit.words.length, unit.id).toBeGreaterThan(0);
      // The words cover the written text (spaces between them only), each one its own slice of it.
      expect(unit.words.map((w) => w.text).join(' '), unit.id).toBe(text.trim().replace(/\s+/g, ' '));
      unit.words.forEach((w, i) => {
        expect(w.text).toBe(text.slice(w.start, w.end));
        expect(w.startMs, `${unit.id} ${w.text}`).toBeGreaterThanOrEqual(unit.words[i - 1]?.endMs ?? unit.startMs);
        expect(w.endMs, `${unit.id} ${w.text}`).toBeGreaterThan(w.startMs);
        expect(w.endMs).toBeLessThanOrEqual(unit.endMs);
      });
      expect(unit.words[0]?.startMs).toBe(unit.startMs);
    }
  });

  it('says how the word times were made: engine, estimated (an engine without word positions, such as say), or mixed', () => {
    const clip = (wordsEstimated?: boolean): { id: string; startMs: number; endMs: number; wordsEstimated?: boolean } => ({ id: 'p1s1', startMs: 0, endMs: 1, ...(wordsEstimated ? { wordsEstimated } : {}) });
    expect(wordTimesOf([clip(), clip()])).toBe('engine');
    expect(wordTimesOf([clip(true), clip(true)])).toBe('estimated');
    expect(wordTimesOf([clip(), clip(true)])).toBe('mixed');
  });

  it('times a written form said in other words (dates, sums, titles) as one word', () => {
    const all = timing.units.flatMap((u) => u.words.map((w) => w.text));
    expect(all).toContain('$1,100,000');
    expect(all).toContain('October 8, 2024');
  });
});

describe('the CLI', () => {
  let input: string;
  beforeAll(() => {
    input = mkdtempSync(path.join(os.tmpdir(), 'voxpress-audio-in-'));
    cpSync('tests/fixtures/audio/sections.md', path.join(input, 'sections.md'));
    cpSync('tests/fixtures/audio/french.md', path.join(input, 'french.md'));
  });

  const outputsOf = (out: string): Map<string, Buffer> => {
    const all = new Map<string, Buffer>();
    for (const slug of readdirSync(out)) {
      for (const name of readdirSync(path.join(out, slug))) {
        if (name !== '.voxpress.json') all.set(`${slug}/${name}`, readFileSync(path.join(out, slug, name)));
      }
    }
    return all;
  };

  it('writes byte-identical audio, timing and captions with --jobs 1 and --jobs 2 (worker pool)', async () => {
    const one = mkdtempSync(path.join(os.tmpdir(), 'voxpress-jobs1-'));
    const two = mkdtempSync(path.join(os.tmpdir(), 'voxpress-jobs2-'));
    await run('node', [CLI, input, '-o', one, '--jobs', '1', '--formats', 'mp3,wav,vtt', '--quiet']);
    await run('node', [CLI, input, '-o', two, '--jobs', '2', '--formats', 'mp3,wav,vtt', '--quiet']);
    const a = outputsOf(one);
    const b = outputsOf(two);
    expect([...a.keys()].sort()).toEqual(['french/narration.mp3', 'french/narration.vtt', 'french/narration.wav', 'french/timing.json', 'sections/narration.mp3', 'sections/narration.vtt', 'sections/narration.wav', 'sections/timing.json']);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, data] of a) expect(Buffer.compare(data, b.get(name) ?? Buffer.alloc(0)), name).toBe(0);
    expect(JSON.parse(a.get('french/timing.json')?.toString() ?? '{}')).toMatchObject({ voice: 'fr-fr' });
  });

  it('passes --voice and --rate to the engine, and reports bad speech options in one line', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'voxpress-voice-'));
    await run('node', [CLI, path.join(input, 'sections.md'), '-o', out, '--formats', 'mp3', '--voice', 'en-us', '--rate', '220', '--quiet']);
    expect(JSON.parse(readFileSync(path.join(out, 'sections', 'timing.json'), 'utf8'))).toMatchObject({ voice: 'en-us' });
    const failures: [string[], RegExp][] = [
      [['--voice', 'nope-nope'], /espeak has no voice "nope-nope"/],
      [['--engine', 'say'], process.platform === 'linux' ? /cannot make audio files on Linux/ : /./],
      [['--rate', '9999'], /--rate.*80 to 450/],
      [['--play'], /--play .* --engine say/],
    ];
    for (const [flags, message] of failures) {
      const error = await run('node', [CLI, path.join(input, 'sections.md'), '-o', out, '--formats', 'mp3', '--force', '--quiet', ...flags]).then(
        () => undefined,
        (e: { stderr: string; code: number }) => e,
      );
      expect(error, flags.join(' ')).toBeDefined();
      expect(error?.stderr, flags.join(' ')).toMatch(message);
      expect(error?.stderr.trim().split('\n').length, flags.join(' ')).toBe(1);
    }
  });

  it.skipIf(process.platform !== 'linux')('--engine say --play speaks each article through festival (a stand-in records what it is sent), leaving audio out of the default formats', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'voxpress-fake-festival-'));
    const received = path.join(bin, 'stdin');
    writeFileSync(path.join(bin, 'festival'), `#!/bin/sh\ncat >> '${received}'\n`);
    chmodSync(path.join(bin, 'festival'), 0o755);
    const out = mkdtempSync(path.join(os.tmpdir(), 'voxpress-play-'));
    await run('node', [CLI, path.join(input, 'sections.md'), '-o', out, '--engine', 'say', '--play', '--quiet'], { env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
    expect(readdirSync(path.join(out, 'sections')).filter((n) => !n.startsWith('.')).sort()).toEqual(['article.epub', 'article.pdf', 'document.json', 'narration.ssml']);
    const sent = readFileSync(received, 'latin1');
    expect(sent.startsWith('(SayText "Harbour works begin')).toBe(true);
    expect(sent).toContain('The council has set aside the money.');
    expect(sent.trimEnd().endsWith('")')).toBe(true);
  });
});
