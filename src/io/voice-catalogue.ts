import { createHash } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { printableName } from '../shared/errors.js';
import { installedVoiceFiles, installedVoiceNames, VOICE_NAME, voicesDir } from '../speech/engines/piper-voices.js';
import { recoverFoldersIn, removeFolder, replaceFolderWith } from './atomic.js';
import { isRecord } from '../shared/json.js';
import { describeFsError } from './errors.js';
import { readBoundedFile } from './files.js';

/**
 * The Piper voice catalogue (`voices.json` of rhasspy/piper-voices) and the
 * voices installed from it: `voxpress voices list|install|remove`.
 *
 * A voice is downloaded file by file into a staging folder beside the voices,
 * each file checked against the catalogue's size and MD5 as it arrives, and
 * renamed into place only when all of them are right (`replaceFolderWith`):
 * the engine never sees a half-installed or unverified voice, and a reinstall
 * replaces the old one whole. Nothing consults the network once a voice is
 * installed.
 */

/** Where the catalogue is read from unless VOXPRESS_VOICE_CATALOGUE or --catalogue says otherwise. */
export const DEFAULT_CATALOGUE = 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/';
export const CATALOGUE_ENV = 'VOXPRESS_VOICE_CATALOGUE';

/** Piper's voices.json is about 1 MB; a catalogue 16 times that is not one. */
const MAX_CATALOGUE_BYTES = 16 * 1024 * 1024;
/** No voice file is larger than this, whatever the catalogue says (Piper's "high" voices are about 115 MB). */
const MAX_VOICE_FILE_BYTES = 512 * 1024 * 1024;
/** An installed voice's configuration is read for its language; Piper's are about 5 KB. */
const MAX_CONFIG_BYTES = 1024 * 1024;

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
  /** `x_low`, `low`, `medium` or `high`. */
  readonly quality: string;
  /** The size of its files together: what installing it downloads. */
  readonly bytes: number;
  /** The model, its configuration and its model card: the files voxpress installs. */
  readonly files: readonly CatalogueFile[];
}


/** The last segment of a catalogue path: the name the file has in the voice's folder. */
const baseName = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

/** The files of a voice voxpress keeps: the model, its configuration and the model card (its licence). */
function wantedFile(voice: string, file: string): boolean {
  const base = baseName(file);
  return base === `${voice}.onnx` || base === `${voice}.onnx.json` || base === 'MODEL_CARD';
}

/**
 * A catalogue path voxpress follows: plain segments (no `.` or `..`, no
 * percent-escapes, which URLs decode into dot segments, no query), so the URL
 * made from it stays under the catalogue's base.
 */
const CATALOGUE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*$/;

/** Piper's language codes (`en_US`, `fr_FR`), as voice names begin. */
const LANGUAGE_CODE = /^[a-z]{2,3}_[A-Z]{2}$/;

/**
 * A voice's language: the code its catalogue entry or configuration declares
 * when it is one, else the one its name begins with. The declared text is
 * downloaded, so it is printed only when it is a plain code.
 */
function languageOf(name: string, declared: unknown): string {
  const code = isRecord(declared) ? declared.code : undefined;
  return typeof code === 'string' && LANGUAGE_CODE.test(code) ? code : (name.split('-')[0] ?? '');
}

/** A voice's quality, the last part of its name (VOICE_NAME allows only Piper's four), so the catalogue's free text is not needed. */
const qualityOf = (name: string): string => name.slice(name.lastIndexOf('-') + 1);

