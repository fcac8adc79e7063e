import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalogueBase, DEFAULT_CATALOGUE, fetchCatalogue, installedVoices, installVoice, parseCatalogue, removeVoice, VoiceError } from '../../src/io/voice-catalogue.js';
import { installedVoiceNames } from '../../src/speech/engines/piper-voices.js';
import { SpeechError } from '../../src/speech/engines/types.js';
import { catalogueEntry, closedPort, startCatalogue, type CatalogueServer, type FakeVoice, type Route } from '../helpers/catalogue-server.js';

const config = (code: string): Buffer => Buffer.from(JSON.stringify({ audio: { sample_rate: 22050 }, espeak: { voice: 'en-us' }, language: { code } }));
const amy: FakeVoice = { name: 'en_US-amy-medium', files: { 'en_US-amy-medium.onnx': Buffer.from('model bytes of amy'), 'en_US-amy-medium.onnx.json': config('en_US'), MODEL_CARD: Buffer.from('# amy\nLicense: CC0\n') } };
const siwis: FakeVoice = { name: 'fr_FR-siwis-medium', files: { 'fr_FR-siwis-medium.onnx': Buffer.from('model of siwis'), 'fr_FR-siwis-medium.onnx.json': config('fr_FR') } };
const sizeOf = (voice: FakeVoice): number => Object.values(voice.files).reduce((n, f) => n + f.length, 0);

/** A pid no process has (above Linux's largest pid_max), standing for a run that was killed. */
const DEAD = 99_999_999;
const AMY_MODEL = '/en/en_US/amy/medium/en_US-amy-medium.onnx';
const AMY_BYTES = amy.files['en_US-amy-medium.onnx']!;

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

/** Answers `route` at `file` while `run` runs, then what it answered before. */
async function withRoute<T>(file: string, route: Route, run: () => Promise<T>, restore: Route): Promise<T> {
  server.route(file, route);
  try {
    return await run();
  } finally {
    server.route(file, restore);
  }
}

/** Everything in the voices folder, recursively (dot-names too): to see that a failed install left nothing behind. */
async function contents(): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** The folder of an installed fake voice, as `contents` lists it. */
const installed = (voice: FakeVoice): string[] => [voice.name, ...Object.keys(voice.files).map((f) => `${voice.name}/${f}`)].sort();

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(VoiceError);
    expect((error as Error).message).not.toMatch(/[\n\u001b]/);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

/** Resolves once `file` exists (a download under way), failing after two seconds. */
async function appears(find: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await find()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('never appeared');
}

