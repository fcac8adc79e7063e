import type { Document } from '../src/model/types.js';
import { spokenUnits } from '../src/speech/script.js';
import { ssmlFiles } from '../src/writers/ssml.js';
import type { Corpus } from './corpus.js';

/*
 * The SSML stage: speech normalisation + SSML building + schema validation
 * (narration.ssml and every spoken unit, as the pipeline makes them), per article.
 */

function ssmlStage(doc: Document, profile?: 'polly'): number {
  const files = ssmlFiles(doc, profile ? { script: { profile } } : {});
  const units = spokenUnits(doc);
  return files.length + units.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Fresh copies, so that no run reuses the narration script cached for a document object by an earlier run. */
function fresh(docs: readonly Document[]): Document[] {
  return docs.map((doc) => structuredClone(doc));
}

function timeBatch(docs: readonly Document[], profile?: 'polly'): number {
  const copies = fresh(docs);
  const started = performance.now();
  for (const doc of copies) ssmlStage(doc, profile);
  return performance.now() - started;
}

export async function benchSsml(corpus: Corpus): Promise<string[]> {
  // Warm-up: the schema is compiled once per process (reported separately).
  const cold = performance.now();
  ssmlStage(corpus.sample);
  const firstCall = performance.now() - cold;

  const sampleRuns: number[] = [];
  for (const copy of fresh(Array.from({ length: 50 }, () => corpus.sample))) {
    const started = performance.now();
    ssmlStage(copy);
    sampleRuns.push(performance.now() - started);
  }
  const batchMs = timeBatch(corpus.batch);
  const pollyMs = timeBatch(corpus.batch, 'polly');
  const sentencesInBatch = corpus.batch.reduce((n, doc) => n + spokenUnits(doc).length, 0);
  const n = corpus.batch.length;
  return [
    `ssml: first call (schema compile + sample) ${firstCall.toFixed(1)} ms`,
    `ssml: sample article ${median(sampleRuns).toFixed(2)} ms (median of ${sampleRuns.length}; normalisation + narration.ssml + ${spokenUnits(corpus.sample).length} unit documents, all schema-validated)`,
    `ssml: ${n}-article batch ${batchMs.toFixed(0)} ms, ${(batchMs / n).toFixed(2)} ms per article (${sentencesInBatch} spoken units)`,
    `ssml: ${n}-article batch with --ssml-profile polly ${pollyMs.toFixed(0)} ms, ${(pollyMs / n).toFixed(2)} ms per article`,
  ];
}
