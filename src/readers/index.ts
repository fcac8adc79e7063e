import { buildDocument, type MetadataOverrides } from '../model/build.js';
import type { Draft, DraftMetadata } from '../model/draft.js';
import { MetadataError } from '../model/metadata.js';
import type { Document } from '../model/types.js';
import { sentences } from '../model/walk.js';
import { ArticleError } from '../shared/errors.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';
import { ReaderError, type Reader, type ReaderOptions } from './types.js';

export const textReader: Reader = {
  name: 'text',
  description: 'the plain-text article format: a leading `date YYYY-MM-DD` marker, blank-line paragraphs, headings and lists inferred from the layout, metadata in a <name>.json sidecar',
  extensions: ['.txt', '.text'],
  mediaTypes: ['text/plain'],
  sidecar: true,
  read: readText,
};

export const markdownReader: Reader = {
  name: 'markdown',
  description: 'CommonMark with YAML front matter (title, lang, date, authors, source, description)',
  extensions: ['.md', '.markdown'],
  mediaTypes: ['text/markdown'],
  sidecar: false,
  read: readMarkdown,
};

/**
 * Every reader. To add one (HTML, DOCX, ...), write its module under
 * `src/readers/` and list it here; the CLI's extension list and help follow.
 * The first is the fallback for a file whose extension no reader claims.
 */
export const READERS: readonly Reader[] = [textReader, markdownReader];

export type InputFormat = (typeof READERS)[number]['name'];

/** Every extension a folder search picks up. */
export const ARTICLE_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

/** The reader named `name`, or undefined. */
export function readerNamed(name: string): Reader | undefined {
  return READERS.find((r) => r.name === name);
}

/** The reader for a file name, by its extension; the plain-text reader for anything unclaimed. */
export function readerForFile(file: string): Reader {
  const dot = file.lastIndexOf('.');
  const extension = dot > file.lastIndexOf('/') ? file.slice(dot).toLowerCase() : '';
  return READERS.find((r) => r.extensions.includes(extension)) ?? textReader;
}

/** The format name of a file (`text`, `markdown`). */
export function formatOf(file: string): InputFormat {
  return readerForFile(file).name;
}

export interface ParseOptions {
  /** Names the article in errors (and picks the reader when `format` is not given). */
  readonly file?: string;
  readonly format?: InputFormat;
  /** Metadata from a sidecar file, over the article's own. */
  readonly sidecar?: DraftMetadata;
  readonly overrides?: MetadataOverrides;
  readonly reader?: ReaderOptions;
}

/**
 * The document of an article's text. Throws an ArticleError with a one-line
 * reason for anything wrong with the input.
 */
export function parseArticle(text: string, options: ParseOptions = {}): Document {
  const file = options.file ?? '<input>';
  const reader = (options.format !== undefined ? readerNamed(options.format) : undefined) ?? (options.file ? readerForFile(options.file) : textReader);
  let document: Document;
  try {
    const draft = reader.read(text, options.reader);
    const withSidecar: Draft = options.sidecar ? { ...draft, meta: { ...draft.meta, ...options.sidecar } } : draft;
    document = buildDocument(withSidecar, options.overrides);
  } catch (error) {
    if (error instanceof MetadataError || error instanceof ReaderError) throw new ArticleError(file, error.message);
    throw error;
  }
  if (sentences(document).length === 0) throw new ArticleError(file, 'no text to read (only markup or whitespace)');
  return document;
}

export type { Reader, ReaderOptions } from './types.js';
export { ReaderError } from './types.js';
