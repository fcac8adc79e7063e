import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { installedVoiceFiles, installedVoiceNames, VOICE_NAME, voicesDir } from '../speech/engines/piper-voices.js';
import { isRecord } from '../shared/json.js';
import { describeFsError } from './errors.js';
import { readBoundedFile } from './files.js';

/**
 * The Piper voice catalogue (`voices.json` of rhasspy/piper-voices) and the
 * voices installed from it: `voxpress voices list|install|remove`.
 *
 * A voice is downloaded file by file into a staging folder beside the voices,
 * each file checked against the catalogue's size and MD5 as it arrives, and
 * renamed into place only when all of them are right: the engine never sees a
 * half-installed or unverified voice, and a reinstall replaces the old one in
 * one rename. Nothing consults the network once a voice is installed.
 */

/** Where the catalogue is read from unless VOXPRESS_VOICE_CATALOGUE or --catalogue says otherwise. */
export const DEFAULT_CATALOGUE = 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/';
export const CATALOGUE_ENV = 'VOXPRESS_VOICE_CATALOGUE';

const MAX_CATALOGUE_BYTES = 16 * 1024 * 1024;
/** An installed voice's configuration is read for its language; Piper's are about 5 KB. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** No voice file is larger than this, whatever the catalogue says (Piper's "high" voices are about 115 MB). */
const MAX_VOICE_FILE_BYTES = 512 * 1024 * 1024;

export class VoiceError extends Error {
  override readonly name = 'VoiceError';
}

export interface CatalogueFile {
  /** Path under the catalogue's base URL (`en/en_US/joe/medium/en_US-joe-medium.onnx`). */
  readonly path: string;
  readonly size: number;
  readonly md5: string;
}

export interface CatalogueVoice {
  readonly name: string;
  /** Piper's language code (`en_US`). */
  readonly language: string;
  readonly quality: string;
  /** The model, its configuration and its model card: the files voxpress installs. */
  readonly files: readonly CatalogueFile[];
}

/** The files of a voice voxpress keeps: the model, its configuration and the model card (its licence). */
function wantedFile(voice: string, file: string): boolean {
  const base = file.split('/').pop() ?? '';
  return base === `${voice}.onnx` || base === `${voice}.onnx.json` || base === 'MODEL_CARD';
}


/** The catalogue's voices, checked: a malformed catalogue is one line saying where. */
export function parseCatalogue(json: string, source: string): CatalogueVoice[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new VoiceError(`voice catalogue ${source}: not JSON (${(error as Error).message})`);
  }
  if (!isRecord(raw)) throw new VoiceError(`voice catalogue ${source}: not an object of voices`);
  const voices: CatalogueVoice[] = [];
  for (const [name, entry] of Object.entries(raw)) {
    const bad = (what: string): VoiceError => new VoiceError(`voice catalogue ${source}: voice "${name}" ${what}`);
    if (!VOICE_NAME.test(name)) continue; // not a voice name voxpress can install: listed nowhere, refused by name
    if (!isRecord(entry) || !isRecord(entry.files)) throw bad('has no files');
    const language = isRecord(entry.language) && typeof entry.language.code === 'string' ? entry.language.code : name.split('-')[0] ?? '';
    const files: CatalogueFile[] = [];
    for (const [file, info] of Object.entries(entry.files)) {
      if (!wantedFile(name, file)) continue;
      if (file.split('/').some((part) => part === '..' || part === '') || file.includes('\\')) throw bad(`has a file path that leaves the catalogue: ${file}`);
      if (!isRecord(info) || !Number.isSafeInteger(info.size_bytes) || typeof info.md5_digest !== 'string' || !/^[0-9a-f]{32}$/.test(info.md5_digest)) throw bad(`has no size or MD5 for ${file}`);
      const size = info.size_bytes as number;
      if (size < 0 || size > MAX_VOICE_FILE_BYTES) throw bad(`says ${file} is ${size} bytes (at most ${MAX_VOICE_FILE_BYTES})`);
      files.push({ path: file, size, md5: info.md5_digest });
    }
    const has = (suffix: string): boolean => files.some((f) => f.path.endsWith(`/${name}${suffix}`) || f.path === `${name}${suffix}`);
    if (!has('.onnx') || !has('.onnx.json')) throw bad('lacks its .onnx model or .onnx.json configuration');
    voices.push({ name, language, quality: typeof entry.quality === 'string' ? entry.quality : '', files: files.sort((a, b) => (a.path < b.path ? -1 : 1)) });
  }
  return voices.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The catalogue's base URL: `--catalogue`, else VOXPRESS_VOICE_CATALOGUE, else Piper's; always ending in `/`. */
