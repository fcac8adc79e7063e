import type { Document } from '../model/types.js';
import type { FigureImages } from '../shared/images.js';
import { articleResources, needsOf, writersFor, type OutputFile, type WriterOptions } from '../writers/index.js';

/** Wall-clock milliseconds per stage, for `--json` and the benchmark. */
export type StageTimes = Record<string, number>;

/** A writer's failure, naming the format so the user knows which output could not be made. */
export class WriterError extends Error {
  override name = 'WriterError';
  constructor(
    readonly format: string,
    override readonly cause: unknown,
  ) {
    super(`${format}: ${firstLine(cause)}`);
  }
}

/** The first line of an error's message: every message a user sees is one line. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

export interface RenderResources {
  /** Each figure's image by figure id, as `loadImages` (io/resources.ts) found it; figures without one show their text alternative. */
  readonly images?: FigureImages;
}

/** A format that could not be made, and why (one line, naming the format). */
export interface FormatFailure {
  readonly format: string;
  readonly error: string;
}

export interface Rendered {
  readonly files: readonly OutputFile[];
  /** The formats that failed, as WriterErrors; the other formats' files are complete without them. */
  readonly failures: readonly WriterError[];
  /** What the writers reported without failing, one line each, in order. */
  readonly warnings: readonly string[];
}

/**
 * Every output file of a document in the given formats, all in memory:
 * nothing touches the disk here. Writers run in registry order; what several
 * of them need (the narration) is made once. A writer's failure costs only
 * its format (and the formats whose shared resource failed with it).
 */
export async function renderFormats(doc: Document, formats: readonly string[], options: WriterOptions = {}, resources: RenderResources = {}, times: StageTimes = {}): Promise<Rendered> {
  const shared = articleResources(doc, options, needsOf(formats), resources.images);
  const files: OutputFile[] = [];
  const failures: WriterError[] = [];
  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(message);
  for (const writer of writersFor(formats)) {
    const started = performance.now();
    try {
      files.push(...(await writer.write({ doc, options, resources: shared, warn })));
    } catch (error) {
      failures.push(new WriterError(writer.format, error));
    }
    times[writer.format] = performance.now() - started;
  }
  return { files, failures, warnings };
}

/** Like `renderFormats`, for library callers who want every format or an error: throws the first failure. */
export async function renderDocument(doc: Document, formats: readonly string[], options: WriterOptions = {}, resources: RenderResources = {}, times: StageTimes = {}): Promise<OutputFile[]> {
  const { files, failures } = await renderFormats(doc, formats, options, resources, times);
  if (failures[0]) throw failures[0];
  return [...files];
}
