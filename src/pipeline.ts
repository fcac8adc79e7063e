import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArticleError } from './ingest/errors.js';
import { readArticle } from './ingest/index.js';
import type { MetadataOverrides } from './model/build.js';
import type { Block, Document, Figure } from './model/types.js';
import { writeFileAtomic } from './output/atomic.js';
import { VERSION } from './version.js';
import { Artifacts, writerFor, type OutputFile, type WriterOptions } from './writers/index.js';

/** Everything that decides an article's outputs besides the article itself. */
export interface ArticleOptions {
  readonly formats: readonly string[];
  readonly overrides: MetadataOverrides;
  readonly writer: WriterOptions;
}

export interface ArticleTask {
  readonly file: string;
  /** The article's own output folder (`<out>/<slug>`). */
  readonly outDir: string;
  readonly options: ArticleOptions;
  /** Rebuild even when the recorded content hash matches. */
  readonly force: boolean;
}

/** Wall-clock milliseconds per stage, for `--json` and the benchmark. */
export type StageTimes = Record<string, number>;

export type ArticleResult =
  | { readonly status: 'written' | 'reused'; readonly file: string; readonly outDir: string; readonly outputs: readonly string[]; readonly warnings: readonly string[]; readonly times: StageTimes }
  | { readonly status: 'failed'; readonly file: string; readonly outDir: string; readonly error: string };

/** Records what the outputs in a folder were built from, so unchanged articles are not rebuilt. */
export const MANIFEST = '.voxpress.json';

interface Manifest {
  readonly key: string;
  readonly outputs: readonly string[];
}

/** A hash of everything the outputs depend on: tool version, document, options, and the bytes of local images. */
export async function buildKey(doc: Document, options: ArticleOptions, resourceDir: string): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ version: VERSION, doc, options }));
  for (const figure of figures(doc.blocks)) {
    // A replaced image must rebuild the EPUB and PDF that embed it; a missing one hashes as missing.
    const image = await readFile(path.resolve(resourceDir, decodeURIComponent(figure.src.split(/[?#]/)[0] ?? ''))).catch(() => undefined);
    hash.update(`\0${figure.id}\0`).update(image ?? 'missing');
  }
  return hash.digest('hex');
}

function figures(blocks: readonly Block[]): Figure[] {
  return blocks.flatMap((b): Figure[] =>
    b.type === 'figure' ? [b] : b.type === 'quote' ? figures(b.blocks) : b.type === 'list' ? b.items.flatMap((i) => figures(i.blocks)) : [],
  );
}

async function reusableOutputs(outDir: string, key: string): Promise<readonly string[] | undefined> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.key !== key || !Array.isArray(manifest.outputs)) return undefined;
  for (const name of manifest.outputs) {
    try {
      await stat(path.join(outDir, name));
    } catch {
      return undefined;
    }
  }
  return manifest.outputs;
}

/** Every output file of a document in the given formats, all in memory: nothing touches the disk here. */
export async function renderDocument(doc: Document, formats: readonly string[], options: WriterOptions = {}, times: StageTimes = {}): Promise<OutputFile[]> {
  const artifacts = new Artifacts();
  const writerOptions: WriterOptions = { ...options, formats: options.formats ?? formats };
  const files: OutputFile[] = [];
  for (const format of formats) {
    const writer = writerFor(format);
    if (!writer) throw new Error(`unknown format "${format}"`);
    const started = performance.now();
    try {
      files.push(...(await writer.write({ doc, options: writerOptions, artifacts })));
    } catch (error) {
      throw new WriterError(format, error);
    }
    times[format] = performance.now() - started;
  }
  return files;
}

/** A writer's failure, naming the format so the user knows which output could not be made. */
export class WriterError extends Error {
  override name = 'WriterError';
  constructor(
    readonly format: string,
    override readonly cause: unknown,
  ) {
    super(`${format}: ${oneLine(cause)}`);
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/**
 * Runs one article through the chosen writers into its output folder. Never
 * throws: a bad article becomes a `failed` result naming the file and the reason,
 * and the files of a failed article are left exactly as they were.
 */
export async function processArticle(task: ArticleTask): Promise<ArticleResult> {
  const { file, outDir, options } = task;
  const times: StageTimes = {};
  try {
    let started = performance.now();
    const doc = await readArticle(file, options.overrides);
    times.read = performance.now() - started;
    const resourceDir = path.dirname(path.resolve(file));
    const key = await buildKey(doc, options, resourceDir);
    if (!task.force) {
      const reused = await reusableOutputs(outDir, key);
      if (reused) return { status: 'reused', file, outDir, outputs: reused, warnings: doc.warnings, times };
    }
    const writerOptions: WriterOptions = { ...options.writer, resourceDir, formats: options.formats };
    const files = await renderDocument(doc, options.formats, writerOptions, times);
    started = performance.now();
    // Until the new manifest lands, the folder must not claim to be up to date: a write failing half-way is rebuilt next run.
    await rm(path.join(outDir, MANIFEST), { force: true });
    for (const output of files) await writeFileAtomic(path.join(outDir, output.name), output.data);
    const manifest: Manifest = { key, outputs: files.map((f) => f.name) };
    await writeFileAtomic(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    times.write = performance.now() - started;
    return { status: 'written', file, outDir, outputs: manifest.outputs, warnings: doc.warnings, times };
  } catch (error) {
    const message = error instanceof ArticleError ? error.message : `${file}: ${oneLine(error)}`;
    return { status: 'failed', file, outDir, error: message };
  }
}
