import { readFile } from 'node:fs/promises';
import type { EmscriptenFS, ESpeakModule } from 'espeak-ng';
import { parseWav } from '../audio/wav.js';
import { builtJson, builtSplit, loadSegments, packagedWasmPath } from './espeak-data.js';
import { embeddedFilesRange, restoreSnapshot, takeSnapshot, type MemorySnapshot } from './espeak-memory.js';
import { callbackSlots, EVENT_WORD, hookSynthCallback, type EspeakEvent, type WasmTable } from './espeak-events.js';
import { withAliasesAsText, writtenRange } from './ssml-positions.js';
import { SpeechError, wordsPerMinute, type Engine, type SpeakableUnit, type SpokenWord, type Utterance, type VoiceRequest } from './types.js';
import { isRecord } from '../../shared/json.js';
import { primarySubtag } from '../../shared/lang.js';
import { webAssembly } from '../../shared/wasm.js';

/**
 * eSpeak NG compiled to WASM (npm `espeak-ng`), run as its command line
 * (`-m` SSML in, `-w` WAV out) inside this thread.
 *
 * A new instance costs ~200 ms, and the package's `main` cannot simply be
 * called twice (the second call silently writes nothing: the C program's
 * statics are left used). So each thread creates one instance, snapshots its
 * linear memory before `main` ever runs, and restores that snapshot (and the
 * stack pointer) before every call: each call starts from a freshly loaded
 * program, costs ~12 ms of set-up instead of ~200, and gives byte-identical audio.
 * Only the memory outside the embedded data files is saved and restored
 * (espeak-memory.ts), and the data files' look-ups are remembered.
 */

interface WasmExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  __main_argc_argv(argc: number, argv: number): number;
  stackSave(): number;
  stackRestore(pointer: number): void;
  stackAlloc(size: number): number;
  readonly __indirect_function_table: WasmTable;
  /** The address of Emscripten's table of embedded files. */
  readonly __emscripten_embedded_file_data?: { readonly value: number };
}

interface Instance {
  readonly module: ESpeakModule;
  readonly exports: WasmExports;
  readonly snapshot: MemorySnapshot;
  readonly stackPointer: number;
  /** Lines the program printed during the current call. */
  readonly output: string[];
  readonly errors: string[];
  /** The synthesis events of the current call; undefined when the callback could not be found (no word positions). */
  readonly events: EspeakEvent[] | undefined;
}

let instance: Promise<Instance> | undefined;

async function createInstance(): Promise<Instance> {
  // The build's code-only module when there is one (espeak-data.ts), else the package's whole module.
  const split = builtSplit();
  const bytes = await readFile(split?.code ?? packagedWasmPath());
  const compiled = await webAssembly.compile(bytes);
  const output: string[] = [];
  const errors: string[] = [];
  let exports: WasmExports | undefined;
  // The Emscripten glue loads with the first unit, not with the engine registry.
  const { default: ESpeakNg } = await import('espeak-ng');
  let forgetPaths = (): void => {};
  const module = await ESpeakNg({
    noInitialRun: true,
    preRun: [
      (espeak) => {
        withQuickErrnoErrors(espeak.FS);
        forgetPaths = withCreatedPathsRemembered(espeak.FS);
      },
    ],
    print: (line) => output.push(line),
    printErr: (line) => errors.push(line),
    instantiateWasm(imports, receive) {
      const wasm = new webAssembly.Instance(compiled, imports);
      exports = wasm.exports as unknown as WasmExports;
      if (split) loadSegments(exports.memory.buffer, split);
      receive(wasm, compiled);
      return wasm.exports;
    },
  });
  forgetPaths();
  if (!exports) throw new SpeechError('espeak-ng: the WASM module did not instantiate');
  rememberDataLookups(module.FS);
  const wasm = exports;
  const events: EspeakEvent[] = [];
  const espeak: Instance = { module, exports, snapshot: pristineSnapshot(exports), stackPointer: exports.stackSave(), output, errors, events };
  const probe = (): void => {
    module.FS.writeFile(PROBE, 'a');
    runMain(espeak, ['-q', '-f', PROBE]);
    module.FS.unlink(PROBE);
  };
  const hooked = hookSynthCallback(webAssembly, wasm.__indirect_function_table, () => wasm.memory.buffer, callbackSlots(bytes), probe, (list) => events.push(...list));
  return hooked ? espeak : { ...espeak, events: undefined };
}

