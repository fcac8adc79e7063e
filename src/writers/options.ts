import type { SpeechOptions } from '../speech/engines/types.js';
import type { ScriptOptions } from '../speech/script.js';

/*
 * Options of the writers, in one shape: every writer gets the whole
 * `WriterOptions` and reads its own slice. Plain data only: they cross to the
 * worker threads by structured clone and are part of the rebuild key.
 */

export type Paper = 'a4' | 'letter';

export const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** Options of the PDF writer. */
export interface PdfOptions {
  /** Paper size: ISO A4 (default) or US Letter. */
  readonly paper?: Paper;
}

/** Options of the EPUB writer. */
export interface EpubOptions {
  /**
   * Who states the book's accessibility conformance (`a11y:certifiedBy`).
   * Default: the article's source (publisher), else "voxpress".
   */
  readonly certifiedBy?: string;
  /** Name of the narration's voice (`media:narrator`). Default: "voxpress synthetic speech". */
  readonly narrator?: string;
}

export interface WriterOptions {
  /**
   * Seconds since the epoch to use where a writer needs a build time and the
   * article has no date (`SOURCE_DATE_EPOCH`); never the wall clock.
   */
  readonly sourceDateEpoch?: number;
  /** The narration script (SSML): provider profile, pronunciation lexicons, voice. */
  readonly script?: ScriptOptions;
  /** Speech engine, voice and rate for the audio, caption and overlay writers. */
  readonly speech?: SpeechOptions;
  readonly epub?: EpubOptions;
  readonly pdf?: PdfOptions;
}
