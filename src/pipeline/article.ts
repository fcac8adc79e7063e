import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readArticle } from '../io/article.js';
import { recoverFolder, replaceFolder } from '../io/atomic.js';
import { describeFsError } from '../io/errors.js';
import { loadImages } from '../io/resources.js';
import { ArticleError, printableName } from '../shared/errors.js';
import { buildKey, MANIFEST, reusableOutputs, type ArticleOptions, type Manifest } from './key.js';
import { firstLine, renderFormats, type FormatFailure, type StageTimes } from './render.js';
import type { OutputFile } from '../writers/index.js';
import { useMp3EncoderThreads } from '../speech/audio/encoder-threads.js';

export interface ArticleTask {
  readonly file: string;
  /** The article's own output folder (`<out>/<slug>`). */
  readonly outDir: string;
  readonly options: ArticleOptions;
  /** Rebuild even when the recorded content hash matches. */
  readonly force: boolean;
  /** The folder images may be read from; the article's own folder when not given. */
  readonly resourceRoot?: string;
  /** MP3 encoder threads this article's narration may share out its segments to (1 when absent); the bytes do not depend on it. */
  readonly encoderThreads?: number;
}

export type ArticleResult =
  | {
      readonly status: 'written' | 'reused';
      readonly file: string;
      readonly outDir: string;
      readonly outputs: readonly string[];
      readonly warnings: readonly string[];
      /** Formats that could not be made (the others were written): one line each. */
      readonly failures: readonly FormatFailure[];
      readonly times: StageTimes;
    }
  | { readonly status: 'failed'; readonly file: string; readonly outDir: string; readonly error: string; readonly failures?: readonly FormatFailure[] };

/** The manifest key of a folder that lacks some format: it never matches, so the next run rebuilds it. */
const INCOMPLETE = 'incomplete';

/** Refuses an output folder that is a symlink (it would write wherever it points) or not a folder; a missing one is fine. */
async function assertOutputFolder(outDir: string): Promise<void> {
  const info = await lstat(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return;
  if (info.isSymbolicLink()) throw new ArticleError(outDir, 'output folder is a symbolic link; remove it or choose another --out');
  if (!info.isDirectory()) throw new ArticleError(outDir, 'a file is in the way of the output folder');
}

/** Outputs a previous run recorded in `outDir`. */
async function previousOutputs(outDir: string): Promise<readonly string[]> {
  try {
    const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Partial<Manifest>;
    return Array.isArray(manifest.outputs) ? manifest.outputs.filter((n): n is string => typeof n === 'string' && !n.includes('/') && !n.startsWith('.')) : [];
  } catch {
    return [];
  }
}

/**
 * Replaces the article's folder with `files`, all at once (io/atomic.ts):
 * last run's outputs go, a file the user put there stays. A full disk fails
 * the article in one line and leaves the old folder as it was.
 */
async function writeFolder(file: string, outDir: string, files: readonly OutputFile[]): Promise<void> {
  const ours = new Set(await previousOutputs(outDir));
  try {
    await replaceFolder(outDir, files, { keep: (name) => name !== MANIFEST && !ours.has(name) });
  } catch (error) {
    throw new ArticleError(file, `cannot write ${printableName(outDir)}: ${describeFsError(error)}`);
  }
}

/**
 * Runs one article through the chosen writers into its output folder. Never
 * throws: a bad article becomes a `failed` result naming the file and the reason,
 * and the files of a failed article are left exactly as they were.
 */
export async function processArticle(task: ArticleTask): Promise<ArticleResult> {
  const { file, outDir, options } = task;
  const times: StageTimes = {};
  useMp3EncoderThreads(task.encoderThreads ?? 1);
  try {
    let started = performance.now();
    const doc = await readArticle(file, options.overrides, options.reader);
    const articleDir = path.dirname(path.resolve(file));
    const { images, warnings: imageWarnings } = await loadImages(doc, articleDir, task.resourceRoot !== undefined ? { root: task.resourceRoot } : {});
    const warnings: string[] = [...doc.warnings, ...imageWarnings];
    times.read = performance.now() - started;
    const key = buildKey(doc, options, images);
    await assertOutputFolder(outDir);
    await recoverFolder(outDir);
    if (!task.force) {
      const reused = await reusableOutputs(outDir, key);
      if (reused) return { status: 'reused', file, outDir, outputs: reused, warnings, failures: [], times };
    }
    const { files, failures: errors, warnings: writerWarnings } = await renderFormats(doc, options.formats, options.writer, { images }, times);
    warnings.push(...writerWarnings);
    const failures = errors.map((e) => ({ format: e.format, error: `${printableName(file)}: ${firstLine(e)}` }));
    if (files.length === 0) return { status: 'failed', file, outDir, error: failures.map((f) => f.error).join('\n'), failures };
    started = performance.now();
    const manifest: Manifest = { key: failures.length > 0 ? INCOMPLETE : key, outputs: files.map((f) => f.name) };
    await writeFolder(file, outDir, [...files, { name: MANIFEST, data: `${JSON.stringify(manifest, null, 2)}\n` }]);
    times.write = performance.now() - started;
    return { status: 'written', file, outDir, outputs: manifest.outputs, warnings, failures, times };
  } catch (error) {
    const message = error instanceof ArticleError ? error.message : `${printableName(file)}: ${firstLine(error)}`;
    return { status: 'failed', file, outDir, error: message };
  }
}

export type { ArticleOptions } from './key.js';
export { MANIFEST } from './key.js';
export { renderDocument, renderFormats, WriterError, type FormatFailure, type StageTimes } from './render.js';