/**
 * Emscripten's ErrnoError captures and demangles a stack trace each time it is
 * made, and it is made for every failed look-up: eSpeak probes hundreds of
 * paths as it starts and in every run, and nothing reads those traces (about
 * 60 ms of CPU an article, a third of it in the module's set-up). The
 * replacement keeps what the glue reads (`name`, `errno`, `node`) and the
 * prototype, so `instanceof` still holds; its message is made when read.
 */
export function withQuickErrnoErrors(fs: EmscriptenFS): void {
  const Original = fs.ErrnoError;
  const prototype: Error = Object.create(Original.prototype, {
    message: {
      get(this: { errno: number }): string {
        return new Original(this.errno).message;
      },
    },
  });
  const QuickErrnoError = function (this: Error & { errno: number; node: unknown }, errno: number, node?: unknown): void {
    this.name = 'ErrnoError';
    this.errno = errno;
    this.node = node;
  } as unknown as EmscriptenFS['ErrnoError'];
  QuickErrnoError.prototype = prototype;
  fs.ErrnoError = QuickErrnoError;
}

/**
 * As the runtime starts, Emscripten puts each of the 445 embedded data files
 * in its file system with `createPath` for the file's folder and then the
 * file; `createPath` walks and re-makes every folder of the path each time,
 * though 408 of the calls name a folder already made. Until the returned
 * function is called, a call with the same arguments returns the node the
 * first one made (nothing removes a folder meanwhile). The first unit of a
 * new process, instance included, took 132-169 ms against 156-205 ms (six
 * alternating runs each); whole `--formats mp3` runs showed no change beyond
 * their noise (1.22 against 1.21 s, medians of 11).
 */
export function withCreatedPathsRemembered(fs: EmscriptenFS): () => void {
  const createPath = fs.createPath;
  const made = new Map<unknown, Map<string, unknown>>();
  fs.createPath = function (this: EmscriptenFS, parent, path, canRead, canWrite) {
    let byPath = made.get(parent);
    if (!byPath) made.set(parent, (byPath = new Map()));
    const key = `${path}\0${String(canRead)}\0${String(canWrite)}`;
    if (!byPath.has(key)) byPath.set(key, createPath.call(this, parent, path, canRead, canWrite));
    return byPath.get(key);
  };
  return () => {
    fs.createPath = createPath;
    made.clear();
  };
}

/** Where the package keeps eSpeak NG's data files in its in-memory file system. */
const DATA_DIR = '/usr/local/share/espeak-ng-data/';

/**
 * Remembers the file system's look-ups of eSpeak's data files. Every run of
 * the program lists every voice file (about 400 paths, 800 look-ups, misses
 * included), and Emscripten's in-memory file system resolves each path in
 * JavaScript: 10 ms per unit, more than synthesising a short sentence takes.
 * The data files never change, so a path resolves to the same node (or the
 * same miss) every time; only our own files at the root are looked up afresh.
 */
function rememberDataLookups(fs: EmscriptenFS): void {
  const lookupPath = fs.lookupPath.bind(fs);
  const known = new Map<string, { readonly found: unknown } | { readonly missing: unknown }>();
  fs.lookupPath = (file, options) => {
    if (!file.startsWith(DATA_DIR)) return lookupPath(file, options);
    let key = file;
    for (const name in options) key += `\0${name}=${String(options[name])}`;
    let entry = known.get(key);
    if (!entry) {
      try {
        entry = { found: lookupPath(file, options) };
      } catch (error) {
        entry = { missing: error };
      }
      known.set(key, entry);
    }
    if ('missing' in entry) throw entry.missing;
    return entry.found;
  };
}

