import { stat } from 'node:fs/promises';
import { isRecord } from '../../shared/json.js';
import { primarySubtag, sameLanguage } from '../../shared/lang.js';
import { FileRefused, readBoundedFile } from '../../io/files.js';
import { resample } from '../audio/pcm.js';
import { ESPEAK_SAMPLE_RATE, espeakEngine, espeakIpa, espeakVoices, findEspeakVoice } from './espeak.js';
import { withFixedNoise } from './onnx-noise.js';
import { clauseTerminators, hasSpecialIds, phonemeIds, phonemesOf, type PhonemeIdMap, type PhonemisedClause } from './piper-phonemes.js';
import { installCommand, installedVoiceNames, isVoicePath, langOfVoiceName, tagOfPiperLanguage, voiceFiles, voicesDir, type VoiceFiles } from './piper-voices.js';
import { DEFAULT_RATE_WPM, SpeechError, wordsPerMinute, type Engine, type SpeakableUnit, type SpeechOptions, type Utterance, type VoiceRequest } from './types.js';

/**
 * Piper neural voices (VITS models exported to ONNX), run with ONNX Runtime's
 * WebAssembly build (`onnxruntime-web`) in this thread.
 *
 * Why onnxruntime-web: `onnxruntime-node` is native and a little faster, but
 * its install script downloads CUDA libraries from nuget.org on every Linux
 * x64 machine (an `npm install` with no access beyond the npm registry fails)
 * and it is 247 MB; `sherpa-onnx-node` (32 MB, native) runs Piper models only
 * through its own text front end and eSpeak data, so the unit's spoken text,
 * its phonemes and the noise could not be controlled. The WASM build installs
 * from npm alone, runs one thread per worker (the pool counts it), and is as
 * fast per core as the native one on these machines (docs/piper.md).
 *
 * A unit's spoken text (normalised, lexicons applied) is phonemised by the
 * bundled eSpeak NG as Piper does it (piper-phonemes.ts), run through the
 * model with the voice's scales, and normalised to full scale as Piper does.
 * Random sampling in the model is replaced by fixed noise (onnx-noise.ts), so
 * the same text always gives the same samples.
 */

/** What voxpress reads of a Piper voice's `.onnx.json`. */
export interface PiperVoiceConfig {
  readonly sampleRate: number;
  /** The eSpeak voice its phonemes come from (`en-us`). */
  readonly espeakVoice: string;
  readonly noiseScale: number;
  readonly lengthScale: number;
  readonly noiseW: number;
  readonly phonemeIdMap: PhonemeIdMap;
  readonly speakers: number;
  /** BCP 47 tag of the voice (`en-US` from `en_US`). */
  readonly lang: string;
}

/** Largest voice model read (Piper's "high" voices are about 115 MB). */
const MAX_MODEL_BYTES = 512 * 1024 * 1024;
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The bytes of a voice file, through the one bounded reader; a missing installed voice names the command that installs it. */
async function readVoiceFile(file: string, limit: number, voice: VoiceFiles, installed: boolean): Promise<Uint8Array> {
  try {
    return await readBoundedFile(file, limit);
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    if (error.code === 'ENOENT' && installed) throw new SpeechError(`Piper voice ${voice.name} is not installed: run ${installCommand(voice.name)}`);
    throw new SpeechError(`Piper voice ${file}: ${error.message}`);
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** The voice configuration, checked: one line naming the file and what is wrong. */
export function parseVoiceConfig(json: string, file: string): PiperVoiceConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new SpeechError(`Piper voice configuration ${file}: not JSON (${(error as Error).message})`);
  }
  const bad = (what: string): SpeechError => new SpeechError(`Piper voice configuration ${file}: ${what}`);
  const top = record(raw);
  const phonemeType = top.phoneme_type ?? 'espeak';
  if (phonemeType !== 'espeak') throw bad(`phoneme_type "${String(phonemeType)}" is not supported (only eSpeak-phonemised voices are)`);
  const sampleRate = record(top.audio).sample_rate;
  if (!isNumber(sampleRate) || sampleRate < 8000 || sampleRate > 48000) throw bad('audio.sample_rate is missing or not a sample rate');
  const espeakVoice = record(top.espeak).voice;
  if (typeof espeakVoice !== 'string' || !/^[a-z0-9-]{2,20}$/i.test(espeakVoice)) throw bad('espeak.voice is missing');
  const inference = record(top.inference);
  const scale = (key: string, fallback: number): number => {
    const value = inference[key] ?? fallback;
    if (!isNumber(value) || value < 0 || value > 10) throw bad(`inference.${key} is not a number from 0 to 10`);
    return value;
  };
  const map: Record<string, number[]> = {};
  for (const [symbol, ids] of Object.entries(record(top.phoneme_id_map))) {
    if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id) && id >= 0)) throw bad(`phoneme_id_map["${symbol}"] is not a list of ids`);
    map[symbol] = ids as number[];
  }
  if (!hasSpecialIds(map)) throw bad('phoneme_id_map lacks the pad, start or end symbols (_ ^ $)');
  const speakers = top.num_speakers ?? 1;
  if (!isNumber(speakers) || speakers < 1) throw bad('num_speakers is not a positive number');
  const code = record(top.language).code;
  const lang = typeof code === 'string' && /^[a-z]{2,3}(?:_[A-Z]{2})?$/.test(code) ? tagOfPiperLanguage(code) : espeakVoice;
  return { sampleRate, espeakVoice, noiseScale: scale('noise_scale', 0.667), lengthScale: scale('length_scale', 1), noiseW: scale('noise_w', 0.8), phonemeIdMap: map, speakers, lang };
}