describe('the voice catalogue', () => {
  it('lists the voices with their files, sizes and MD5 sums', async () => {
    const voices = await fetchCatalogue(server.base);
    expect(voices.map((v) => [v.name, v.language, v.quality, v.bytes])).toEqual([
      ['en_US-amy-medium', 'en_US', 'medium', sizeOf(amy)],
      ['fr_FR-siwis-medium', 'fr_FR', 'medium', sizeOf(siwis)],
    ]);
    expect(voices[0]?.files.map((f) => f.path.split('/').pop())).toEqual(['MODEL_CARD', 'en_US-amy-medium.onnx', 'en_US-amy-medium.onnx.json']);
    expect(voices[0]?.files[1]).toEqual({ path: 'en/en_US/amy/medium/en_US-amy-medium.onnx', size: 18, md5: createHash('md5').update(AMY_BYTES).digest('hex') });
  });

  type Files = Record<string, { size_bytes: number; md5_digest: string }>;
  const entry = catalogueEntry(amy) as { files: Files };
  const broken = (change: (files: Files) => void): string => {
    const files = structuredClone(entry.files);
    change(files);
    return JSON.stringify({ [amy.name]: { ...entry, files } });
  };
  const model = (files: Files): string => Object.keys(files).find((k) => k.endsWith('.onnx'))!;
  const moved = (to: string) => (files: Files) => {
    files[to] = files[model(files)]!;
    delete files[model(files)];
  };

  it('refuses a malformed catalogue in one line', () => {
    expect(() => parseCatalogue('{', 'c')).toThrow(/^voice catalogue c: not JSON/);
    expect(() => parseCatalogue('[]', 'c')).toThrow(/not an object of voices/);
    expect(() => parseCatalogue(JSON.stringify({ [amy.name]: { files: [] } }), 'c')).toThrow(/voice "en_US-amy-medium" has no files/);
    expect(() => parseCatalogue(broken((f) => (Object.values(f)[0]!.md5_digest = 'x')), 'c')).toThrow(/has no size or MD5/);
    expect(() => parseCatalogue(broken((f) => (Object.values(f)[0]!.size_bytes = 1.5)), 'c')).toThrow(/has no size or MD5/);
    expect(() => parseCatalogue(broken((f) => (Object.values(f)[0]!.size_bytes = 2 ** 40)), 'c')).toThrow(/bytes \(at most/);
    expect(() => parseCatalogue(broken((f) => delete f[model(f)]), 'c')).toThrow(/lacks its \.onnx model/);
  });

  it('refuses what the catalogue text quotes, escaped, so the message stays one line', () => {
    const message = (() => {
      try {
        parseCatalogue('{"a":\n\u001b[31m}', 'c');
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toMatch(/^voice catalogue c: not JSON/);
    expect(message).not.toMatch(/[\n\u001b]/);
  });

  it.each([
    ['a dot-dot segment', '../../en_US-amy-medium.onnx'],
    ['a dot-dot segment written as %2e%2e (URLs decode it)', 'en/%2e%2e/%2e%2e/secret/en_US-amy-medium.onnx'],
    ['an absolute path', '/etc/en_US-amy-medium.onnx'],
    ['another host', '//evil.example/en_US-amy-medium.onnx'],
    ['a query', 'en/x?y=/en_US-amy-medium.onnx'],
    ['a backslash (URLs read it as a slash)', 'en\\..\\x/en_US-amy-medium.onnx'],
  ])('refuses a file path with %s, which would leave the catalogue', (_, to) => {
    expect(() => parseCatalogue(broken(moved(to)), 'c')).toThrow(/has a file path voxpress does not follow/);
  });

  it('refuses a voice that lists two files of one name (they would be one file of the folder)', () => {
    const twice = broken((f) => (f[`other/${model(f).split('/').pop()}`] = f[model(f)]!));
    expect(() => parseCatalogue(twice, 'c')).toThrow(/lists en_US-amy-medium\.onnx twice/);
  });

  it('skips entries whose key is not a voice name, and files it does not install', () => {
    const extra = { ...entry, files: { ...entry.files, 'en/en_US/amy/medium/samples/speaker_0.mp3': { size_bytes: 1, md5_digest: '0'.repeat(32) } } };
    const voices = parseCatalogue(JSON.stringify({ 'not a voice': {}, [amy.name]: extra }), 'c');
    expect(voices.map((v) => v.name)).toEqual([amy.name]);
    expect(voices[0]?.files).toHaveLength(3);
  });

  it('takes a language code only when it is one (the text is downloaded and printed), else the name says it', () => {
    const code = (language: unknown): string | undefined => parseCatalogue(JSON.stringify({ [amy.name]: { ...entry, language } }), 'c')[0]?.language;
    expect(code({ code: 'en_GB' })).toBe('en_GB');
    expect(code({ code: 'en_US\u001b[31m' })).toBe('en_US');
    expect(code({ code: 7 })).toBe('en_US');
    expect(code(undefined)).toBe('en_US');
  });

  it('takes its base URL from --catalogue, then VOXPRESS_VOICE_CATALOGUE, then Piper', () => {
    expect(catalogueBase(undefined, {})).toBe(DEFAULT_CATALOGUE);
    expect(catalogueBase(undefined, { VOXPRESS_VOICE_CATALOGUE: 'http://mirror.example/piper' })).toBe('http://mirror.example/piper/');
    expect(catalogueBase('http://127.0.0.1:1/x/', { VOXPRESS_VOICE_CATALOGUE: 'http://mirror.example/' })).toBe('http://127.0.0.1:1/x/');
    expect(() => catalogueBase('ftp://x/', {})).toThrow(/not an http/);
    expect(() => catalogueBase('not a url', {})).toThrow(/not a URL/);
  });

  it('reads the catalogue from a base URL below the server root', async () => {
    server.route('/mirror/piper/voices.json', { body: Buffer.from(JSON.stringify({ [amy.name]: entry })) });
    expect((await fetchCatalogue(`${server.base}mirror/piper/`)).map((v) => v.name)).toEqual([amy.name]);
  });

  it('refuses a catalogue larger than 16 MiB, announced or not', async () => {
    const huge = Buffer.alloc(16 * 1024 * 1024 + 1, 0x20);
    const restore = { body: Buffer.from(JSON.stringify({ [amy.name]: entry, [siwis.name]: catalogueEntry(siwis) })) };
    expect(await withRoute('/voices.json', { body: huge }, () => refusal(fetchCatalogue(server.base)), restore)).toMatch(/16777217 bytes announced, at most 16777216 expected/);
    expect(await withRoute('/voices.json', { body: huge, chunked: true }, () => refusal(fetchCatalogue(server.base)), restore)).toMatch(/more than the 16777216 bytes expected/);
  });

  it('names an unreachable catalogue and the reason in one line', async () => {
    const port = await closedPort();
    expect(await refusal(fetchCatalogue(`http://127.0.0.1:${port}/`))).toBe(`cannot download http://127.0.0.1:${port}/voices.json: connection refused (ECONNREFUSED)`);
  });
});

describe('installing a voice', () => {
  it('downloads its files into <voices>/<name>/, checked, reporting progress; lists and removes it', async () => {
    const progress: number[] = [];
    const folder = await installVoice(amy.name, { base: server.base, dir, onProgress: (p) => progress.push(p.received / p.total) });
    expect(folder).toBe(path.join(dir, amy.name));
    expect(await contents()).toEqual(installed(amy));
    for (const [file, bytes] of Object.entries(amy.files)) expect(await readFile(path.join(folder, file))).toEqual(bytes);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await installedVoices(dir)).toEqual([{ name: amy.name, language: 'en_US', bytes: sizeOf(amy), folder }]);
    expect(await installedVoiceNames(dir)).toEqual([amy.name]);
    await removeVoice(amy.name, dir);
    expect(await contents()).toEqual([]);
    expect(await refusal(removeVoice(amy.name, dir))).toBe(`voice ${amy.name} is not installed in ${dir}`);
  });

  it('reinstalls over an installed voice, replacing it whole', async () => {
    await installVoice(siwis.name, { base: server.base, dir });
    await writeFile(path.join(dir, siwis.name, 'stale-file'), 'x');
    await writeFile(path.join(dir, siwis.name, 'fr_FR-siwis-medium.onnx'), 'an older model');
    await installVoice(siwis.name, { base: server.base, dir });
    expect(await contents()).toEqual(installed(siwis));
    expect(await readFile(path.join(dir, siwis.name, 'fr_FR-siwis-medium.onnx'), 'utf8')).toBe('model of siwis');
  });

  it('follows redirects (the catalogue host sends files to a CDN), but not for ever', async () => {
    server.route('/cdn/amy.onnx', { body: AMY_BYTES });
    await withRoute(AMY_MODEL, { redirect: `${server.base}cdn/amy.onnx` }, async () => {
      await installVoice(amy.name, { base: server.base, dir });
      expect(server.requests).toContain('/cdn/amy.onnx');
    }, { body: AMY_BYTES });
    expect(await readFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx'))).toEqual(AMY_BYTES);
    await rm(path.join(dir, amy.name), { recursive: true });
    const loop = await withRoute(AMY_MODEL, { redirect: `${server.base}${AMY_MODEL.slice(1)}` }, () => refusal(installVoice(amy.name, { base: server.base, dir })), { body: AMY_BYTES });
    expect(loop).toBe(`cannot download ${server.base}${AMY_MODEL.slice(1)}: redirect count exceeded`);
    expect(await contents()).toEqual([]);
  });

  it('asks for the bytes unencoded, so a server that would compress a tiny file still gives the catalogue its size', async () => {
    // Gzipped, these 18 bytes would be 38 announced, more than the catalogue's size.
    await withRoute(AMY_MODEL, { body: AMY_BYTES, gzipWhenAsked: true }, () => installVoice(amy.name, { base: server.base, dir }), { body: AMY_BYTES });
    expect(await readFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx'))).toEqual(AMY_BYTES);
  });

  describe('refuses, and leaves nothing behind, when', () => {
    const cases: [string, Route, RegExp][] = [
      ['a file is not what the catalogue says (MD5)', { body: Buffer.from('model bytes of AMY') }, /MD5 [0-9a-f]{32} is not the catalogue's/],
      ['a file is shorter than the catalogue says', { body: AMY_BYTES.subarray(0, 5) }, /received 5 bytes, the catalogue says 18/],
      ['a file is longer than the catalogue says', { body: Buffer.concat([AMY_BYTES, AMY_BYTES]) }, /36 bytes announced, at most 18 expected/],
      ["a file sent without a length runs past the catalogue's size", { body: Buffer.concat([AMY_BYTES, AMY_BYTES]), chunked: true }, /more than the 18 bytes expected/],
      ['the file is missing (404)', { status: 404, body: Buffer.from('no') }, /en_US-amy-medium\.onnx: HTTP 404$/],
      ['the server closes the connection mid-file', { body: AMY_BYTES, hangUpAfter: 4 }, /en_US-amy-medium\.onnx: the connection closed before the end \(UND_ERR_SOCKET\)$/],
      ['a redirect leads to a 404', { redirect: '/nowhere' }, /HTTP 404$/],
    ];
    it.each(cases)('%s', async (_, route, message) => {
      await mkdir(path.join(dir, amy.name));
      await writeFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx'), 'the installed voice');
      await writeFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx.json'), '{}');
      const refused = await withRoute(AMY_MODEL, route, () => refusal(installVoice(amy.name, { base: server.base, dir })), { body: AMY_BYTES });
      expect(refused).toMatch(message);
      // No staging folder is left, and the voice installed before is untouched.
      expect(await contents()).toEqual([amy.name, `${amy.name}/en_US-amy-medium.onnx`, `${amy.name}/en_US-amy-medium.onnx.json`]);
      expect(await readFile(path.join(dir, amy.name, 'en_US-amy-medium.onnx'), 'utf8')).toBe('the installed voice');
    });
  });

  it('stops when interrupted (Ctrl-C) part-way through a file, and leaves nothing behind', async () => {
    const stop = new AbortController();
    const staged = async (): Promise<boolean> => (await contents()).some((f) => /^\.en_US-amy-medium\.staging-\d+-[0-9a-f]+\/en_US-amy-medium\.onnx$/.test(f));
    const refused = await withRoute(AMY_MODEL, { body: AMY_BYTES, stallAfter: 4 }, async () => {
      const install = refusal(installVoice(amy.name, { base: server.base, dir, signal: stop.signal }));
      await appears(staged);
      stop.abort();
      return install;
    }, { body: AMY_BYTES });
    expect(refused).toMatch(/en_US-amy-medium\.onnx: interrupted$/);
    expect(await contents()).toEqual([]);
  }, 10_000);

  it('names a voice the catalogue does not have in one line, and refuses a name that is not one before any request', async () => {
    expect(await refusal(installVoice('de_DE-nobody-medium', { base: server.base, dir }))).toBe('no voice "de_DE-nobody-medium" in the catalogue: see voxpress voices list --available');
    const asked = server.requests.length;
    await expect(installVoice('../../etc', { base: server.base, dir })).rejects.toThrow(SpeechError);
    await expect(removeVoice('../../etc', dir)).rejects.toThrow(SpeechError);
    expect(server.requests.length).toBe(asked);
    expect(await contents()).toEqual([]);
  });

  it('lists only complete voices: a leftover staging folder or a voice without its configuration is not one', async () => {
    await installVoice(amy.name, { base: server.base, dir });
    await mkdir(path.join(dir, `.fr_FR-siwis-medium.staging-${process.ppid}-abcd`));
    await mkdir(path.join(dir, siwis.name));
    await writeFile(path.join(dir, siwis.name, 'fr_FR-siwis-medium.onnx'), 'x');
    expect((await installedVoices(dir)).map((v) => v.name)).toEqual([amy.name]);
  });

  it("lists an installed voice's language from its configuration, when it is a language code", async () => {
    await installVoice(amy.name, { base: server.base, dir });
    const file = path.join(dir, amy.name, 'en_US-amy-medium.onnx.json');
    await writeFile(file, config('en_GB'));
    expect((await installedVoices(dir))[0]?.language).toBe('en_GB');
    await writeFile(file, config('\u001b[2J'));
    expect((await installedVoices(dir))[0]?.language).toBe('en_US');
    await writeFile(file, 'not JSON');
    expect((await installedVoices(dir))[0]?.language).toBe('en_US');
  });

  it('clears what killed installs and removals left: their staging and half-removed folders go, a voice retired by a killed reinstall comes back', async () => {
    const dead = (name: string): string => path.join(dir, name);
    await mkdir(dead(`.${amy.name}.staging-${DEAD}-00ff`));
    await writeFile(path.join(dead(`.${amy.name}.staging-${DEAD}-00ff`), 'en_US-amy-medium.onnx'), 'half');
    await mkdir(dead(`.${siwis.name}.old-${DEAD}-11ee`));
    for (const [file, bytes] of Object.entries(siwis.files)) await writeFile(path.join(dead(`.${siwis.name}.old-${DEAD}-11ee`), file), bytes);
    await mkdir(dead(`.de_DE-thorsten-medium.removed-${DEAD}-22dd`));
    await writeFile(path.join(dead(`.de_DE-thorsten-medium.removed-${DEAD}-22dd`), 'de_DE-thorsten-medium.onnx.json'), '{}');
    // Another voxpress still installing: left alone.
    await mkdir(dead(`.${amy.name}.staging-${process.ppid}-33cc`));
    await installVoice(amy.name, { base: server.base, dir });
    expect(await contents()).toEqual([`.${amy.name}.staging-${process.ppid}-33cc`, ...installed(amy), ...installed(siwis)].sort());
    expect((await installedVoices(dir)).map((v) => v.name)).toEqual([amy.name, siwis.name]);
  });

  it('removes a voice whole, clearing leftovers of killed runs too', async () => {
    await installVoice(amy.name, { base: server.base, dir });
    await mkdir(path.join(dir, `.${siwis.name}.staging-${DEAD}-00ff`));
    await removeVoice(amy.name, dir);
    expect(await contents()).toEqual([]);
  });

  it('installs into, lists and removes from VOXPRESS_VOICES_DIR when no folder is given', async () => {
    const before = process.env.VOXPRESS_VOICES_DIR;
    process.env.VOXPRESS_VOICES_DIR = dir;
    try {
      expect(await installVoice(siwis.name, { base: server.base })).toBe(path.join(dir, siwis.name));
      expect((await installedVoices()).map((v) => v.folder)).toEqual([path.join(dir, siwis.name)]);
      await removeVoice(siwis.name);
    } finally {
      if (before === undefined) delete process.env.VOXPRESS_VOICES_DIR;
      else process.env.VOXPRESS_VOICES_DIR = before;
    }
    expect(await contents()).toEqual([]);
  });
});