/** The memory before `main` ever ran, without the embedded data files (espeak-memory.ts). */
function pristineSnapshot(exports: WasmExports): MemorySnapshot {
  const memory = new Uint8Array(exports.memory.buffer);
  const table = exports.__emscripten_embedded_file_data?.value;
  return takeSnapshot(memory, table !== undefined ? embeddedFilesRange(memory, table) : undefined);
}

/** This thread's eSpeak NG, created on first use and kept for every later unit and article. */
function sharedInstance(): Promise<Instance> {
  instance ??= createInstance().catch((error: unknown) => {
    instance = undefined;
    throw error;
  });
  return instance;
}

/** Runs the espeak-ng command line once, from the pristine snapshot; returns its exit status. */
function runMain(espeak: Instance, args: readonly string[]): number {
  const { exports } = espeak;
  restoreSnapshot(new Uint8Array(exports.memory.buffer), espeak.snapshot);
  exports.stackRestore(espeak.stackPointer);
  espeak.output.length = 0;
  espeak.errors.length = 0;
  if (espeak.events) espeak.events.length = 0;
  const encoder = new TextEncoder();
  const pointers = ['espeak-ng', ...args].map((arg) => {
    const bytes = encoder.encode(`${arg}\0`);
    const at = exports.stackAlloc(bytes.length);
    new Uint8Array(exports.memory.buffer).set(bytes, at);
    return at;
  });
  const argv = exports.stackAlloc(4 * (pointers.length + 1));
  const words = new Uint32Array(exports.memory.buffer);
  pointers.forEach((p, i) => (words[(argv >> 2) + i] = p));
  words[(argv >> 2) + pointers.length] = 0;
  try {
    return exports.__main_argc_argv(pointers.length, argv);
  } catch (error) {
    // exit() inside the program arrives as Emscripten's ExitStatus.
    if (error && typeof error === 'object' && 'status' in error && typeof error.status === 'number') return error.status;
    throw error;
  } finally {
    exports.stackRestore(espeak.stackPointer);
  }
}

/** Emscripten's notice that exit() was called while the runtime is kept alive: expected, not an error. */
const isRuntimeNotice = (line: string): boolean => line.startsWith('program exited');

export interface EspeakVoice {
  /** The name `-v` takes (`en-us`, `fr-fr`). */
  readonly name: string;
  /** The voice file (`gmw/en-US`, `roa/fr`). */
  readonly file: string;
  /** The languages it speaks (lower-case BCP 47) with espeak's priority for each: lower is preferred. */
  readonly languages: readonly { readonly lang: string; readonly priority: number }[];
}

let voiceList: Promise<EspeakVoice[]> | undefined;

/** The voice list the build wrote (scripts/espeak-voices.mjs). */
const VOICES_JSON = 'espeak-voices.json';

/** The voices as eSpeak NG itself lists them (`--voices`), one run of its command line. */
export async function listedVoices(): Promise<EspeakVoice[]> {
  const espeak = await sharedInstance();
  runMain(espeak, ['--voices']);
  const voices: EspeakVoice[] = [];
  for (const line of espeak.output.slice(1)) {
    // "Pty Language       Age/Gender VoiceName          File                 Other Languages"
    const m = /^\s*(\d+)\s+(\S+)\s+\S+\s+\S+\s+(\S+)(.*)$/.exec(line);
    if (!m) continue;
    const name = m[2] ?? '';
    const others = [...(m[4] ?? '').matchAll(/\((\S+) (\d+)\)/g)].map((o) => ({ lang: (o[1] ?? '').toLowerCase(), priority: Number(o[2]) }));
    voices.push({ name, file: m[3] ?? '', languages: [{ lang: name.toLowerCase(), priority: Number(m[1]) }, ...others] });
  }
  return voices;
}

