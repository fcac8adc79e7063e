/**
 * `npm run bench`: per-stage figures on the sample and on a seeded batch of
 * 200 articles. Numbers are printed, never asserted.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runBatch } from '../src/pipeline/batch.js';
import { DEFAULT_FORMATS } from '../src/writers/index.js';
import { loadCorpus, type Corpus } from './corpus.js';
import { benchAudio } from './audio.js';
import { benchEpub } from './epub.js';
import { benchIngest } from './ingest.js';
import { benchPdf } from './pdf.js';
import { benchSsml } from './ssml.js';

type Stage = [name: string, run: (corpus: Corpus) => Promise<string[]>];

const STAGES: Stage[] = [
  ['ingest', benchIngest],
  ['ssml', benchSsml],
  ['audio', benchAudio],
  ['epub', benchEpub],
  ['pdf', benchPdf],
];

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** Whole-pipeline throughput through the batch runner, as the CLI runs it, for 1 and 2 jobs. */
async function benchBatch(corpus: Corpus, formats: readonly string[], articles: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-bench-'));
  const input = path.join(dir, 'input');
  await mkdir(input);
  const files: string[] = [];
  for (const [i, text] of corpus.batchTexts.slice(0, articles).entries()) {
    const file = path.join(input, `article-${String(i).padStart(3, '0')}.txt`);
    await writeFile(file, text);
    files.push(file);
  }
  const lines: string[] = [];
  for (const jobs of [1, 2]) {
    const summary = await runBatch(files, { out: path.join(dir, `out-${jobs}`), jobs, force: true, formats, overrides: {}, writer: {} });
    lines.push(
      `pipeline [${formats.join(',')}] ${articles} articles, --jobs ${jobs}: ${summary.seconds.toFixed(2)} s, ${(articles / summary.seconds).toFixed(1)} articles/s` +
        (summary.failed ? ` (${summary.failed} failed)` : ''),
    );
  }
  await rm(dir, { recursive: true, force: true });
  return lines;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const corpus = await loadCorpus(path.resolve('input/khorev-asif-meeting.txt'));
  console.log(`voxpress bench: Node ${process.version}, ${os.availableParallelism()} cores; sample + 200 generated articles (seed 2024)`);
  let peak = process.memoryUsage().rss;
  for (const [name, run] of STAGES) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`\n## ${name}`);
    for (const line of await run(corpus)) console.log(`  ${line}`);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`  rss after stage: ${mib(process.memoryUsage().rss)}`);
  }
  if (only.length === 0 || only.includes('batch')) {
    console.log('\n## batch (whole pipeline through the worker pool)');
    for (const line of await benchBatch(corpus, ['json'], 200)) console.log(`  ${line}`);
    if (DEFAULT_FORMATS.length > 1) for (const line of await benchBatch(corpus, DEFAULT_FORMATS, 10)) console.log(`  ${line}`);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`\npeak rss (main thread, sampled between stages): ${mib(peak)}; max rss reported by the OS: ${mib(process.resourceUsage().maxRSS * 1024)}`);
}

await main();
