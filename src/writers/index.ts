import { epubWriter } from './epub/index.js';
import { mp3Writer, wavWriter } from './audio.js';
import { jsonWriter } from './json.js';
import { ssmlWriter } from './ssml.js';
import { pdfWriter } from './pdf/index.js';
import type { ResourceNeed } from './resources.js';
import type { Writer } from './types.js';
import { vttWriter } from './vtt.js';

/**
 * Every writer, in the order the pipeline runs them. To add a writer, add its
 * module under `src/writers/` and list it here: `--formats`, its help and the
 * resources a run makes follow from the entry.
 */
export const WRITERS: readonly Writer[] = [jsonWriter, ssmlWriter, mp3Writer, wavWriter, vttWriter, epubWriter, pdfWriter];

export const FORMATS: readonly string[] = WRITERS.map((w) => w.format);

/** The formats made when `--formats` is not given. */
export const DEFAULT_FORMATS: readonly string[] = WRITERS.filter((w) => w.byDefault).map((w) => w.format);

/** The writer for a `--formats` name, or undefined. */
export function writerFor(format: string): Writer | undefined {
  return WRITERS.find((w) => w.format === format);
}

/** The writers for `formats`, in registry order (the order `--formats` was given in does not matter). */
export function writersFor(formats: readonly string[]): Writer[] {
  const unknown = formats.filter((f) => !writerFor(f));
  if (unknown.length > 0) throw new Error(`unknown format ${unknown.map((f) => `"${f}"`).join(', ')}; choose from ${FORMATS.join(', ')}`);
  return WRITERS.filter((w) => formats.includes(w.format));
}

/** The resources the writers of `formats` need, each made once for all of them. */
export function needsOf(formats: readonly string[]): Set<ResourceNeed> {
  return new Set(writersFor(formats).flatMap((w) => w.needs));
}

export type { OutputFile, Writer, WriterContext } from './types.js';
export type { WriterOptions, EpubOptions, PdfOptions, Paper } from './options.js';
export { PAPERS } from './options.js';
export { articleResources, type ArticleResources, type ResourceNeed } from './resources.js';
