import type { Document } from '../model/types.js';
import type { FigureImages } from '../shared/images.js';
import { articleResources, needsOf, writersFor, type OutputFile, type Writer, type WriterOptions } from '../writers/index.js';

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
 * nothing touches the disk here. The speech is synthesised first, then the
 * writers that need no speech run while the MP3 encoder finishes on its
 * thread, then the others; what several of them need (the narration) is made once. A writer's failure costs only
 * its format (and the formats whose shared resource failed with it).
 */
export async function renderFormats(doc: Document, formats: readonly string[], options: WriterOptions = {}, resources: RenderResources = {}, times: StageTimes = {}): Promise<Rendered> {
  const shared = articleResources(doc, options, needsOf(formats), resources.images);
  const writers = writersFor(formats);
  const done = new Map<Writer, { files: readonly OutputFile[]; failure?: WriterError; warnings: readonly string[] }>();
  if (shared.speaking) {
    // Speech first: the encoder thread then finishes the MP3 while the writers that need no speech run here.
    const started = performance.now();
    await shared.spoken();
    times.speech = performance.now() - started;
  }
  for (const writer of [...writers.filter((w) => !speaks(w)), ...writers.filter(speaks)]) {
    const started = performance.now();
    const warnings: string[] = [];
    const warn = (message: string): void => void warnings.push(message);
    try {
      done.set(writer, { files: await writer.write({ doc, options, resources: shared, warn }), warnings });
    } catch (error) {
      done.set(writer, { files: [], failure: new WriterError(writer.format, error), warnings });
    }
    times[writer.format] = performance.now() - started;
  }
  // Files, failures and warnings in registry order, whatever order the writers ran in.
  const results = writers.map((w) => done.get(w)).filter((r) => r !== undefined);
  return {
    files: results.flatMap((r) => r.files),
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
    warnings: results.flatMap((r) => r.warnings),
  };
}

/** Whether a writer needs or uses the speech (so it waits for the encoder). */
function speaks(writer: Writer): boolean {
  return writer.needs.length > 0 || (writer.uses?.length ?? 0) > 0;
}

/** Like `renderFormats`, for library callers who want every format or an error: throws the first failure. */
export async function renderDocument(doc: Document, formats: readonly string[], options: WriterOptions = {}, resources: RenderResources = {}, times: StageTimes = {}): Promise<OutputFile[]> {
  const { files, failures } = await renderFormats(doc, formats, options, resources, times);
  if (failures[0]) throw failures[0];
  return [...files];
}
