/**
 * The speech-engine contract. An engine turns one SSML document into PCM; the
 * narration code above it does the timing, so a cloud engine (which takes the
 * provider SSML profiles) only has to implement `synthesize`.
 */

import type { Pcm } from '../audio/pcm.js';

export type { Pcm } from '../audio/pcm.js';

/** An engine's registry name (`--engine`): one of `ENGINES` in engines/index.ts. */
export type EngineName = string;

/** Speech options (`--engine`, `--voice`, `--rate`), carried in `WriterOptions.speech`. */
export interface SpeechOptions {
  /** Default `espeak` (the bundled WASM engine). */
  readonly engine?: EngineName;
  /** Engine voice name; by default a voice for the article's language. */
  readonly voice?: string;
  /** Speaking rate in words per minute (default 175). */
  readonly rate?: number;
  /**
   * What the engine's voice files are (for Piper: each voice's files, sizes and
   * modification times), from `EngineEntry.identity`, so that an article is
   * rebuilt when a voice it is spoken with changes. Not read by the engines.
   */
  readonly voiceIdentity?: string;
}

export const DEFAULT_RATE_WPM = 175;
export const MIN_RATE_WPM = 80;
export const MAX_RATE_WPM = 450;

/** The speaking rate asked for (the default when none was), or a one-line error when it is out of range. */
export function wordsPerMinute(rate: number | undefined): number {
  const wpm = rate ?? DEFAULT_RATE_WPM;
  if (!Number.isFinite(wpm) || wpm < MIN_RATE_WPM || wpm > MAX_RATE_WPM) throw new SpeechError(`rate must be ${MIN_RATE_WPM} to ${MAX_RATE_WPM} words per minute, got ${wpm}`);
  return wpm;
}

/** What to say a unit with: the article language, and the user's voice and rate if given. */
export interface VoiceRequest {
  /** BCP 47 tag of the article. */
  readonly lang: string;
  readonly voice?: string;
  readonly rate?: number;
}

/** What an engine needs of a spoken unit. */
export interface SpeakableUnit {
  /** A complete SSML 1.1 document. */
  readonly ssml: string;
  /** The same words as plain text, as spoken: every `<sub alias>` of the SSML already applied. */
  readonly spoken: string;
  /** BCP 47 tag of the unit (a passage in another language than the article has its own); absent means the request's. */
  readonly lang?: string;
}

/** A word as the engine spoke it. */
export interface SpokenWord {
  /** The sample of the unit's PCM where the word begins. */
  readonly sample: number;
  /**
   * The characters of the unit's written text it says, `[start, end)` in
   * UTF-16 units of the text inside the SSML's `<s>` (which is the unit's
   * `text`). Every word of a `<sub alias>` gives the sub's whole written range.
   */
  readonly start: number;
  readonly end: number;
}

/** One unit spoken: its PCM and, from an engine that reports them, its words in the order spoken. */
export interface Utterance extends Pcm {
  readonly words?: readonly SpokenWord[];
}

export interface Engine {
  readonly name: EngineName;
  /** The engine's name for the voice it will use for `request`. */
  voiceFor(request: VoiceRequest): Promise<string>;
  /**
   * One unit to mono PCM, as the engine makes it (the narration cuts the
   * silence around it). Engines that read SSML take `ssml`; the others take
   * `spoken`, never the written text. Word positions are optional: without
   * them the narration estimates word times and says so in timing.json.
   */
  synthesize(unit: SpeakableUnit, request: VoiceRequest): Promise<Utterance>;
}

/** What an engine can do on the platform it runs on. */
export interface EngineCapabilities {
  /** Reads SSML (`<sub>`, `<break>`, `xml:lang`); otherwise it is given the spoken plain text. */
  readonly readsSsml: boolean;
  /** Can write audio, so the audio, caption and overlay formats can be made with it. */
  readonly exportsAudio: boolean;
  /** Can speak aloud through the machine's sound output (`--play`). */
  readonly speaksAloud: boolean;
}

/** An engine in the registry: what the CLI lists, checks and creates. */
export interface EngineEntry {
  readonly name: EngineName;
  /** One line for `--help` and the docs. */
  readonly description: string;
  capabilities(platform: NodeJS.Platform): EngineCapabilities;
  /** The engine (one per thread; it may keep state such as a WASM instance), its module loaded on first use. */
  create(): Promise<Engine>;
  /** What the voices `speech` would use are on this machine, for engines whose voices the user installs (see `SpeechOptions.voiceIdentity`). */
  identity?(speech: SpeechOptions): Promise<string>;
  /** Why `speech` cannot work on this machine (a voice that is not installed), checked once before any article; undefined when it can. */
  problem?(speech: SpeechOptions): Promise<string | undefined>;
}

/** An engine failure the user can act on (one line, no stack). */
export class SpeechError extends Error {
  override readonly name = 'SpeechError';
}