function isVoice(value: unknown): value is EspeakVoice {
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.file !== 'string' || !Array.isArray(value.languages)) return false;
  return value.languages.every((l: unknown) => isRecord(l) && typeof l.lang === 'string' && typeof l.priority === 'number');
}

/** The build's voice list, or undefined when the build did not write it (or wrote something else). */
export function builtVoices(): EspeakVoice[] | undefined {
  const data = builtJson(VOICES_JSON);
  return Array.isArray(data) && data.length > 0 && data.every(isVoice) ? data : undefined;
}

/**
 * The voices this eSpeak NG build has. Listing them runs the command line
 * once, which reads every voice file: about 45 ms of each worker's first
 * unit. The list depends only on the package's data, so the build writes it
 * (scripts/espeak-voices.mjs) and a thread reads that instead; without it,
 * eSpeak lists them. tests/speech/engines/espeak.test.ts checks that both agree.
 */
export function espeakVoices(): Promise<EspeakVoice[]> {
  voiceList ??= Promise.resolve(builtVoices() ?? listedVoices());
  // A failed listing must not be remembered: the next article in this worker tries again.
  voiceList.catch(() => {
    voiceList = undefined;
  });
  return voiceList;
}

/** The voice espeak prefers for exactly `lang` (lowest priority number; the first listed on a tie). */
function preferredFor(lang: string, voices: readonly EspeakVoice[]): string | undefined {
  let best: { name: string; priority: number } | undefined;
  for (const voice of voices) {
    for (const l of voice.languages) {
      if (l.lang === lang && (!best || l.priority < best.priority)) best = { name: voice.name, priority: l.priority };
    }
  }
  return best?.name;
}

/**
 * The eSpeak voice for a BCP 47 tag, by espeak's own language priorities: the
 * voice for the whole tag (`fr-be`), else for its primary language (`fr` and
 * `fr-CA` give `fr-fr`, `en` gives `en-gb`, `zh` gives `cmn`), else undefined.
 */
export function voiceForLang(lang: string, voices: readonly EspeakVoice[]): string | undefined {
  const tag = lang.toLowerCase();
  return preferredFor(tag, voices) ?? preferredFor(primarySubtag(tag), voices);
}


/**
 * eSpeak picks its voice from the `<speak xml:lang>` of SSML input and lets it
 * override `-v` (an en-US document with `-v en-gb` is spoken en-us; a French
 * one with `-v en-gb` is spoken French). When the user chose a voice, the root
 * `xml:lang` is set to that voice's language so that the choice is heard.
 */