/** The files an entry lists that voxpress installs, checked: a bad one is one line naming the voice and the file. */
function entryFiles(name: string, files: Record<string, unknown>, bad: (what: string) => VoiceError): CatalogueFile[] {
  const kept: CatalogueFile[] = [];
  for (const [file, info] of Object.entries(files)) {
    if (!wantedFile(name, file)) continue;
    if (!CATALOGUE_PATH.test(file)) throw bad(`has a file path voxpress does not follow: ${printableName(file)}`);
    if (!isRecord(info) || !Number.isSafeInteger(info.size_bytes) || typeof info.md5_digest !== 'string' || !/^[0-9a-f]{32}$/.test(info.md5_digest)) throw bad(`has no size or MD5 for ${file}`);
    const size = info.size_bytes as number;
    if (size < 0 || size > MAX_VOICE_FILE_BYTES) throw bad(`says ${file} is ${size} bytes (at most ${MAX_VOICE_FILE_BYTES})`);
    kept.push({ path: file, size, md5: info.md5_digest });
  }
  const names = kept.map((f) => baseName(f.path));
  // Two files of one name would land on the same file of the voice's folder.
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw bad(`lists ${twice} twice`);
  if (!names.includes(`${name}.onnx`) || !names.includes(`${name}.onnx.json`)) throw bad('lacks its .onnx model or .onnx.json configuration');
  return kept.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The catalogue's voices, checked: a malformed catalogue is one line saying where. */
export function parseCatalogue(json: string, source: string): CatalogueVoice[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    // V8 quotes the text it could not parse: escaped, so the message stays one line.
    throw new VoiceError(`voice catalogue ${source}: not JSON (${printableName((error as Error).message)})`);
  }
  if (!isRecord(raw)) throw new VoiceError(`voice catalogue ${source}: not an object of voices`);
  const voices: CatalogueVoice[] = [];
  for (const [name, entry] of Object.entries(raw)) {
    if (!VOICE_NAME.test(name)) continue; // not a voice name voxpress can install: listed nowhere, refused by name
    const bad = (what: string): VoiceError => new VoiceError(`voice catalogue ${source}: voice "${name}" ${what}`);
    if (!isRecord(entry) || !isRecord(entry.files)) throw bad('has no files');
    const files = entryFiles(name, entry.files, bad);
    voices.push({ name, language: languageOf(name, entry.language), quality: qualityOf(name), bytes: files.reduce((n, f) => n + f.size, 0), files });
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
    throw new VoiceError(`voice catalogue "${printableName(base)}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new VoiceError(`voice catalogue "${printableName(base)}" is not an http(s) URL`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** What the network layer's error codes mean to a user (the code is kept beside, to search for). */
const NETWORK_REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ETIMEDOUT: 'timed out',
  UND_ERR_SOCKET: 'the connection closed before the end',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the server',
  UND_ERR_BODY_TIMEOUT: 'timed out waiting for data',
};

/** Why a request failed, in the words a user acts on. */
function networkReason(error: unknown): string {
  if ((error as Error | undefined)?.name === 'AbortError') return 'interrupted';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const known = code === undefined ? undefined : NETWORK_REASONS[code];
  const words = known ?? (typeof cause?.message === 'string' ? cause.message : String((error as Error | undefined)?.message ?? error));
  return code ? `${words} (${code})` : words;
}

const cannotDownload = (url: string, why: string): VoiceError => new VoiceError(`cannot download ${url}: ${printableName(why)}`);

/** Lets the connection go when the body will not be read. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * The body of `url` in chunks, at most `limit` bytes (a server that announces
 * or sends more is cut off and refused), redirects followed.
 */
async function* download(url: string, limit: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  let response: Response;
  try {
    // Unencoded, so that the bytes counted and hashed are the catalogue's and Content-Length is their number.
    response = await fetch(url, { redirect: 'follow', headers: { 'accept-encoding': 'identity' }, signal });
  } catch (error) {
    throw cannotDownload(url, networkReason(error));
  }
  if (!response.ok || !response.body) {
    await discard(response);
    throw cannotDownload(url, `HTTP ${response.status}`);
  }
  const encoding = response.headers.get('content-encoding');
  const announced = Number(response.headers.get('content-length') ?? NaN);
  if ((!encoding || encoding === 'identity') && announced > limit) {
    await discard(response);
    throw cannotDownload(url, `${announced} bytes announced, at most ${limit} expected`);
  }
  let received = 0;
  try {
    for await (const chunk of response.body) {
      received += chunk.length;
      if (received > limit) throw cannotDownload(url, `more than the ${limit} bytes expected`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof VoiceError) throw error;
    throw cannotDownload(url, networkReason(error));
  }
}

/** The published catalogue at `base` (as `catalogueBase` gives it, ending in `/`). */
export async function fetchCatalogue(base: string, signal?: AbortSignal): Promise<CatalogueVoice[]> {
  const url = new URL('voices.json', base).href;
  const chunks: Uint8Array[] = [];
  for await (const chunk of download(url, MAX_CATALOGUE_BYTES, signal)) chunks.push(chunk);
  return parseCatalogue(Buffer.concat(chunks).toString('utf8'), url);
}

export interface InstallProgress {
  /** Bytes received so far, of `total`, for the voice being installed. */
  readonly received: number;
  readonly total: number;
  readonly file: string;
}

export interface InstallOptions {
  /** The catalogue's base URL, as `catalogueBase` gives it. */
  readonly base: string;
  readonly dir?: string;
  readonly onProgress?: (progress: InstallProgress) => void;
  /** The catalogue, when already fetched (installing several voices reads it once). */
  readonly catalogue?: readonly CatalogueVoice[];
  /** Stops the download (Ctrl-C): the install fails as `interrupted` and leaves nothing behind. */
  readonly signal?: AbortSignal;
}

/** The catalogue's entry for `name`, or a one-line error pointing at the list. */
export function catalogueVoice(catalogue: readonly CatalogueVoice[], name: string): CatalogueVoice {
  const voice = catalogue.find((v) => v.name === name);
  if (!voice) throw new VoiceError(`no voice "${printableName(name)}" in the catalogue: see voxpress voices list --available`);
  return voice;
}

/** The folder of voice `name` in `dir`; a name that is not a Piper voice name is refused (a SpeechError, a usage error). */
const voiceFolder = (name: string, dir: string): string => path.dirname(installedVoiceFiles(name, dir).model);

/** Downloads one file into `file`, checking its size and MD5 as it arrives. */
async function downloadVerified(url: string, expected: CatalogueFile, file: string, signal: AbortSignal | undefined, progress: (bytes: number) => void): Promise<void> {
  const hash = createHash('md5');
  const handle = await open(file, 'wx');
  let size = 0;
  try {
    for await (const chunk of download(url, expected.size, signal)) {
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
  const target = voiceFolder(name, dir);
  const voice = catalogueVoice(options.catalogue ?? (await fetchCatalogue(options.base, options.signal)), name);
  let received = 0;
  try {
    // What killed installs and removals left beside the voices goes first, so none lingers.
    await recoverFoldersIn(dir);
    await replaceFolderWith(target, async (staging) => {
      for (const file of voice.files) {
        const local = baseName(file.path);
        await downloadVerified(new URL(file.path, options.base).href, file, path.join(staging, local), options.signal, (bytes) => {
          received += bytes;
          options.onProgress?.({ received, total: voice.bytes, file: local });
        });
      }
    });
  } catch (error) {
    if (error instanceof VoiceError) throw error;
    throw new VoiceError(`cannot install ${name} into ${dir}: ${describeFsError(error)}`);
  }
  return target;
}

/** Removes an installed voice, all at once (a removal cut short leaves no half voice). */
export async function removeVoice(name: string, dir: string = voicesDir()): Promise<void> {
  const target = voiceFolder(name, dir);
  let removed: boolean;
  try {
    await recoverFoldersIn(dir);
    removed = await removeFolder(target);
  } catch (error) {
    throw new VoiceError(`cannot remove ${name} from ${dir}: ${describeFsError(error)}`);
  }
  if (!removed) throw new VoiceError(`voice ${name} is not installed in ${dir}`);
}

export interface InstalledVoice {
  readonly name: string;
  /** From the voice's `.onnx.json` (`language.code`), else its name. */
  readonly language: string;
  /** The size of the files in its folder: what removing it frees. */
  readonly bytes: number;
  readonly folder: string;
}

/** The total size of the files in `folder`. */
async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map((e) => stat(path.join(folder, e.name)).then((s) => s.size)));
  return sizes.reduce((n, s) => n + s, 0);
}

/** The language the configuration `file` declares (undefined when it cannot be read: the engine says why when the voice is used). */
async function declaredLanguage(file: string): Promise<unknown> {
  try {
    return (JSON.parse((await readBoundedFile(file, MAX_CONFIG_BYTES)).toString('utf8')) as { language?: unknown }).language;
  } catch {
    return undefined;
  }
}

/** The installed voices (complete ones only), with their language and size. */
export async function installedVoices(dir: string = voicesDir()): Promise<InstalledVoice[]> {
  const voices: InstalledVoice[] = [];
  for (const name of await installedVoiceNames(dir)) {
    const folder = voiceFolder(name, dir);
    // A voice removed while the list is made is not listed.
    const bytes = await folderBytes(folder).catch(() => undefined);
    if (bytes === undefined) continue;
    voices.push({ name, language: languageOf(name, await declaredLanguage(installedVoiceFiles(name, dir).config)), bytes, folder });
  }
  return voices;
}
