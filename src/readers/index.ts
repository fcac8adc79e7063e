import type { Document } from '../model/types.js';
import { parseWith, type ParseOptions } from './parse.js';
import { READER_ENTRIES, readerEntryFor } from './registry.js';
import type { Reader } from './types.js';

/*
 * The readers for library callers, every one loaded (this module waits for
 * them as it loads), so that `parseArticle` stays synchronous. The pipeline
 * reads through the registry instead and loads only the reader an article needs.
 */

/** Every reader, loaded, in registry order. */
export const READERS: readonly Reader[] = await Promise.all(READER_ENTRIES.map(async (entry) => ({ ...entry, read: await entry.load() })));

/** The loaded reader named `name`, or undefined. */
export function readerNamed(name: string): Reader | undefined {
  return READERS.find((r) => r.name === name);
}

/** The loaded reader for a file name, by its extension; the plain-text reader for anything unclaimed. */
export function readerForFile(file: string): Reader {
  const entry = readerEntryFor({ file });
  const reader = readerNamed(entry.name);
  if (!reader) throw new Error(`reader ${entry.name} is not loaded`);
  return reader;
}

/**
 * The document of an article's text. Throws an ArticleError with a one-line
 * reason for anything wrong with the input.
 */
export function parseArticle(text: string, options: ParseOptions = {}): Document {
  const reader = readerNamed(readerEntryFor(options).name);
  if (!reader) throw new Error(`reader ${readerEntryFor(options).name} is not loaded`);
  return parseWith(reader.read, text, options);
}

export { ARTICLE_EXTENSIONS, formatOf, READER_ENTRIES, type InputFormat } from './registry.js';
export type { ParseOptions } from './parse.js';
export type { Read, Reader, ReaderEntry, ReaderOptions } from './types.js';
export { ReaderError } from './types.js';
