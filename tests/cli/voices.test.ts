import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogue, type CatalogueServer, type FakeVoice } from '../helpers/catalogue-server.js';
import { TEST_VOICE, testVoiceModel, testVoicesDir } from '../helpers/piper.js';

/** `voxpress voices` as a user runs it (the built CLI), against a catalogue on 127.0.0.1. */
const run = promisify(execFile);
const CLI = path.resolve('dist/cli/bin.js');

async function voxpress(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const amy: FakeVoice = {
  name: 'en_US-amy-medium',
  // A real voice's configuration with a model that is not one.
  files: { 'en_US-amy-medium.onnx': Buffer.from('not really a model'), 'en_US-amy-medium.onnx.json': readFileSync('tests/fixtures/piper/en_US-joe-medium.onnx.json'), MODEL_CARD: Buffer.from('License: CC0\n') },
};

describe('voxpress voices', () => {
  let server: CatalogueServer;
  let work: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    server = await startCatalogue([amy]);
    work = await mkdtemp(path.join(os.tmpdir(), 'voxpress-voices-cli-'));
    env = { VOXPRESS_VOICES_DIR: path.join(work, 'voices'), VOXPRESS_VOICE_CATALOGUE: server.base };
  });
  afterAll(async () => {
    await server.close();
    await rm(work, { recursive: true, force: true });
  });

  it('installs, lists, lists the catalogue, and removes a voice', async () => {
    expect((await voxpress(['voices', 'list'], env)).stdout).toMatch(/^no Piper voices installed in .*voices/);
    const install = await voxpress(['voices', 'install', amy.name], env);
    expect(install).toMatchObject({ code: 0, stderr: '' });
    expect(install.stdout).toBe(`installed ${amy.name} in ${path.join(work, 'voices', amy.name)} (sizes and MD5 checked)\n`);
    expect((await readdir(path.join(work, 'voices', amy.name))).sort()).toEqual(['MODEL_CARD', 'en_US-amy-medium.onnx', 'en_US-amy-medium.onnx.json']);
    expect((await voxpress(['voices', 'list'], env)).stdout).toMatch(/^en_US-amy-medium\s+en_US\s+0\.0 MB\s+\S+en_US-amy-medium\n$/);
    expect(JSON.parse((await voxpress(['voices', 'list', '--json'], env)).stdout).voices).toEqual([{ name: amy.name, language: 'en_US', bytes: Object.values(amy.files).reduce((n, f) => n + f.length, 0), folder: path.join(work, 'voices', amy.name) }]);
    const available = await voxpress(['voices', 'list', '--available', '--json'], env);
    expect(JSON.parse(available.stdout)).toEqual([{ name: amy.name, language: 'en_US', quality: 'medium', bytes: Object.values(amy.files).reduce((n, f) => n + f.length, 0), installed: true }]);
    expect((await voxpress(['voices', 'remove', amy.name], env)).stdout).toBe(`removed ${amy.name}\n`);
    expect(JSON.parse((await voxpress(['voices', 'list', '--json'], env)).stdout)).toEqual({ folder: path.join(work, 'voices'), voices: [] });
  });

  it('says what went wrong in one line: usage errors exit 2, failures exit 1', async () => {
    const badName = await voxpress(['voices', 'install', '../../etc'], env);
    expect(badName.code).toBe(2);
    expect(badName.stderr).toBe('voxpress: voices: "../../etc" is not a Piper voice name (they look like en_US-joe-medium) nor a path to a .onnx voice\n');
    expect(server.requests.filter((r) => r.includes('etc'))).toEqual([]);
    const unknown = await voxpress(['voices', 'install', 'de_DE-nobody-medium'], env);
    expect(unknown).toMatchObject({ code: 1, stderr: 'voxpress: voices: no voice "de_DE-nobody-medium" in the catalogue: see voxpress voices list --available\n' });
    const missing = await voxpress(['voices', 'remove', 'de_DE-nobody-medium'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^voxpress: voices: voice de_DE-nobody-medium is not installed in .*\n$/);
    expect((await voxpress(['voices', 'list', '--available', '--catalogue', 'ftp://x/'], env)).stderr).toBe('voxpress: voices: voice catalogue "ftp://x/" is not an http(s) URL\n');
  });

  it('--engine piper without the voices it needs is one usage error before any article (exit 2)', async () => {
    const none = { ...env, VOXPRESS_VOICES_DIR: path.join(work, 'no-voices') };
    const result = await voxpress(['input/khorev-asif-meeting.txt', '-o', path.join(work, 'none'), '--engine', 'piper'], none);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(`voxpress: --engine piper: no Piper voice is installed (in ${path.join(work, 'no-voices')}): list them with voxpress voices list --available, then run voxpress voices install <name>\n`);
    const mapped = await voxpress(['input/khorev-asif-meeting.txt', '-o', path.join(work, 'none'), '--engine', 'piper', '--voice', 'en=en_US-amy-medium,fr=fr_FR-siwis-medium'], env);
    expect(mapped).toMatchObject({ code: 2, stderr: 'voxpress: --engine piper: Piper voice en_US-amy-medium is not installed: run voxpress voices install en_US-amy-medium\n' });
    // Without audio formats no voice is needed.
    expect((await voxpress(['input/khorev-asif-meeting.txt', '-o', path.join(work, 'none'), '--engine', 'piper', '--formats', 'json', '-q'], none)).code).toBe(0);
  });

  it('a voice that is not a model fails its article in one line, naming the voice', async () => {
    expect((await voxpress(['voices', 'install', amy.name, '-q'], env)).code).toBe(0);
    const result = await voxpress(['input/khorev-asif-meeting.txt', '-o', path.join(work, 'out'), '--engine', 'piper', '--formats', 'mp3', '-q'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^voxpress: input\/khorev-asif-meeting\.txt: mp3: Piper voice \S+en_US-amy-medium\.onnx: not an ONNX model/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  const voices = testVoicesDir();
  it.skipIf(!voices)('installs the real voice from a catalogue, then speaks with it offline', async () => {
    const model = testVoiceModel(voices ?? '');
    const joe: FakeVoice = { name: TEST_VOICE, files: { [`${TEST_VOICE}.onnx`]: await readFile(model), [`${TEST_VOICE}.onnx.json`]: await readFile(`${model}.json`), MODEL_CARD: await readFile(path.join(path.dirname(model), 'MODEL_CARD')) } };
    const real = await startCatalogue([joe]);
    const realEnv = { VOXPRESS_VOICES_DIR: path.join(work, 'real-voices'), VOXPRESS_VOICE_CATALOGUE: real.base };
    try {
      expect((await voxpress(['voices', 'install', TEST_VOICE], realEnv)).code).toBe(0);
    } finally {
      await real.close();
    }
    // The catalogue is gone: speaking needs nothing but the installed files.
    const result = await voxpress(['tests/fixtures/piper/mixed.md', '-o', path.join(work, 'real-out'), '--engine', 'piper', '--formats', 'mp3', '-q'], realEnv);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const timing = JSON.parse(await readFile(path.join(work, 'real-out', 'mixed', 'timing.json'), 'utf8')) as { voice: string; durationMs: number };
    expect(timing.voice).toBe(TEST_VOICE);
    expect(timing.durationMs).toBeGreaterThan(10_000);
  }, 180_000);
});
