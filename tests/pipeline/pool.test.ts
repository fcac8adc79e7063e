import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET, encoderThreadsPerArticle, poolFits, WarmPool } from '../../src/pipeline/pool.js';

const WORKER = new URL('../fixtures/pool/worker.mjs', import.meta.url);
const TASK = { file: 'a.txt', outDir: 'out/a', options: { formats: ['json'], overrides: {}, writer: {} }, force: false };

describe('encoderThreadsPerArticle', () => {
  it('shares the cores among the articles that run at once, at least one and at most three each', () => {
    expect(encoderThreadsPerArticle(1, 2)).toBe(2);
    expect(encoderThreadsPerArticle(2, 2)).toBe(1);
    expect(encoderThreadsPerArticle(3, 2)).toBe(1);
    expect(encoderThreadsPerArticle(2, 8)).toBe(3);
    expect(encoderThreadsPerArticle(1, 1)).toBe(1);
    expect(encoderThreadsPerArticle(0, 4)).toBe(3);
  });
});

describe('poolFits', () => {
  const made = { jobs: 2, budget: DEFAULT_BUDGET };
  it('takes a batch with no more lanes than the pool has threads and the same heap limit', () => {
    expect(poolFits(made, 1, DEFAULT_BUDGET)).toBe(true);
    expect(poolFits(made, 2, { seconds: 5, memoryMb: DEFAULT_BUDGET.memoryMb })).toBe(true);
  });
  it('refuses more lanes than threads, or another heap limit', () => {
    expect(poolFits(made, 3, DEFAULT_BUDGET)).toBe(false);
    expect(poolFits(made, 1, { ...DEFAULT_BUDGET, memoryMb: 128 })).toBe(false);
    expect(poolFits(made, 1, {})).toBe(false);
  });
});

describe('WarmPool', () => {
  it('is handed, once its worker has loaded, to the one batch that fits it', async () => {
    const warm = new WarmPool(2, DEFAULT_BUDGET, WORKER);
    expect(await warm.take(3, DEFAULT_BUDGET)).toBeUndefined();
    const pool = await warm.take(1, DEFAULT_BUDGET);
    // The warm-up task has run, so the worker's module has loaded: an article's clock will not start while it loads.
    expect(pool?.completed).toBe(1);
    expect(pool?.threads).toHaveLength(1);
    expect(await warm.take(1, DEFAULT_BUDGET)).toBeUndefined();
    // Taken, it is the batch's to run and destroy: releasing it does nothing.
    await warm.release();
    expect(await pool!.run(TASK)).toMatchObject({ file: 'a.txt', error: 'fixture' });
    expect(pool!.threads).toHaveLength(1);
    await pool!.destroy();
  });

  it('is destroyed when released untaken, and then never handed over', async () => {
    const warm = new WarmPool(1, DEFAULT_BUDGET, WORKER);
    await Promise.all([warm.release(), warm.release()]);
    expect(await warm.take(1, DEFAULT_BUDGET)).toBeUndefined();
  });
});
