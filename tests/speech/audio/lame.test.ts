import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lame } from '../../../src/speech/audio/lame.js';
import { LAME_QUALITY, mp3Config, mp3Layout, MP3_DECODER_DELAY_SAMPLES } from '../../../src/speech/audio/mp3.js';
import { joinBytes } from '../../../src/shared/bytes.js';
import { decodeMp3 } from '../../helpers/audio.js';
import { skipUnlessFound, skipWithout } from '../../helpers/conformance.js';

const root = path.resolve(import.meta.dirname, '../../..');

function encodeWith(lame: Lame, samples: Int16Array, quality: number): Uint8Array {
  lame.configure({ ...mp3Config(22050), quality });
  return joinBytes([...lame.encode(samples), lame.finalize()]);
}

/** Signal-to-noise ratio in dB of the decoded MP3 against its source, aligned by the decoder delay. */
async function decodedSnr(mp3: Uint8Array, source: Int16Array): Promise<number> {
  const decoded = await decodeMp3(mp3);
  expect(decoded.errors).toBe(0);
  let signal = 0;
  let noise = 0;
  for (let i = 0; i < source.length; i++) {
    const s = (source[i] ?? 0) / 32768;
    const d = decoded.samples[i + MP3_DECODER_DELAY_SAMPLES] ?? 0;
    signal += s * s;
    noise += (s - d) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

/** A paragraph of a real fixture as native eSpeak NG speaks it (22 050 Hz mono WAV). */
function nativeSpeech(): Int16Array {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'voxpress-lame-'));
  try {
    execFileSync('espeak-ng', ['-v', 'en-us', '-w', path.join(dir, 'speech.wav'), '-f', path.join(root, 'tests/fixtures/real/debian-ftp-shutdown.md')]);
    const wav = readFileSync(path.join(dir, 'speech.wav'));
    return new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('LAME in WASM', () => {
  it('starts each stream afresh: a reused instance makes the bytes a new one makes', () => {
    const tone = Int16Array.from({ length: 30000 }, (_, i) => Math.round(8000 * Math.sin(i / 7)));
    const reused = new Lame();
    encodeWith(reused, tone.subarray(0, 9000), LAME_QUALITY);
    const again = encodeWith(reused, tone, LAME_QUALITY);
    const fresh = encodeWith(new Lame(), tone, LAME_QUALITY);
    expect(Buffer.compare(Buffer.from(again), Buffer.from(fresh))).toBe(0);
    expect(mp3Layout(fresh).sampleRate).toBe(22050);
  });

  it('refuses samples before a stream and after its end', () => {
    const lame = new Lame();
    expect(() => lame.encode(new Int16Array(10))).toThrow(/configure it first/);
    lame.configure(mp3Config(22050));
    lame.finalize();
    expect(() => lame.finalize()).toThrow(/configure it first/);
  });

  it.skipIf(skipWithout('espeak-ng'))('keeps real speech at least as close to its source as LAME’s default quality (-q 3) does', async () => {
    const speech = nativeSpeech();
    const lame = new Lame();
    const chosen = await decodedSnr(encodeWith(lame, speech, LAME_QUALITY), speech);
    const lameDefault = await decodedSnr(encodeWith(lame, speech, 3), speech);
    expect(chosen).toBeGreaterThanOrEqual(lameDefault);
    expect(chosen).toBeGreaterThan(18);
  });

  const source = process.env.VOXPRESS_LAME_SOURCE;
  it.skipIf(skipUnlessFound('the LAME 3.100 source (VOXPRESS_LAME_SOURCE)', source ? {} : { missing: 'not set' }) || skipWithout('clang'))(
    'is what its source and build script make, byte for byte',
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'voxpress-lame-build-'));
      try {
        execFileSync('bash', [path.join(root, 'scripts/build-lame-wasm.sh'), source ?? '', path.join(dir, 'lame.wasm')], { stdio: ['ignore', 'ignore', 'pipe'] });
        const rebuilt = readFileSync(path.join(dir, 'lame.wasm'));
        const shipped = readFileSync(path.join(root, 'src/speech/audio/lame/lame.wasm'));
        expect(Buffer.compare(rebuilt, shipped)).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