export function withVoiceLanguage(ssml: string, voiceLang: string): string {
  return ssml.replace(/<speak\b[^>]*>/, (tag) => tag.replace(/(\sxml:lang\s*=\s*)("[^"]*"|'[^']*')/, `$1"${voiceLang}"`));
}

/** The voice a name (`en-gb`, `gmw/en-GB-x-rp`) or a name with a variant (`en-gb+f3`) is, by voice name or file. */
export function findEspeakVoice(name: string, voices: readonly EspeakVoice[]): EspeakVoice | undefined {
  const base = name.split('+')[0]?.toLowerCase() ?? '';
  return voices.find((v) => v.name === base || v.file.toLowerCase() === base);
}

/** The language of an espeak voice name (`en-gb+f3` speaks `en-gb`). */
function languageOfVoice(voice: string, voices: readonly EspeakVoice[]): string | undefined {
  return findEspeakVoice(voice, voices)?.name;
}

const IN = '/voxpress-unit.ssml';
const PROBE = '/voxpress-probe.txt';
/** eSpeak NG's fixed output rate. */
export const ESPEAK_SAMPLE_RATE = 22050;
const OUT = '/voxpress-unit.wav';

/** The words of a synthesis, from its word events, placed in the unit's written text. */
function wordsOf(events: readonly EspeakEvent[], aliased: ReturnType<typeof withAliasesAsText>): SpokenWord[] {
  const words: SpokenWord[] = [];
  for (const event of events) {
    if (event.type !== EVENT_WORD) continue;
    const range = writtenRange(aliased, event.textPosition, event.length);
    if (range) words.push({ sample: event.sample, start: range[0], end: range[1] });
  }
  return words;
}

const TEXT_IN = '/voxpress-unit.txt';

/**
 * eSpeak's IPA for plain text, one string per clause as eSpeak splits it
 * (`-q --ipa`: it prints each clause's phonemes on a line of its own, words
 * separated by spaces, without the clause's punctuation): the phonemes Piper
 * voices were trained on.
 */
export async function espeakIpa(text: string, voice: string): Promise<string[]> {
  const espeak = await sharedInstance();
  const fs = espeak.module.FS;
  fs.writeFile(TEXT_IN, text);
  // -b 1: the text is UTF-8, whatever eSpeak would guess from its bytes.
  const status = runMain(espeak, ['-q', '-b', '1', '--ipa', '-v', voice, '-f', TEXT_IN]);
  fs.unlink(TEXT_IN);
  const problems = espeak.errors.filter((l) => !isRuntimeNotice(l));
  if (status !== 0) throw new SpeechError(`espeak-ng could not phonemise (status ${status})${problems[0] ? `: ${problems[0]}` : ''}`);
  return espeak.output.map((line) => line.trim()).filter((line) => line.length > 0);
}

export const espeakEngine: Engine = {
  name: 'espeak',

  async voiceFor(request: VoiceRequest): Promise<string> {
    const voices = await espeakVoices();
    if (request.voice !== undefined) {
      const variant = request.voice.toLowerCase().split('+')[1];
      const found = findEspeakVoice(request.voice, voices);
      if (!found) throw new SpeechError(`espeak has no voice "${request.voice}" (voices are named like en-us, fr-fr, de)`);
      if (variant === undefined) return request.voice;
      if (!/^[a-z0-9_]+$/.test(variant)) throw new SpeechError(`invalid espeak voice variant "${variant}" (variants are named like f3, m2, klatt)`);
      // eSpeak applies a variant only after a voice *file* name (`gmw/en-GB-x-rp+f3`); after a language name it is silently ignored.
      return `${found.file}+${variant}`;
    }
    const voice = voiceForLang(request.lang, voices);
    if (!voice) throw new SpeechError(`espeak has no voice for language "${request.lang}"; choose one with --voice`);
    return voice;
  },

  async synthesize(unit: SpeakableUnit, request: VoiceRequest): Promise<Utterance> {
    const voice = await this.voiceFor(request);
    const rate = String(Math.round(wordsPerMinute(request.rate)));
    const voiceLang = request.voice !== undefined ? languageOfVoice(voice, await espeakVoices()) : undefined;
    const aliased = withAliasesAsText(voiceLang !== undefined ? withVoiceLanguage(unit.ssml, voiceLang) : unit.ssml);
    const ssml = aliased.ssml;
    const espeak = await sharedInstance();
    // From here to reading the WAV runs synchronously, so concurrent callers in one thread cannot interleave.
    const fs = espeak.module.FS;
    fs.writeFile(IN, ssml);
    if (fs.analyzePath(OUT).exists) fs.unlink(OUT);
    const status = runMain(espeak, ['-m', '-z', '-v', voice, '-s', rate, '-w', OUT, '-f', IN]);
    const problems = espeak.errors.filter((l) => !isRuntimeNotice(l));
    if (status !== 0) throw new SpeechError(`espeak-ng failed (status ${status})${problems[0] ? `: ${problems[0]}` : ''}`);
    fs.unlink(IN);
    // espeak opens the WAV only when it has samples to write: no file is a silent unit.
    if (!fs.analyzePath(OUT).exists) return { sampleRate: ESPEAK_SAMPLE_RATE, samples: new Int16Array(0) };
    const wav = fs.readFile(OUT);
    fs.unlink(OUT);
    const pcm = parseWav(wav);
    return espeak.events ? { ...pcm, words: wordsOf(espeak.events, aliased) } : pcm;
  },
};
