import os from 'node:os';
import { Piscina } from 'piscina';
import type { ArticleResult, ArticleTask } from './article.js';

/*
 * The worker threads articles run in. A worker takes about 50 ms to start and
 * load the pipeline's modules, which is a quarter of a short run: the CLI
 * starts one (`WarmPool`) before it loads its own modules, so both load at
 * once, and the batch takes it over when its settings fit.
 */

export interface ArticleBudget {
  /** Wall-clock seconds from the moment a worker takes the article; 0 or absent: no limit. */
  readonly seconds?: number;
  /** The worker's JavaScript heap (V8 old generation) in MiB; absent: Node's default. */
  readonly memoryMb?: number;
}

/** The budget the command line applies unless told otherwise: ten minutes (a long article with audio takes a few), 4 GiB. */
export const DEFAULT_BUDGET: Required<ArticleBudget> = { seconds: 600, memoryMb: 4096 };

/**
 * The number of worker threads to use when none is asked for: one per core.
 * Each worker's articles have MP3 encoder threads of their own, so `--jobs 1`
 * already keeps most of two cores busy, and a second worker adds less than
 * the core count suggests. Measured on 2 cores, the bench's 40-article batch
 * with all formats (2026-12-07, `/usr/bin/time`, one run each): `--jobs 1`
 * 52.5 s for 92.8 s of CPU (1.77 cores busy), 359 MB; `--jobs 2` 44.9 s (1.17×
 * faster), 576 MB. Without audio (json, ssml, pdf, epub) the same batch took
 * 2.32 s with one worker and 2.57 s with two, the second worker's start and
 * font parsing costing more than it saves on 40 short articles. On
 * 2026-12-08 (40 copies of the sample, all formats, two alternating runs
 * each): `--jobs 1` 14.3-14.4 s (23.7-24.1 s of CPU, 280 MB), `--jobs 2`
 * 13.3-13.6 s (1.07× faster, 405-412 MB); 10 copies, three runs each: 4.3-4.6
 * s against 4.6-4.8 s, one worker faster. The default does not depend on the
 * formats: longer batches without audio, and more workers than cores, were
 * not measured.
 */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * The MP3 encoder threads each article may share its narration's segments out
 * to (speech/audio/mp3-segments.ts): the cores left to each of the `jobs`
 * articles that run at once, at most three, as LAME encodes about 3.5 times
 * slower than eSpeak speaks (the sample: 750 ms against 213 ms of CPU), so
 * that three keep up with one synthesis. Two for a lone article on two cores,
 * one each when every core has an article; the bytes do not depend on it.
 */
export function encoderThreadsPerArticle(jobs: number, cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(3, Math.floor(cores / Math.max(1, jobs))));
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

export type ArticlePool = Piscina<ArticleTask, ArticleResult>;

/** The module each worker runs: the pipeline's entry point (`worker.ts`, beside this file once built). */
const WORKER = new URL('./worker.js', import.meta.url);

/** A pool of up to `jobs` worker threads whose heaps are held to `budget`; `worker` is for tests. */
export function createPool(jobs: number, budget: ArticleBudget, worker: URL = WORKER): ArticlePool {
  return new Piscina<ArticleTask, ArticleResult>({
    filename: worker.href,
    // No minimum: piscina would start a replacement for a worker stopped over time even when the batch is ending,
    // and a worker terminated while it still loads modules can abort Node 20 (V8's module checks, nodejs/node#43182).
    minThreads: 0,
    maxThreads: jobs,
    idleTimeout: 1000,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(budget.memoryMb !== undefined ? { maxOldGenerationSizeMb: budget.memoryMb } : {}) },
  });
}

/** Whether a pool made for `made` can run a batch of `jobs` lanes within `wanted`: the batch never runs more tasks than it has lanes, so more threads than lanes do no harm. */
export function poolFits(made: { jobs: number; budget: ArticleBudget }, jobs: number, wanted: ArticleBudget): boolean {
  return jobs <= made.jobs && made.budget.memoryMb === wanted.memoryMb;
}

/**
 * A pool with one worker already starting. It is either taken by a batch,
 * which then owns it, or released; never both. Its worker is waited for
 * before the pool is handed over or destroyed, so that no task's clock starts
 * while the worker still loads and no worker is terminated mid-load.
 */
export class WarmPool {
  readonly jobs: number;
  readonly budget: ArticleBudget;
  readonly #pool: ArticlePool;
  /** Settles when the first worker has loaded the pipeline; a worker that fails to start fails the articles instead, with their names. */
  readonly #loaded: Promise<void>;
  #state: 'warm' | 'taken' | 'released' = 'warm';
  #released: Promise<void> | undefined;

  constructor(jobs: number, budget: ArticleBudget, worker: URL = WORKER) {
    this.jobs = jobs;
    this.budget = budget;
    this.#pool = createPool(jobs, budget, worker);
    // The worker's `warm` export takes no task: its module loading is the work.
    this.#loaded = this.#pool.run(undefined as unknown as ArticleTask, { name: 'warm' }).then(
      () => undefined,
      () => undefined,
    );
  }

  /** The pool, once its first worker is ready, for a batch that fits it; undefined when it does not fit or is no longer warm. */
  async take(jobs: number, budget: ArticleBudget): Promise<ArticlePool | undefined> {
    if (this.#state !== 'warm' || !poolFits(this, jobs, budget)) return undefined;
    this.#state = 'taken';
    await this.#loaded;
    return this.#pool;
  }

  /** Stops the pool unless a batch took it (the batch destroys what it takes). Safe to call more than once. */
  release(): Promise<void> {
    if (this.#state === 'taken') return Promise.resolve();
    this.#state = 'released';
    this.#released ??= this.#loaded.then(() => this.#pool.destroy());
    return this.#released;
  }
}
