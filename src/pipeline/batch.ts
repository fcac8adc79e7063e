import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { recoverFolder } from '../io/atomic.js';
import { ARTICLE_EXTENSIONS } from '../readers/registry.js';
import { printableName } from '../shared/errors.js';
import { uniqueSlugs } from './slug.js';
import type { ArticleOptions, ArticleResult, ArticleTask } from './article.js';

export interface BatchOptions extends ArticleOptions {
  readonly out: string;
  readonly jobs: number;
  readonly force: boolean;
  /** The folder images may be read from; each article's own folder when not given. */
  readonly resourceRoot?: string;
  /**
   * What one article may take before it fails alone (`--article-timeout`,
   * `--article-memory`). With a budget every article runs in a worker thread,
   * `jobs` 1 included, as only a thread can be stopped from outside; without
   * one, `jobs` 1 runs in this thread.
   */
  readonly budget?: ArticleBudget;
  /** Called as each article finishes, in completion order. */
  readonly onResult?: (result: ArticleResult, done: number, total: number) => void;
}

export interface ArticleBudget {
  /** Wall-clock seconds from the moment a worker takes the article; 0 or absent: no limit. */
  readonly seconds?: number;
  /** The worker's JavaScript heap (V8 old generation) in MiB; absent: Node's default. */
  readonly memoryMb?: number;
}

/** The budget the command line applies unless told otherwise: ten minutes (a long article with audio takes a few), 4 GiB. */
export const DEFAULT_BUDGET: Required<ArticleBudget> = { seconds: 600, memoryMb: 4096 };

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

/**
 * The number of worker threads to use when none is asked for: one per core.
 * Each worker has an MP3 encoder thread of its own, so `--jobs 1` already
 * keeps about 1.4 cores busy; even so, on 2 cores a 40-article batch ran
 * 1.38× faster with 2 workers than with 1 (`npm run bench`, 5 runs each:
 * 119.7 s against 166.8 s; 1.53× in an earlier 3-run measurement), for 655
 * MiB of peak memory against 370 MiB. More workers than cores were not
 * measured.
 */
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
export function planTasks(files: readonly string[], options: Omit<BatchOptions, 'onResult' | 'jobs' | 'budget'>): ArticleTask[] {
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

/** Why a worker did not return an article's result, as the one line the user sees. */
function workerFailure(task: ArticleTask, error: unknown, budget: ArticleBudget): string {
  const name = printableName(task.file);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof Error && error.name === 'AbortError') return `${name}: took longer than the limit of ${budget.seconds} s per article (--article-timeout)`;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return `${name}: needed more memory than the limit of ${budget.memoryMb ?? 'the default'} MiB per article (--article-memory)`;
  const message = error instanceof Error ? error.message : String(error);
  return `${name}: worker failed: ${message.split('\n')[0] ?? message}`;
}

/**
 * The young generation of each worker's heap, in MiB. An article's work makes
 * many short-lived strings and arrays, and V8's default lets the young
 * generation grow to tens of MiB that the process then keeps. At 8 MiB the
 * sample's peak fell from about 320 to 286 MB and the two-hour article's from
 * 479 to 443 MB (`/usr/bin/time`), with no slower run measured (hyperfine, 8
 * runs of the sample each at 0, 4, 8 and 16: 2.23, 2.10, 2.15 and 2.22 s,
 * σ about 0.15 s; 10 articles of the bench's batch took as long as without it).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

type ArticlePool = Piscina<ArticleTask, ArticleResult>;

/** A pool of `jobs` worker threads whose articles run within `budget`. */
function createPool(jobs: number, budget: ArticleBudget): ArticlePool {
  return new Piscina<ArticleTask, ArticleResult>({
    filename: new URL('./worker.js', import.meta.url).href,
    // No minimum: piscina would start a replacement for a worker stopped over time even when the batch is ending,
    // and a worker terminated while it still loads modules can abort Node 20 (V8's module checks, nodejs/node#43182).
    minThreads: 0,
    maxThreads: jobs,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(budget.memoryMb !== undefined ? { maxOldGenerationSizeMb: budget.memoryMb } : {}) },
  });
}

/** Runs the tasks in a pool of `jobs` worker threads, each article within the budget; a worker that dies or overruns is stopped, and the next task that needs one starts a new one (no minimum is kept, so none starts as the batch ends). */
async function runInWorkers(tasks: readonly ArticleTask[], jobs: number, budget: ArticleBudget, finish: (index: number, result: ArticleResult) => void): Promise<void> {
  const pool = createPool(jobs, budget);
  const interrupted: ArticleTask[] = [];
  let next = 0;
  // Never more tasks in the pool than threads, so an article's clock starts when a worker takes it, not while it waits.
  const lane = async (): Promise<void> => {
    for (let index = next++; index < tasks.length; index = next++) {
      const task = tasks[index]!;
      let result: ArticleResult;
      try {
        result = await pool.run(task, budget.seconds ? { signal: AbortSignal.timeout(budget.seconds * 1000) } : {});
      } catch (error) {
        // A worker stopped (over time), out of memory or crashed fails its article, not the batch.
        interrupted.push(task);
        result = { status: 'failed', file: task.file, outDir: task.outDir, error: workerFailure(task, error, budget) };
      }
      finish(index, result);
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, lane));
  } finally {
    await pool.destroy();
  }
  // A worker stopped while swapping an article's folder in leaves the old folder aside: put it back now, not next run.
  for (const task of interrupted) await recoverFolder(task.outDir).catch(() => undefined);
}

/**
 * Processes every article, up to `jobs` at a time in worker threads (in this
 * thread when `jobs` is 1 and there is no budget). One failing article never
 * stops the others.
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
  const budget = options.budget;
  if (jobs === 1 && !budget) {
    // Loaded here, not at the top: the CLI runs articles in workers, and its own thread need not load the writers.
    const { processArticle } = await import('./article.js');
    for (const [index, task] of tasks.entries()) finish(index, await processArticle(task));
  } else {
    await runInWorkers(tasks, jobs, budget ?? {}, finish);
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
