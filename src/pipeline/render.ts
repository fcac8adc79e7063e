import type { Document } from '../model/types.js';
import type { FigureImages } from '../shared/images.js';
import { articleResources, needsOf, writersFor, type OutputFile, type Writer, type WriterOptions } from '../writers/index.js';
import { releasesHelperThreads } from '../speech/audio/encoder-threads.js';
import { BesideWriterError, releaseWriterThread, writeBeside } from './beside-writers.js';

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

/** One writer's outcome: its files, or the failure that cost its format; its warnings either way. */
export interface WriterRun {
  readonly files: readonly OutputFile[];
  readonly failure?: WriterError;
  readonly warnings: readonly string[];
}

/** Runs `writer` in this thread (the writer thread runs it the same way); never rejects. */
export async function runWriter(writer: Writer, doc: Document, options: WriterOptions, resources: ReturnType<typeof articleResources>): Promise<WriterRun> {
  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(message);
  try {
    return { files: await writer.write({ doc, options, resources, warn }), warnings };
  } catch (error) {
    return { files: [], failure: new WriterError(writer.format, error), warnings };
  }
}

/** Runs `writer` on the writer thread (beside-writers.ts); never rejects. */
async function runBeside(writer: Writer, doc: Document, options: WriterOptions, images: FigureImages): Promise<WriterRun> {
  try {
    return await writeBeside(writer.format, doc, options, images);
  } catch (error) {
    return { files: [], failure: new WriterError(writer.format, error), warnings: error instanceof BesideWriterError ? error.warnings : [] };
  }
}

/** Wall-clock milliseconds of `run`, recorded under `name` in `times` once it settles. */
async function timed<T>(name: string, times: StageTimes, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await run();
  } finally {
    times[name] = performance.now() - started;
  }
}

/**
 * Every output file of a document in the given formats, all in memory:
 * nothing touches the disk here. When the run speaks, the writers marked
 * `besideSpeech` (the PDF) start at once on the writer thread
 * (beside-writers.ts) while the speech is synthesised here; then the other
 * writers that need no speech run, then those that need it, as the MP3
 * encoder finishes on its threads. A long article gives its helper threads
 * back as soon as it is done with them (encoder-threads.ts). What several of
 * them need (the narration) is made once. A writer's failure costs only its format (and the formats
 * whose shared resource failed with it).
 */
export async function renderFormats(doc: Document, formats: readonly string[], options: WriterOptions = {}, resources: RenderResources = {}, times: StageTimes = {}): Promise<Rendered> {
  const shared = articleResources(doc, options, needsOf(formats), resources.images);
  const writers = writersFor(formats);
  const done = new Map<Writer, WriterRun>();
  if (shared.speaking) {
    const beside = writers.filter((w) => w.besideSpeech === true && !speaks(w)).map((w) => [w, timed(w.format, times, () => runBeside(w, doc, options, shared.images))] as const);
    if (releasesHelperThreads(doc)) void Promise.all(beside.map(([, run]) => run)).then(() => releaseWriterThread());
    await timed('speech', times, () => shared.spoken());
    for (const [writer, run] of beside) done.set(writer, await run);
  }
  for (const writer of [...writers.filter((w) => !speaks(w)), ...writers.filter(speaks)]) {
    if (!done.has(writer)) done.set(writer, await timed(writer.format, times, () => runWriter(writer, doc, options, shared)));
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
