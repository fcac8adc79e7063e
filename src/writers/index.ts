import { epubWriter } from './epub/index.js';
import { mp3Writer, wavWriter } from './audio.js';
import { jsonWriter } from './json.js';
import { ssmlWriter } from '../speech/ssml/writer.js';
import { pdfWriter } from './pdf/index.js';
import type { Writer } from './types.js';
import { vttWriter } from './vtt.js';

/**
 * Every writer, in the order the pipeline runs them. To add a writer, add its
 * module under `src/writers/` (or `src/speech/`) and list it here.
 */
export const WRITERS: readonly Writer[] = [jsonWriter, ssmlWriter, mp3Writer, wavWriter, vttWriter, epubWriter, pdfWriter];

export const FORMATS: readonly string[] = WRITERS.map((w) => w.format);

/** The formats made when `--formats` is not given. */
export const DEFAULT_FORMATS: readonly string[] = WRITERS.filter((w) => w.byDefault).map((w) => w.format);

/** The writer for a `--formats` name, or undefined. */
export function writerFor(format: string): Writer | undefined {
  return WRITERS.find((w) => w.format === format);
}

export type { OutputFile, Writer, WriterContext, WriterOptions } from './types.js';
export { Artifacts } from './types.js';