export function catalogueBase(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const base = given ?? env[CATALOGUE_ENV] ?? DEFAULT_CATALOGUE;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new VoiceError(`voice catalogue "${base}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new VoiceError(`voice catalogue "${base}" is not an http(s) URL`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Why a request failed, in one line naming the URL. */
function networkError(url: string, error: unknown): VoiceError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return new VoiceError(`cannot download ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
}

/**
 * The body of `url` in chunks, at most `limit` bytes (a server that sends more
 * than it announced, or more than allowed, is cut off and refused).
 */
async function* download(url: string, limit: number): AsyncGenerator<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (error) {
    throw networkError(url, error);
  }
  if (!response.ok || !response.body) throw new VoiceError(`cannot download ${url}: HTTP ${response.status}`);
  const announced = Number(response.headers.get('content-length') ?? NaN);
  if (announced > limit) throw new VoiceError(`cannot download ${url}: ${announced} bytes announced, at most ${limit} expected`);
  let received = 0;
  try {
    for await (const chunk of response.body) {
      received += chunk.length;
      if (received > limit) throw new VoiceError(`cannot download ${url}: more than the ${limit} bytes expected`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof VoiceError) throw error;
    throw networkError(url, error);
  }
}

/** The published catalogue. */
export async function fetchCatalogue(base: string): Promise<CatalogueVoice[]> {
  const url = `${base}voices.json`;
  const chunks: Uint8Array[] = [];
  for await (const chunk of download(url, MAX_CATALOGUE_BYTES)) chunks.push(chunk);
  return parseCatalogue(Buffer.concat(chunks).toString('utf8'), url);
}

export interface InstallProgress {
  /** Bytes received so far, of `total`, for the voice being installed. */
  readonly received: number;
  readonly total: number;
  readonly file: string;
}

export interface InstallOptions {
  readonly base: string;
  readonly dir?: string;
  readonly onProgress?: (progress: InstallProgress) => void;
  /** The catalogue, when already fetched (installing several voices reads it once). */
  readonly catalogue?: readonly CatalogueVoice[];
}

/** The catalogue's entry for `name`, or a one-line error pointing at the list. */
export function catalogueVoice(catalogue: readonly CatalogueVoice[], name: string): CatalogueVoice {
  const voice = catalogue.find((v) => v.name === name);
  if (!voice) throw new VoiceError(`no voice "${name}" in the catalogue: see voxpress voices list --available`);
  return voice;
}

/** Downloads one file into `file`, checking its size and MD5 as it arrives. */
async function downloadVerified(url: string, expected: CatalogueFile, file: string, progress: (bytes: number) => void): Promise<void> {
  const hash = createHash('md5');
  const handle = await open(file, 'wx');
  let size = 0;
  try {
    for await (const chunk of download(url, expected.size)) {
      hash.update(chunk);
      size += chunk.length;
      await handle.write(chunk);
      progress(chunk.length);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (size !== expected.size) throw new VoiceError(`${url}: received ${size} bytes, the catalogue says ${expected.size}`);
  const md5 = hash.digest('hex');
  if (md5 !== expected.md5) throw new VoiceError(`${url}: MD5 ${md5} is not the catalogue's ${expected.md5}; the voice was not installed`);
}

/** Installs (or reinstalls) a voice from the catalogue; returns its folder. */
export async function installVoice(name: string, options: InstallOptions): Promise<string> {
  const dir = options.dir ?? voicesDir();
  const voice = catalogueVoice(options.catalogue ?? (await fetchCatalogue(options.base)), name);
  const target = path.dirname(installedVoiceFiles(name, dir).model);
  const stamp = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = path.join(dir, `.${name}.staging-${stamp}`);
  const total = voice.files.reduce((n, f) => n + f.size, 0);
  let received = 0;
  try {
    await mkdir(staging, { recursive: true });
    for (const file of voice.files) {
      const base = file.path.split('/').pop() ?? file.path;
      await downloadVerified(new URL(file.path, options.base).href, file, path.join(staging, base), (bytes) => {
        received += bytes;
        options.onProgress?.({ received, total, file: base });
      });
    }
    // Swapped in with renames: the old voice stays whole until the new one is in place.
    const old = path.join(dir, `.${name}.old-${stamp}`);
    const had = await stat(target).then(() => true, () => false);
    if (had) await rename(target, old);
    await rename(staging, target);
    if (had) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (error instanceof VoiceError) throw error;
    throw new VoiceError(`cannot install ${name} into ${dir}: ${describeFsError(error)}`);
  }
  return target;
}

/** Removes an installed voice. */
export async function removeVoice(name: string, dir: string = voicesDir()): Promise<void> {
  const target = path.dirname(installedVoiceFiles(name, dir).model);
  if (!(await stat(target).then((s) => s.isDirectory(), () => false))) throw new VoiceError(`voice ${name} is not installed in ${dir}`);
  await rm(target, { recursive: true, force: true });
}

export interface InstalledVoice {
  readonly name: string;
  /** From the voice's `.onnx.json` (`language.code`), else its name. */
  readonly language: string;
  readonly bytes: number;
  readonly folder: string;
}

/** The installed voices, with their language and size. */
export async function installedVoices(dir: string = voicesDir()): Promise<InstalledVoice[]> {
  const voices: InstalledVoice[] = [];
  for (const name of await installedVoiceNames(dir)) {
    const files = installedVoiceFiles(name, dir);
    const [model, config] = await Promise.all([stat(files.model), readBoundedFile(files.config, MAX_CONFIG_BYTES).then((b) => b.toString('utf8'), () => '')]);
    let language = name.split('-')[0] ?? '';
    try {
      const code = (JSON.parse(config) as { language?: { code?: unknown } }).language?.code;
      if (typeof code === 'string') language = code;
    } catch {
      // A configuration that is not JSON still lists the voice; the engine says what is wrong when it is used.
    }
    voices.push({ name, language, bytes: model.size + Buffer.byteLength(config), folder: path.dirname(files.model) });
  }
  return voices;
}