/** The part of onnxruntime-web used here. */
interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}
interface OrtSession {
  readonly inputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
}
interface Ort {
  env: { wasm: { numThreads?: number }; logLevel?: 'verbose' | 'info' | 'warning' | 'error' | 'fatal' };
  Tensor: new (type: 'int64' | 'float32', data: BigInt64Array | Float32Array, dims: readonly number[]) => OrtTensor;
  InferenceSession: { create(model: Uint8Array): Promise<OrtSession> };
}

let ort: Promise<Ort> | undefined;

/** ONNX Runtime, loaded on first use only: runs that do not use Piper never load it. */
function onnxRuntime(): Promise<Ort> {
  ort ??= import('onnxruntime-web').then((module) => {
    const runtime = module as unknown as Ort;
    // One thread: the worker pool runs one article per core, and its own threads would compete with them.
    runtime.env.wasm.numThreads = 1;
    // ONNX Runtime's own warnings (an unknown CPU vendor under some hypervisors) are not the user's business.
    runtime.env.logLevel = 'error';
    return runtime;
  });
  return ort;
}

export interface LoadedVoice {
  readonly files: VoiceFiles;
  readonly config: PiperVoiceConfig;
  readonly session: OrtSession;
}

/** This thread's loaded voices, by model file: a voice is loaded once and kept for every later unit and article. */
const loaded = new Map<string, Promise<LoadedVoice>>();

async function loadVoice(files: VoiceFiles, installed: boolean): Promise<LoadedVoice> {
  const config = parseVoiceConfig(new TextDecoder().decode(await readVoiceFile(files.config, MAX_CONFIG_BYTES, files, installed)), files.config);
  const voices = await espeakVoices();
  if (!findEspeakVoice(config.espeakVoice, voices)) {
    throw new SpeechError(`Piper voice ${files.name} is phonemised with the eSpeak voice "${config.espeakVoice}", which the bundled eSpeak NG does not have`);
  }
  const bytes = await readVoiceFile(files.model, MAX_MODEL_BYTES, files, installed);
  let model: Uint8Array;
  try {
    model = withFixedNoise(bytes).model;
  } catch (error) {
    throw new SpeechError(`Piper voice ${files.model}: ${(error as Error).message}`);
  }
  const runtime = await onnxRuntime();
  const session = await runtime.InferenceSession.create(model).catch((error: unknown) => {
    throw new SpeechError(`Piper voice ${files.model}: ONNX Runtime cannot load it (${(error as Error).message.split('\n')[0]})`);
  });
  return { files, config, session };
}

function voiceAt(files: VoiceFiles, installed: boolean): Promise<LoadedVoice> {
  let voice = loaded.get(files.model);
  if (!voice) {
    voice = loadVoice(files, installed);
    loaded.set(files.model, voice);
    // A failed load is not remembered: the voice may be installed before the next article.
    voice.catch(() => loaded.delete(files.model));
  }
  return voice;
}

/** `--voice`: one voice (a name or a path), or `lang=voice` pairs separated by commas. */
export interface VoiceMap {
  /** Voices by lower-case BCP 47 tag (`en`, `fr`, `pt-br`). */
  readonly byLang: ReadonlyMap<string, string>;
  /** A single voice given without a language: it speaks its own language. */
  readonly single?: string;
}

