import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { recoverFolder } from '../io/atomic.js';
import { ARTICLE_EXTENSIONS } from '../readers/registry.js';
import { printableName } from '../shared/errors.js';
import { createPool, encoderThreadsPerArticle, type ArticleBudget, type WarmPool } from './pool.js';
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
  /** A pool already starting (the CLI starts one before it loads): used when it fits `jobs` and `budget`, released when it does not. */
  readonly warmPool?: WarmPool;
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

/** Runs the tasks in a pool of `jobs` worker threads, each article within the budget; a worker that dies or overruns is stopped, and the next task that needs one starts a new one (no minimum is kept, so none starts as the batch ends). */
async function runInWorkers(tasks: readonly ArticleTask[], jobs: number, budget: ArticleBudget, warmPool: WarmPool | undefined, finish: (index: number, result: ArticleResult) => void): Promise<void> {
  const taken = await warmPool?.take(jobs, budget);
  // An unfitting warm pool is stopped while this batch runs, not left idle beside it.
  const released = taken ? undefined : warmPool?.release();
  const pool = taken ?? createPool(jobs, budget);
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
    await Promise.all([pool.destroy(), released]);
  }
  // A worker stopped while swapping an article's folder in leaves the old folder aside: put it back now, not next run.
  for (const task of interrupted) await recoverFolder(task.outDir).catch(() => undefined);
}

/** The tasks with the MP3 encoder threads each article may use while `jobs` articles run at once. */
function withEncoderThreads(tasks: readonly ArticleTask[], jobs: number): ArticleTask[] {
  const encoderThreads = encoderThreadsPerArticle(jobs);
  return tasks.map((task) => ({ ...task, encoderThreads }));
}

/**
 * Processes every article, up to `jobs` at a time in worker threads (in this
 * thread when `jobs` is 1 and there is no budget). One failing article never
 * stops the others.
 */
export async function runBatch(files: readonly string[], options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const planned = planTasks(files, options);
  const results: ArticleResult[] = new Array<ArticleResult>(planned.length);
  let done = 0;
  const finish = (index: number, result: ArticleResult): void => {
    results[index] = result;
    done++;
    options.onResult?.(result, done, planned.length);
  };
  const jobs = Math.max(1, Math.min(options.jobs, planned.length));
  const budget = options.budget;
  const tasks = withEncoderThreads(planned, jobs);
  if (jobs === 1 && !budget) {
    // Loaded here, not at the top: the CLI runs articles in workers, and its own thread need not load the writers.
    const { processArticle } = await import('./article.js');
    for (const [index, task] of tasks.entries()) finish(index, await processArticle(task));
  } else {
    await runInWorkers(tasks, jobs, budget ?? {}, options.warmPool, finish);
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
