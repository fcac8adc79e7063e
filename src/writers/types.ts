import type { Document } from '../model/types.js';
import type { ScriptOptions } from '../speech/script.js';
import type { EpubOptions } from './epub/build.js';
import type { SpeechOptions } from '../speech/engines/types.js';
import type { PdfOptions } from './pdf/index.js';

/** One file a writer produces, named relative to the article's output folder. */
export interface OutputFile {
  readonly name: string;
  readonly data: string | Uint8Array;
}

/** Options every writer may read. Writer-specific options are added here as writers land. */
export interface WriterOptions {
  /**
   * Seconds since the epoch to use where a writer needs a build time and the
   * article has no date (`SOURCE_DATE_EPOCH`); never the wall clock.
   */
  readonly sourceDateEpoch?: number;
  /** Folder of the article file, for resolving relative resources (images). */
  readonly resourceDir?: string;
  /** Every format asked for in this run, so a writer can tell what else ships (the EPUB embeds narration only when audio is made). */
  readonly formats?: readonly string[];
  /** EPUB writer options (accessibility certifier, narrator name). */
  readonly epub?: EpubOptions;
  /** Speech engine, voice and rate for the audio, caption and overlay writers. */
  readonly speech?: SpeechOptions;
  /** Options of the PDF writer (paper size). */
  readonly pdf?: PdfOptions;
  // Writer-specific options go in their own nested object (`speech`, `epub`, `pdf`) as the writers land.
  /** The narration script (SSML): provider profile, pronunciation lexicons, voice. */
  readonly script?: ScriptOptions;
}

/**
 * Results shared between writers of one article, computed at most once (the
 * narration audio feeds the audio files, the captions and the EPUB overlays).
 */
export class Artifacts {
  private readonly cache = new Map<string, Promise<unknown>>();

  /** The value stored under `key`, computing it with `make` the first time. */
  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.cache.set(key, value);
    }
    return value;
  }
}

export interface WriterContext {
  readonly doc: Document;
  readonly options: WriterOptions;
  readonly artifacts: Artifacts;
}

/**
 * A writer: a function of the document and options. It returns its files
 * rather than writing them, so the pipeline alone decides where and how
 * (atomically) they land.
 */
export interface Writer {
  /** The `--formats` name. */
  readonly format: string;
  /** One line for `--help` and the README. */
  readonly description: string;
  /** Whether the format is made when `--formats` is not given (`wav` is made only on request). */
  readonly byDefault: boolean;
  write(context: WriterContext): Promise<OutputFile[]>;
}