export function parseVoiceMap(voice: string): VoiceMap {
  if (!voice.includes('=')) return { byLang: new Map(), single: voice.trim() };
  const byLang = new Map<string, string>();
  for (const pair of voice.split(',')) {
    const [lang = '', name = '', ...rest] = pair.split('=').map((s) => s.trim());
    if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) || name === '' || rest.length > 0) throw new SpeechError(`--voice "${pair.trim()}" is not lang=voice (for example en=en_US-joe-medium,fr=fr_FR-siwis-medium)`);
    byLang.set(lang.toLowerCase(), name);
  }
  return { byLang };
}

/** The voice of the map for `lang`: the whole tag's, else its primary language's. */
function mappedVoice(map: VoiceMap, lang: string): string | undefined {
  const tag = lang.toLowerCase();
  return map.byLang.get(tag) ?? map.byLang.get(primarySubtag(tag));
}

/**
 * The Piper voice (name or path) for a unit in `lang`, or undefined when it
 * has none and eSpeak speaks it: the map's voice for the language; a single
 * `--voice` for its own language (and for the article's); with no `--voice`,
 * the first installed voice of the language, by name.
 */
async function piperVoiceFor(lang: string, request: VoiceRequest): Promise<string | undefined> {
  if (request.voice !== undefined) {
    const map = parseVoiceMap(request.voice);
    if (!map.single) return mappedVoice(map, lang);
    const voiceLang = isVoicePath(map.single) ? (await voiceAt(voiceFiles(map.single), false)).config.lang : langOfVoiceName(map.single);
    return sameLanguage(voiceLang, lang) || lang === request.lang ? map.single : undefined;
  }
  const names = await installedVoiceNames();
  const tag = lang.toLowerCase();
  return names.find((n) => langOfVoiceName(n).toLowerCase() === tag) ?? names.find((n) => sameLanguage(langOfVoiceName(n), lang));
}

function loadedVoice(voice: string): Promise<LoadedVoice> {
  return voiceAt(voiceFiles(voice), !isVoicePath(voice));
}

/** Piper's `length_scale` for a rate: the voice's own at the default rate, shorter for faster speech. */
export function lengthScaleFor(rate: number | undefined, voiceScale: number): number {
  return (voiceScale * DEFAULT_RATE_WPM) / wordsPerMinute(rate);
}

/**
 * The unit's phonemised clauses: eSpeak reads the whole spoken text, as Piper
 * has it read, and each line it prints is a clause; the terminators come from
 * the text. Where eSpeak split it otherwise than predicted (an abbreviation's
 * full stop, say), its clauses are kept, joined by spaces, with the unit's
 * final terminator.
 */
async function phonemisedClauses(spoken: string, espeakVoice: string): Promise<PhonemisedClause[]> {
  const terminators = clauseTerminators(spoken);
  if (terminators.length === 0) return [];
  const lines = await espeakIpa(spoken, espeakVoice);
  if (lines.length === terminators.length) return lines.map((ipa, i) => ({ ipa, terminator: terminators[i] ?? '' }));
  return [{ ipa: lines.join(' '), terminator: terminators[terminators.length - 1] ?? '' }];
}

/** Piper's output in [-1, 1] to 16-bit PCM, peak-normalised as Piper does (silence stays silence). */
export function pcmOfPiper(audio: Float32Array): Int16Array {
  let peak = 0;
  for (const v of audio) peak = Math.max(peak, Math.abs(v));
  const out = new Int16Array(audio.length);
  if (peak < 1e-8) return out;
  for (let i = 0; i < audio.length; i++) out[i] = Math.round(Math.max(-1, Math.min(1, (audio[i] ?? 0) / peak)) * 32767);
  return out;
}

/** The phoneme ids of a unit for a voice (for tests and the bench). */
export async function unitPhonemeIds(spoken: string, config: PiperVoiceConfig): Promise<{ phonemes: string[]; ids: number[]; missing: string[] }> {
  const phonemes = phonemesOf(await phonemisedClauses(spoken, config.espeakVoice));
  return { phonemes, ...phonemeIds(phonemes, config.phonemeIdMap) };
}

async function speakWithPiper(voice: LoadedVoice, spoken: string, rate: number | undefined): Promise<Utterance> {
  const { config, session } = voice;
  const { ids, phonemes } = await unitPhonemeIds(spoken, config);
  const sampleRate = config.sampleRate;
  if (phonemes.length === 0) return { sampleRate, samples: new Int16Array(0) };
  const runtime = await onnxRuntime();
  const feeds: Record<string, OrtTensor> = {
    input: new runtime.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
    input_lengths: new runtime.Tensor('int64', BigInt64Array.of(BigInt(ids.length)), [1]),
    scales: new runtime.Tensor('float32', Float32Array.of(config.noiseScale, lengthScaleFor(rate, config.lengthScale), config.noiseW), [3]),
  };
  // A multi-speaker voice speaks as its first speaker.
  if (config.speakers > 1 && session.inputNames.includes('sid')) feeds.sid = new runtime.Tensor('int64', BigInt64Array.of(0n), [1]);
  const outputs = await session.run(feeds);
  const audio = outputs.output?.data;
  if (!(audio instanceof Float32Array)) throw new SpeechError(`Piper voice ${voice.files.name} gave no audio`);
  return { sampleRate, samples: pcmOfPiper(audio) };
}

