import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalogueBase, DEFAULT_CATALOGUE, fetchCatalogue, installedVoices, installVoice, parseCatalogue, removeVoice, VoiceError } from '../../src/io/voice-catalogue.js';
import { installedVoiceNames } from '../../src/speech/engines/piper-voices.js';
import { catalogueEntry, closedPort, startCatalogue, type CatalogueServer, type FakeVoice } from '../helpers/catalogue-server.js';

const config = (code: string): Buffer => Buffer.from(JSON.stringify({ audio: { sample_rate: 22050 }, espeak: { voice: 'en-us' }, language: { code } }));
const amy: FakeVoice = { name: 'en_US-amy-medium', files: { 'en_US-amy-medium.onnx': Buffer.from('model bytes of amy'), 'en_US-amy-medium.onnx.json': config('en_US'), MODEL_CARD: Buffer.from('# amy\nLicense: CC0\n') } };
const siwis: FakeVoice = { name: 'fr_FR-siwis-medium', files: { 'fr_FR-siwis-medium.onnx': Buffer.from('model of siwis'), 'fr_FR-siwis-medium.onnx.json': config('fr_FR') } };

let server: CatalogueServer;
let dir: string;
beforeAll(async () => {
  server = await startCatalogue([amy, siwis]);
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-voices-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Everything in the voices folder, recursively: to see that a failed install left nothing behind. */
async function contents(): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VoiceError);
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('the voice catalogue', () => {
  it('lists the voices with their files, sizes and MD5 sums', async () => {
    const voices = await fetchCatalogue(server.base);
    expect(voices.map((v) => [v.name, v.language])).toEqual([['en_US-amy-medium', 'en_US'], ['fr_FR-siwis-medium', 'fr_FR']]);
    expect(voices[0]?.files.map((f) => f.path.split('/').pop())).toEqual(['MODEL_CARD', 'en_US-amy-medium.onnx', 'en_US-amy-medium.onnx.json']);
  });

  it('refuses a malformed catalogue in one line', () => {
    expect(() => parseCatalogue('{', 'c')).toThrow(/^voice catalogue c: not JSON/);
    expect(() => parseCatalogue('[]', 'c')).toThrow(/not an object of voices/);
    const entry = catalogueEntry(amy) as { files: Record<string, { size_bytes: number; md5_digest: string }> };
    const broken = (change: (files: Record<string, { size_bytes: number; md5_digest: string }>) => void): string => {
      const files = structuredClone(entry.files);
      change(files);
      return JSON.stringify({ [amy.name]: { ...entry, files } });
    };
    expect(() => parseCatalogue(broken((f) => (Object.values(f)[0]!.md5_digest = 'x')), 'c')).toThrow(/has no size or MD5/);
    expect(() => parseCatalogue(broken((f) => (Object.values(f)[0]!.size_bytes = 2 ** 40)), 'c')).toThrow(/bytes \(at most/);
    expect(() => parseCatalogue(broken((f) => delete f[Object.keys(f).find((k) => k.endsWith('.onnx'))!]), 'c')).toThrow(/lacks its \.onnx model/);
    expect(() => parseCatalogue(broken((f) => (f['../../en_US-amy-medium.onnx'] = { size_bytes: 1, md5_digest: '0'.repeat(32) })), 'c')).toThrow(/leaves the catalogue/);
  });

  it('takes its base URL from --catalogue, then VOXPRESS_VOICE_CATALOGUE, then Piper', () => {
    expect(catalogueBase(undefined, {})).toBe(DEFAULT_CATALOGUE);
    expect(catalogueBase(undefined, { VOXPRESS_VOICE_CATALOGUE: 'http://mirror.example/piper' })).toBe('http://mirror.example/piper/');
    expect(catalogueBase('http://127.0.0.1:1/x/', { VOXPRESS_VOICE_CATALOGUE: 'http://mirror.example/' })).toBe('http://127.0.0.1:1/x/');
    expect(() => catalogueBase('ftp://x/', {})).toThrow(/not an http/);
    expect(() => catalogueBase('not a url', {})).toThrow(/not a URL/);
  });
});

describe('installing a voice', () => {
  it('downloads its files into <voices>/<name>/, checked, reporting progress; lists and removes it', async () => {
    const progress: number[] = [];
    const folder = await installVoice(amy.name, { base: server.base, dir, onProgress: (p) => progress.push(p.received / p.total) });
    expect(folder).toBe(path.join(dir, amy.name));
    expect(await contents()).toEqual([amy.name, ...Object.keys(amy.files).map((f) => `${amy.name}/${f}`).sort()]);
    expect(await readFile(path.join(folder, 'en_US-amy-medium.onnx'), 'utf8')).toBe('model bytes of amy');
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const installed = await installedVoices(dir);
    expect(installed).toEqual([{ name: amy.name, language: 'en_US', bytes: amy.files['en_US-amy-medium.onnx']!.length + amy.files['en_US-amy-medium.onnx.json']!.length, folder }]);
    expect(await installedVoiceNames(dir)).toEqual([amy.name]);
    await removeVoice(amy.name, dir);
    expect(await contents()).toEqual([]);
    expect(await refusal(removeVoice(amy.name, dir))).toMatch(/is not installed/);
  });

  it('reinstalls over an installed voice, replacing it whole', async () => {
    await installVoice(siwis.name, { base: server.base, dir });
    await writeFile(path.join(dir, siwis.name, 'stale-file'), 'x');
    await installVoice(siwis.name, { base: server.base, dir });
    expect(await contents()).toEqual([siwis.name, ...Object.keys(siwis.files).map((f) => `${siwis.name}/${f}`).sort()]);
  });

  it('follows redirects (the catalogue host sends files to a CDN)', async () => {
    const file = 'en/en_US/amy/medium/en_US-amy-medium.onnx';
    server.route('/cdn/amy.onnx', { body: amy.files['en_US-amy-medium.onnx']! });
    server.route(`/${file}`, { redirect: `${server.base}cdn/amy.onnx` });
    try {
      await installVoice(amy.name, { base: server.base, dir });
      expect(server.requests).toContain('/cdn/amy.onnx');
    } finally {
      server.route(`/${file}`, { body: amy.files['en_US-amy-medium.onnx']! });
    }
  });

  describe('refuses, and leaves nothing behind, when', () => {
    const file = '/en/en_US/amy/medium/en_US-amy-medium.onnx';
    const good = amy.files['en_US-amy-medium.onnx']!;
    afterEach(() => server.route(file, { body: good }));
    const cases: [string, Parameters<CatalogueServer['route']>[1], RegExp][] = [
      ['a file is not what the catalogue says (MD5)', { body: Buffer.from('model bytes of AMY') }, /MD5 [0-9a-f]{32} is not the catalogue's/],
      ['a file is shorter than the catalogue says', { body: good.subarray(0, 5) }, /received 5 bytes, the catalogue says 18/],
      ['a file is longer than the catalogue says', { body: Buffer.concat([good, good]) }, /announced, at most 18 expected/],
      ['a file sent without a length runs past the catalogue\'s size', { body: Buffer.concat([good, good]), chunked: true }, /more than the 18 bytes expected/],
      ['the file is missing (404)', { status: 404, body: Buffer.from('no') }, /HTTP 404/],
      ['the server closes the connection mid-file', { body: good, hangUpAfter: 4 }, /cannot download .*en_US-amy-medium\.onnx/],
    ];
    it.each(cases)('%s', async (_, route, message) => {
      await mkdir(path.join(dir, amy.name));
      await writeFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx'), 'the installed voice');
      await writeFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx.json'), '{}');
      server.route(file, route);
      expect(await refusal(installVoice(amy.name, { base: server.base, dir }))).toMatch(message);
      // No staging folder is left, and the voice installed before is untouched.
      expect(await contents()).toEqual([amy.name, `${amy.name}/en_US-amy-medium.onnx`, `${amy.name}/en_US-amy-medium.onnx.json`]);
      expect(await readFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx'), 'utf8')).toBe('the installed voice');
    });
  });

  it('names a voice the catalogue does not have, and an unreachable catalogue, in one line', async () => {
    expect(await refusal(installVoice('de_DE-nobody-medium', { base: server.base, dir }))).toBe('no voice "de_DE-nobody-medium" in the catalogue: see voxpress voices list --available');
    const port = await closedPort();
    expect(await refusal(fetchCatalogue(`http://127.0.0.1:${port}/`))).toBe(`cannot download http://127.0.0.1:${port}/voices.json: ECONNREFUSED`);
    expect(await contents()).toEqual([]);
  });

  it('lists only complete voices: a leftover staging folder or a voice without its configuration is not one', async () => {
    await installVoice(amy.name, { base: server.base, dir });
    await mkdir(path.join(dir, '.fr_FR-siwis-medium.staging-1-abcd'));
    await mkdir(path.join(dir, siwis.name));
    await writeFile(path.join(dir, siwis.name, 'fr_FR-siwis-medium.onnx'), 'x');
    expect((await installedVoices(dir)).map((v) => v.name)).toEqual([amy.name]);
  });
});
