import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Located } from '../../../src/verify/validator.js';
import { MPG123, mpg123Outcome, streamFormat, streamProblems } from '../../../src/verify/tools/mpg123.js';
import { skipWithout } from '../../helpers/conformance.js';
import { mp3DurationMs, silentMp3 } from '../../helpers/epub.js';
import { smallDoc, timingFor } from '../../helpers/verify.js';

const GOOD_STDERR = 'High Performance MPEG 1.0/2.0/2.5 Audio Player\nPlaying MPEG stream 1 of 1: narration.mp3 ...\n\nMPEG 2.0 L III cbr48 22050 mono\n\tTitle:   Harbour\n[0:23] Decoding of narration.mp3 finished.\n';
const timing = { ...timingFor(smallDoc()), durationMs: 1000 };

describe('mpg123 output', () => {
  it('reads the stream format and finds no problem in a clean decode', () => {
    expect(streamFormat(GOOD_STDERR)).toEqual({ sampleRate: 22050, channels: 1 });
    expect(streamProblems(GOOD_STDERR)).toEqual([]);
    expect(mpg123Outcome(GOOD_STDERR, 22050 * 2, 0, timing).findings).toEqual([]);
  });

  it('fails stream errors, a length off by more than 0.5 ms, a non-zero exit and no stream at all', () => {
    const noisy = `${GOOD_STDERR}Note: Illegal Audio-MPEG-Header 0x00000000 at offset 71173.\nNote: Trying to resync...\n[src/libmpg123/parse.c:wetwork():1406] error: Giving up resync\n`;
    expect(mpg123Outcome(noisy, 22050 * 2, 0, timing).findings.map((f) => f.rule)).toEqual(['stream', 'stream', 'stream']);
    expect(mpg123Outcome(GOOD_STDERR, 22050 * 2 + 2 * 12, 0, timing).findings).toEqual([{ rule: 'duration', message: 'decoded 1000.5 ms, timing.json says 1000 ms (tolerance 0.5 ms)' }]);
    expect(mpg123Outcome(GOOD_STDERR, 22050 * 2 + 2 * 11, 0, timing).findings).toEqual([]);
    expect(mpg123Outcome(GOOD_STDERR, 22050 * 2, 1, timing).findings.map((f) => f.rule)).toEqual(['exit']);
    expect(mpg123Outcome('', 0, 0, timing).findings.map((f) => f.rule)).toEqual(['stream']);
    expect(mpg123Outcome(GOOD_STDERR, 22050 * 2, 0, undefined).checked).toMatch(/duration not compared/);
  });

  it('is missing without mpg123 on PATH', async () => {
    expect(await MPG123.locate({ PATH: '' })).toEqual({ missing: 'mpg123 is not on PATH' });
  });
});

describe.skipIf(skipWithout('mpg123'))('mpg123 on real files', () => {
  let dir: string;
  let mpg123: Located;
  let durationMs: number;
  const check = async (file: string, bytes: Uint8Array, ms: number) => {
    await writeFile(path.join(dir, 'story', file), bytes);
    return (await mpg123.check([{ root: dir, article: 'story', file, context: { timing: { ...timing, durationMs: ms } } }]))[0];
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-mpg123-'));
    await mkdir(path.join(dir, 'story'));
    mpg123 = (await MPG123.locate(process.env)) as Located;
  });

  it('decodes a clean MP3 to the length its frames give', async () => {
    const mp3 = await silentMp3(2);
    durationMs = Math.round(mp3DurationMs(mp3));
    expect(await check('narration.mp3', mp3, durationMs)).toMatchObject({ findings: [] });
  });

  it('reports garbage in the stream, and a frame lost off the end as a wrong length', async () => {
    const mp3 = await silentMp3(2);
    const middle = Math.floor(mp3.length / 2);
    const garbage = new Uint8Array(Buffer.concat([mp3.subarray(0, middle), new Uint8Array(300), mp3.subarray(middle)]));
    expect((await check('garbage.mp3', garbage, durationMs))?.findings.map((f) => f.rule)).toContain('stream');
    const short = mp3.subarray(0, mp3.length - 100);
    expect((await check('short.mp3', short, durationMs))?.findings.map((f) => f.rule)).toEqual(['duration']);
  });
});
