import type { Draft } from '../model/draft.js';

/**
 * A reader: an article's text in one input format to a draft of the model.
 * Pure: no file or network access (the pipeline reads the bytes and decodes
 * them; see `io/article.ts`). A reader throws a `ReaderError` for input it
 * cannot read, with a one-line reason.
 */
export type Read = (text: string, options?: ReaderOptions) => Draft;

/**
 * A reader's registry entry: what the command line, the folder search and the
 * help need, and the reader itself, loaded only when an article in its format
 * is read (a Markdown parser costs a plain-text article nothing).
 */
export interface ReaderEntry {
  /** The format's name, as `formatOf` returns it and the library's `format` option takes it. */
  readonly name: string;
  /** One line for `--help` and the docs. */
  readonly description: string;
  /** File extensions (lower case, with the dot) picked up when a folder is given. */
  readonly extensions: readonly string[];
  /** Media types of the format (for the coming URL reader's `Content-Type`). */
  readonly mediaTypes: readonly string[];
  /** Whether a `<name>.json` next to the article supplies its metadata (the plain-text format has nowhere else to put it). */
  readonly sidecar: boolean;
  load(): Promise<Read>;
}

/** A reader with its module loaded (the library's synchronous `parseArticle` reads through these). */
export interface Reader extends ReaderEntry {
  readonly read: Read;
}

/** What the user can ask of the readers (plain data: it crosses to the worker threads). */
export interface ReaderOptions {
  /** Infer headings and lists from the layout of plain text (default true; `--no-infer-structure`). */
  readonly inferStructure?: boolean;
}

/** A problem with the input a reader was given; its message is the one-line reason. */
export class ReaderError extends Error {
  override name = 'ReaderError';
}
