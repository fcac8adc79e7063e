import type { Document } from '../model/types.js';
import type { FileContent } from '../shared/bytes.js';
import type { WriterOptions } from './options.js';
import type { ArticleResources, ResourceNeed } from './resources.js';

/** One file a writer produces, named relative to the article's output folder. */
export interface OutputFile {
  readonly name: string;
  /** Text, bytes, or bytes in parts (the EPUB: its narration is not copied into one array). */
  readonly data: FileContent;
}

export interface WriterContext {
  readonly doc: Document;
  readonly options: WriterOptions;
  /** What several writers share, each made at most once per article (see resources.ts). */
  readonly resources: ArticleResources;
  /** Reports something the user should know that did not stop the format (one line; the article's warnings). */
  readonly warn: (message: string) => void;
}

/**
 * A writer: a function of the document, the options and the article's
 * resources. It returns its files rather than writing them, so the pipeline
 * alone decides where and how (atomically) they land.
 */
export interface Writer {
  /** The `--formats` name. */
  readonly format: string;
  /** One line for `--help` and the README. */
  readonly description: string;
  /** Whether the format is made when `--formats` is not given (`wav` is made only on request). */
  readonly byDefault: boolean;
  /** The shared resources it cannot be made without; the run makes each once for all the writers that need it. */
  readonly needs: readonly ResourceNeed[];
  /** Resources it uses when another writer of the run makes them, without needing them (the EPUB's media overlays). */
  readonly uses?: readonly ResourceNeed[];
  /**
   * Whether, in a run that speaks, it is made on a helper thread while the
   * speech is synthesised (pipeline/beside-writers.ts): for a writer that
   * needs no speech and works long enough to pay for the thread's own start.
   * The sample, all formats (hyperfine, 10 runs): the PDF there, 1.286 ->
   * 1.202 s; the PDF, JSON and SSML there, 1.341 s (the SSML's normalisation
   * then loads in two threads).
   */
  readonly besideSpeech?: boolean;
  write(context: WriterContext): Promise<OutputFile[]>;
}

export type { WriterOptions } from './options.js';
