import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { ARTICLE_EXTENSIONS } from '../readers/index.js';
import { uniqueSlugs } from './slug.js';
import { processArticle, type ArticleOptions, type ArticleResult, type ArticleTask } from './article.js';

export interface BatchOptions extends ArticleOptions {
  readonly out: string;
  readonly jobs: number;
  readonly force: boolean;
  /** The folder images may be read from; each article's own folder when not given. */
  readonly resourceRoot?: string;
  /** Called as each article finishes, in completion order. */
  readonly onResult?: (result: ArticleResult, done: number, total: number) => void;
}

export interface BatchSummary {
  readonly articles: number;
  readonly written: number;
  readonly reused: number;
  readonly failed: number;
  /** Formats that failed in articles that were otherwise written. */
  readonly failedFormats: number;
  readonly outputs: number;
  readonly seconds: number;
  /** In input order, whatever order they finished in. */
  readonly results: readonly ArticleResult[];
}

/** The number of worker threads to use when none is asked for: one per core. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism());
}

async function articlesInFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await articlesInFolder(full)));
    else if (entry.isFile() && ARTICLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) found.push(full);
  }
  return found;
}

/**
 * The article files named by `paths`: files as given (whatever their
 * extension), folders searched recursively for `.txt`/`.md` files. A path
 * that does not exist is kept, so that it fails as an article with a clear line.
 */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      files.push(p);
      continue;
    }
    if (info.isDirectory()) files.push(...(await articlesInFolder(p)));
    else files.push(p);
  }
  // The same file named twice (`a.txt`, `./a.txt`) is one article.
  const seen = new Set<string>();
  return files.filter((file) => {
    const resolved = path.resolve(file);
    if (seen.has(resolved)) return false;
    seen.add(resolved);
    return true;
  });
}

/** The tasks of a batch: one per input, each with an output folder no other input shares. */
export function planTasks(files: readonly string[], options: Omit<BatchOptions, 'onResult' | 'jobs'>): ArticleTask[] {
  const slugs = uniqueSlugs(files);
  const { out, force, formats, overrides, writer, reader, resourceRoot } = options;
  return files.map((file) => ({
    file,
    outDir: path.join(out, slugs.get(file) ?? 'article'),
    options: { formats, overrides, writer, ...(reader ? { reader } : {}) },
    force,
    ...(resourceRoot !== undefined ? { resourceRoot } : {}),
  }));
}

/**
 * Processes every article, up to `jobs` at a time in worker threads (in this
 * thread when `jobs` is 1). One failing article never stops the others.
 */
export async function runBatch(files: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const tasks = planTasks(files, options);
  const results: ArticleResult[] = new Array<ArticleResult>(tasks.length);
  let done = 0;
  const finish = (index: number, result: ArticleResult): void => {
    results[index] = result;
    done++;
    options.onResult?.(result, done, tasks.length);
  };
  const jobs = Math.max(1, Math.min(options.jobs, tasks.length));
  if (jobs === 1) {
    for (const [index, task] of tasks.entries()) finish(index, await processArticle(task));
  } else {
    const pool = new Piscina<ArticleTask, ArticleResult>({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: jobs,
      maxThreads: jobs,
      idleTimeout: 1000,
    });
    try {
      await Promise.all(
        tasks.map(async (task, index) => {
          let result: ArticleResult;
          try {
            result = await pool.run(task);
          } catch (error) {
            // A worker that died (out of memory, a crash in native code) fails its article, not the batch.
            result = { status: 'failed', file: task.file, outDir: task.outDir, error: `${task.file}: worker failed: ${error instanceof Error ? error.message : String(error)}` };
          }
          finish(index, result);
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  const count = (status: ArticleResult['status']): number => results.filter((r) => r.status === status).length;
  return {
    articles: results.length,
    written: count('written'),
    reused: count('reused'),
    failed: count('failed'),
    failedFormats: results.reduce((n, r) => n + (r.status === 'failed' ? 0 : r.failures.length), 0),
    outputs: results.reduce((n, r) => n + (r.status === 'failed' ? 0 : r.outputs.length), 0),
    seconds: (performance.now() - started) / 1000,
    results,
  };
}