/** The sample rate of the narration: the article voice's, which every other unit is resampled to. */
async function narrationRate(request: VoiceRequest): Promise<number> {
  const voice = await piperVoiceFor(request.lang, request);
  return voice ? (await loadedVoice(voice)).config.sampleRate : ESPEAK_SAMPLE_RATE;
}

export const piperEngine: Engine = {
  name: 'piper',

  async voiceFor(request: VoiceRequest): Promise<string> {
    const voice = await piperVoiceFor(request.lang, request);
    if (voice !== undefined) return (await loadedVoice(voice)).files.name;
    if (request.voice === undefined) {
      throw new SpeechError(noVoiceInstalled(`for "${request.lang}"`));
    }
    return `espeak ${await espeakEngine.voiceFor({ lang: request.lang, ...(request.rate !== undefined ? { rate: request.rate } : {}) })}`;
  },

  async synthesize(unit: SpeakableUnit, request: VoiceRequest): Promise<Utterance> {
    const lang = unit.lang ?? request.lang;
    const rate = await narrationRate(request);
    const voice = await piperVoiceFor(lang, request);
    // A passage in a language no Piper voice speaks is spoken by eSpeak in that language, at the narration's rate.
    // The model gives no word positions: the narration estimates them and says so.
    if (voice !== undefined) return resample(await speakWithPiper(await loadedVoice(voice), unit.spoken, request.rate), rate);
    const spoken = await espeakEngine.synthesize(unit, { lang, ...(request.rate !== undefined ? { rate: request.rate } : {}) });
    if (spoken.sampleRate === rate) return spoken;
    const ratio = rate / spoken.sampleRate;
    const words = spoken.words?.map((w) => ({ ...w, sample: Math.round(w.sample * ratio) }));
    return { ...resample(spoken, rate), ...(words ? { words } : {}) };
  },
};

/** That no Piper voice is installed (`where`: for a language, in a folder), with the commands that install one. */
function noVoiceInstalled(where: string): string {
  return `no Piper voice is installed ${where}: list them with voxpress voices list --available, then run ${installCommand('<name>')}`;
}

/** The voices `--voice` names (one, or one per language). */
function namedVoices(map: VoiceMap): string[] {
  return map.single !== undefined ? [map.single] : [...map.byLang.values()];
}

/** A file's size and modification time, or that it is missing: cheap, and changed by every reinstall. */
async function fileIdentity(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  return info ? `${info.size}@${Math.round(info.mtimeMs)}` : 'missing';
}

/** The files of every voice `speech` could use (its --voice, or every installed voice), for the outputs' cache key. */
export async function piperIdentity(speech: SpeechOptions): Promise<string> {
  const dir = voicesDir();
  let names: string[];
  if (speech.voice === undefined) names = await installedVoiceNames(dir);
  else names = namedVoices(parseVoiceMap(speech.voice));
  const parts: string[] = [];
  for (const name of names) {
    let files: VoiceFiles;
    try {
      files = voiceFiles(name, dir);
    } catch {
      parts.push(`${name}:invalid`);
      continue;
    }
    parts.push(`${files.name}:${await fileIdentity(files.model)}:${await fileIdentity(files.config)}`);
  }
  return parts.join(',');
}

/** The voices `speech` names that are not installed, or that none is installed at all, as the one line the CLI prints. */
export async function piperProblem(speech: SpeechOptions): Promise<string | undefined> {
  const dir = voicesDir();
  const installed = await installedVoiceNames(dir);
  if (speech.voice === undefined) {
    return installed.length === 0 ? noVoiceInstalled(`(in ${dir})`) : undefined;
  }
  let map: VoiceMap;
  try {
    map = parseVoiceMap(speech.voice);
  } catch (error) {
    return (error as Error).message;
  }
  for (const voice of namedVoices(map)) {
    if (isVoicePath(voice)) continue;
    try {
      voiceFiles(voice, dir);
    } catch (error) {
      return (error as Error).message;
    }
    if (!installed.includes(voice)) return `Piper voice ${voice} is not installed: run ${installCommand(voice)}`;
  }
  return undefined;
}
