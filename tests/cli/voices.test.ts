import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startCatalogue, type CatalogueServer, type FakeVoice } from '../helpers/catalogue-server.js';
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

const bytesOf = (voice: FakeVoice): number => Object.values(voice.files).reduce((n, f) => n + f.length, 0);

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
    // stderr is not a terminal: no progress bar, the one line on stdout is the summary.
    expect(install.stdout).toBe(`installed ${amy.name} (0.0 MB, sizes and MD5 checked) in ${path.join(work, 'voices', amy.name)}\n`);
    expect((await readdir(path.join(work, 'voices', amy.name))).sort()).toEqual(['MODEL_CARD', 'en_US-amy-medium.onnx', 'en_US-amy-medium.onnx.json']);
    expect((await voxpress(['voices', 'list'], env)).stdout).toMatch(/^en_US-amy-medium\s+en_US\s+0\.0 MB\s+\S+en_US-amy-medium\n$/);
    expect(JSON.parse((await voxpress(['voices', 'list', '--json'], env)).stdout).voices).toEqual([{ name: amy.name, language: 'en_US', bytes: bytesOf(amy), folder: path.join(work, 'voices', amy.name) }]);
    const available = await voxpress(['voices', 'list', '--available', '--json'], env);
    expect(JSON.parse(available.stdout)).toEqual([{ name: amy.name, language: 'en_US', quality: 'medium', bytes: bytesOf(amy), installed: true }]);
    expect((await voxpress(['voices', 'list', '--available'], env)).stdout).toBe(`* ${amy.name.padEnd(32)} en_US     0.0 MB\n`);
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

  it('reads the catalogue from --catalogue before VOXPRESS_VOICE_CATALOGUE', async () => {
    const nowhere = { ...env, VOXPRESS_VOICE_CATALOGUE: `http://127.0.0.1:${await closedPort()}/` };
    const refused = await voxpress(['voices', 'list', '--available'], nowhere);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^voxpress: voices: cannot download http:\/\/127\.0\.0\.1:\d+\/voices\.json: connection refused \(ECONNREFUSED\)\n$/);
    expect(JSON.parse((await voxpress(['voices', 'list', '--available', '--json', '--catalogue', server.base], nowhere)).stdout)).toHaveLength(1);
    const voices = path.join(work, 'catalogue-option');
    expect((await voxpress(['voices', 'install', amy.name, '-q', '--catalogue', server.base], { ...nowhere, VOXPRESS_VOICES_DIR: voices })).code).toBe(0);
    expect(await readdir(voices)).toEqual([amy.name]);
  });

  it('installs each voice named once, goes on past one that fails, and exits 1', async () => {
    const voices = path.join(work, 'several');
    const asked = server.requests.length;
    const result = await voxpress(['voices', 'install', amy.name, 'de_DE-nobody-medium', amy.name], { ...env, VOXPRESS_VOICES_DIR: voices });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`installed ${amy.name} (0.0 MB, sizes and MD5 checked) in ${path.join(voices, amy.name)}\n`);
    expect(result.stderr).toBe('voxpress: voices: no voice "de_DE-nobody-medium" in the catalogue: see voxpress voices list --available\n');
    // The catalogue is read once, each file of the voice downloaded once.
    expect(server.requests.slice(asked).filter((r) => r === '/voices.json')).toHaveLength(1);
    expect(server.requests.slice(asked).filter((r) => r.endsWith('.onnx'))).toHaveLength(1);
  });

  it('prints control characters of a name escaped, so the message stays one line and sends the terminal nothing', async () => {
    const result = await voxpress(['voices', 'install', 'en_US-\u001b[2Jx\nmedium'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('voxpress: voices: "en_US-\\x1b[2Jx\\nmedium" is not a Piper voice name (they look like en_US-joe-medium) nor a path to a .onnx voice\n');
  });

  it('says its exit statuses in --help', async () => {
    const help = await voxpress(['voices', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit status: 0 done, 1 .*\n2 usage error .*130 interrupted/s);
    expect(help.stdout).toMatch(/MODEL_CARD/);
  });

  it('Ctrl-C during a download stops it, leaves nothing in the voices folder, and exits 130', async () => {
    const voices = path.join(work, 'interrupted');
    const file = '/en/en_US/amy/medium/en_US-amy-medium.onnx';
    server.route(file, { body: amy.files['en_US-amy-medium.onnx']!, stallAfter: 4 });
    try {
      const child = spawn(process.execPath, [CLI, 'voices', 'install', amy.name], { env: { ...process.env, ...env, VOXPRESS_VOICES_DIR: voices } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Interrupted once the model is being written in the staging folder.
      const staged = /^\.en_US-amy-medium\.staging-\d+-[0-9a-f]+\/en_US-amy-medium\.onnx$/;
      const downloading = async (): Promise<boolean> => (await readdir(voices, { recursive: true }).catch(() => [])).map(String).some((f) => staged.test(f));
      for (let i = 0; i < 500 && !(await downloading()); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await downloading()).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toBe(`voxpress: voices: interrupted: ${amy.name} was not installed (nothing of it is left)\n`);
      expect(await readdir(voices)).toEqual([]);
    } finally {
      server.route(file, { body: amy.files['en_US-amy-medium.onnx']! });
    }
  }, 30_000);

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
