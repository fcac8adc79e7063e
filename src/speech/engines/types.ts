/**
 * The speech-engine contract. An engine turns one SSML document into PCM; the
 * narration code above it does the timing, so a cloud engine (which takes the
 * provider SSML profiles) only has to implement `synthesize`.
 */

/** Mono 16-bit PCM. */
export interface Pcm {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

/** The engine names `--engine` accepts. */
export const ENGINE_NAMES = ['espeak', 'say'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

/** Speech options (`--engine`, `--voice`, `--rate`, `--play`), carried in `WriterOptions.speech`. */
export interface SpeechOptions {
  /** Default `espeak` (the bundled WASM engine). */
  readonly engine?: EngineName;
  /** Engine voice name; by default a voice for the article's language. */
  readonly voice?: string;
  /** Speaking rate in words per minute (default 175). */
  readonly rate?: number;
  /** Also speak the narration aloud through the engine (CLI `--play`). */
  readonly play?: boolean;
}

export const DEFAULT_RATE_WPM = 175;
export const MIN_RATE_WPM = 80;
export const MAX_RATE_WPM = 450;

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
  /** The same words as plain text. */
  readonly text: string;
}

export interface Engine {
  readonly name: EngineName;
  /** The engine's name for the voice it will use for `request`. */
  voiceFor(request: VoiceRequest): Promise<string>;
  /**
   * One unit to mono PCM, nothing trimmed or padded by the caller. Engines
   * that read SSML take `ssml`; OS voices that do not take `text`.
   */
  synthesize(unit: SpeakableUnit, request: VoiceRequest): Promise<Pcm>;
}

/** An engine failure the user can act on (one line, no stack). */
export class SpeechError extends Error {
  override readonly name = 'SpeechError';
}
