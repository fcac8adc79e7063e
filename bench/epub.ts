import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Block, Document } from '../src/model/types.js';
import { buildEpub } from '../src/writers/epub/build.js';
import type { Corpus } from './corpus.js';

const run = promisify(execFile);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function blockMarkdown(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${block.sentences.map((s) => s.text).join(' ')}`;
    case 'paragraph':
      return block.sentences.map((s) => s.text).join(' ');
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item.blocks.map(blockMarkdown).join(' ')}`).join('\n');
    case 'quote':
      return block.blocks.map((b) => `> ${blockMarkdown(b)}`).join('\n>\n');
    case 'figure':
      return `![${block.alt}](${block.src})`;
  }
}

/** The same article as Markdown with YAML metadata, for pandoc. */
export function articleMarkdown(doc: Document): string {
  const meta = [`title: ${JSON.stringify(doc.meta.title)}`, `lang: ${doc.meta.lang}`, ...(doc.meta.date ? [`date: ${doc.meta.date}`] : [])];
  return `---\n${meta.join('\n')}\n---\n\n${doc.blocks.map(blockMarkdown).join('\n\n')}\n`;
}

function hasPandoc(): boolean {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function timePandoc(files: readonly string[], out: string): Promise<number> {
  const started = performance.now();
  for (const file of files) await run('pandoc', ['-f', 'markdown', '-t', 'epub3', '-o', out, file]);
  return performance.now() - started;
}

/**
 * The EPUB stage: median time for the sample (in process, after a warm-up)
 * and the total for the 200-article batch (one after another), each against
 * pandoc converting the same articles from Markdown to EPUB 3 (a process per
 * article, as pandoc is used).
 */
export async function benchEpub(corpus: Corpus): Promise<string[]> {
  const lines: string[] = [];
  await buildEpub(corpus.sample);
  const runs: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = performance.now();
    await buildEpub(corpus.sample);
    runs.push(performance.now() - started);
  }
  const sampleMs = median(runs);
  let started = performance.now();
  for (const doc of corpus.batch) await buildEpub(doc);
  const batchMs = performance.now() - started;
  lines.push(`epub: sample ${sampleMs.toFixed(1)} ms (median of ${runs.length}); batch of ${corpus.batch.length} ${(batchMs / 1000).toFixed(2)} s (${(batchMs / corpus.batch.length).toFixed(1)} ms/article)`);

  if (!hasPandoc()) {
    lines.push('epub: pandoc not installed, no comparison');
    return lines;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'voxpress-bench-epub-'));
  try {
    const out = path.join(dir, 'out.epub');
    const sampleMd = path.join(dir, 'sample.md');
    await writeFile(sampleMd, articleMarkdown(corpus.sample));
    await timePandoc([sampleMd], out);
    const pandocRuns: number[] = [];
    for (let i = 0; i < 5; i++) pandocRuns.push(await timePandoc([sampleMd], out));
    const pandocSample = median(pandocRuns);
    const batchFiles: string[] = [];
    for (const [i, doc] of corpus.batch.entries()) {
      const file = path.join(dir, `batch-${i}.md`);
      await writeFile(file, articleMarkdown(doc));
      batchFiles.push(file);
    }
    const pandocBatch = await timePandoc(batchFiles, out);
    lines.push(
      `epub vs pandoc (Markdown -> EPUB 3): sample ${pandocSample.toFixed(1)} ms, ratio ${(sampleMs / pandocSample).toFixed(2)}; batch ${(pandocBatch / 1000).toFixed(2)} s, ratio ${(batchMs / pandocBatch).toFixed(2)} (below 1: voxpress faster)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return lines;
}
