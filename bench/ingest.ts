import { parseArticle } from '../src/readers/index.js';
import { sentences } from '../src/model/walk.js';
import type { Corpus } from './corpus.js';

function millis(started: number): number {
  return performance.now() - started;
}

/** Reading and segmenting: the sample, and the whole 200-article batch on one core. */
export async function benchIngest(corpus: Corpus): Promise<string[]> {
  const lines: string[] = [];
  // Warm up the JIT and sbd's tables so the figures are steady-state.
  for (let i = 0; i < 20; i++) parseArticle(corpus.sampleText);
  let started = performance.now();
  const rounds = 50;
  for (let i = 0; i < rounds; i++) parseArticle(corpus.sampleText);
  lines.push(`read+segment sample: ${(millis(started) / rounds).toFixed(2)} ms per article (${sentences(corpus.sample).length} sentences)`);
  started = performance.now();
  let count = 0;
  for (const text of corpus.batchTexts) count += sentences(parseArticle(text)).length;
  const batchMs = millis(started);
  lines.push(`read+segment 200-article batch (${count} sentences): ${(batchMs / 1000).toFixed(3)} s on one core (target < 2 s)`);
  return lines;
}
