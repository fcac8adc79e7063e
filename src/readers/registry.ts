import type { ReaderEntry } from './types.js';

/*
 * The reader registry: metadata and a loader per format, and nothing heavy,
 * so that the command line's own thread and a plain-text article never load
 * a Markdown parser. The library's `parseArticle` (index.ts) has them all loaded.
 */

export const textReader: ReaderEntry = {
  name: 'text',
  description: 'the plain-text article format: a leading `date YYYY-MM-DD` marker, blank-line paragraphs, headings and lists inferred from the layout, metadata in a <name>.json sidecar',
  extensions: ['.txt', '.text'],
  mediaTypes: ['text/plain'],
  sidecar: true,
  load: () => import('./text.js').then((m) => m.readText),
};

export const markdownReader: ReaderEntry = {
  name: 'markdown',
  description: 'CommonMark with YAML front matter (title, lang, date, authors, source, description)',
  extensions: ['.md', '.markdown'],
  mediaTypes: ['text/markdown'],
  sidecar: false,
  load: () => import('./markdown.js').then((m) => m.readMarkdown),
};

/**
 * Every reader. To add one (HTML, DOCX, ...), write its module under
 * `src/readers/` and list it here; the CLI's extension list and help follow.
 * The first is the fallback for a file whose extension no reader claims.
 */
export const READER_ENTRIES: readonly ReaderEntry[] = [textReader, markdownReader];

export type InputFormat = (typeof READER_ENTRIES)[number]['name'];

/** Every extension a folder search picks up. */
export const ARTICLE_EXTENSIONS: readonly string[] = READER_ENTRIES.flatMap((r) => r.extensions);

/** The reader named `name`, or undefined. */
export function readerEntryNamed(name: string): ReaderEntry | undefined {
  return READER_ENTRIES.find((r) => r.name === name);
}

/** The reader for a file name, by its extension; the plain-text reader for anything unclaimed. */
export function readerEntryForFile(file: string): ReaderEntry {
  const dot = file.lastIndexOf('.');
  const extension = dot > file.lastIndexOf('/') ? file.slice(dot).toLowerCase() : '';
  return READER_ENTRIES.find((r) => r.extensions.includes(extension)) ?? textReader;
}

/** The format name of a file (`text`, `markdown`). */
export function formatOf(file: string): InputFormat {
  return readerEntryForFile(file).name;
}

/** The reader entry for an article: the named format, else the file's extension, else plain text. */
export function readerEntryFor(options: { readonly file?: string; readonly format?: InputFormat }): ReaderEntry {
  return (options.format !== undefined ? readerEntryNamed(options.format) : undefined) ?? (options.file ? readerEntryForFile(options.file) : textReader);
}
