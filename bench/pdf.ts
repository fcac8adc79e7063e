import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Document } from '../src/model/types.js';
import { textBlocks } from '../src/model/walk.js';
import { renderPdf } from '../src/writers/pdf/index.js';
import type { Corpus } from './corpus.js';

/**
 * The PDF stage: time for the sample and for the 200-article batch, peak
 * memory, and the ratio against LibreOffice's PDF/UA export of the same text
 * when `soffice` is installed.
 */

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function hasSoffice(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The article as simple HTML, LibreOffice's input for the same text. */
function html(doc: Document): string {
  const body = textBlocks(doc)
    .map((b) => {
      const text = escapeHtml(b.sentences.map((s) => s.text).join(' '));
      return b.type === 'heading' ? `<h${b.level + 1}>${text}</h${b.level + 1}>` : `<p>${text}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html lang="${escapeHtml(doc.meta.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(doc.meta.title)}</title></head><body><h1>${escapeHtml(doc.meta.title)}</h1>\n${body}</body></html>`;
}

const PDFUA_EXPORT = 'pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"}}';

/** Milliseconds for LibreOffice to turn the documents into PDF/UA in one headless run. */
function libreOfficeMs(docs: readonly Document[]): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'voxpress-bench-lo-'));
  try {
    const files = docs.map((doc, i) => {
      const file = path.join(dir, `article-${i}.html`);
      writeFileSync(file, html(doc));
      return file;
    });
    const profile = `file://${path.join(dir, 'profile')}`;
    const started = performance.now();
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', PDFUA_EXPORT, '--outdir', path.join(dir, 'out'), ...files], { stdio: 'ignore', timeout: 600_000 });
    const elapsed = performance.now() - started;
    const made = readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.pdf')).length;
    if (made !== docs.length) throw new Error(`LibreOffice wrote ${made} of ${docs.length} PDFs`);
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPdf(corpus: Corpus): Promise<string[]> {
  const lines: string[] = [];
  // Warm-up: fonts are read and parsed once per process, and the JIT settles.
  const coldStart = performance.now();
  await renderPdf(corpus.sample);
  const coldMs = performance.now() - coldStart;
  for (let i = 0; i < 10; i++) await renderPdf(corpus.sample);
  const sampleTimes: number[] = [];
  let sampleBytes = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    sampleBytes = (await renderPdf(corpus.sample)).length;
    sampleTimes.push(performance.now() - started);
  }
  const sampleMs = median(sampleTimes);
  lines.push(`pdf: sample article ${sampleMs.toFixed(1)} ms (median of 20, warm; first in process ${coldMs.toFixed(0)} ms), ${(sampleBytes / 1024).toFixed(1)} KiB`);

  let peakRss = process.memoryUsage().rss;
  let totalBytes = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (const doc of corpus.batch) {
    totalBytes += (await renderPdf(doc)).length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const batchMs = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  const cpuPerArticle = (cpuUsed.user + cpuUsed.system) / 1000 / corpus.batch.length;
  const perArticle = batchMs / corpus.batch.length;
  lines.push(`pdf: ${corpus.batch.length}-article batch ${(batchMs / 1000).toFixed(2)} s (${perArticle.toFixed(1)} ms/article wall, ${cpuPerArticle.toFixed(1)} ms CPU, one thread), ${(totalBytes / 1024 / 1024).toFixed(1)} MiB written, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);

  if (!hasSoffice()) {
    lines.push('pdf: LibreOffice (soffice) is not installed: no comparison (apt-get install libreoffice-writer-nogui)');
    return lines;
  }
  const single = libreOfficeMs([corpus.sample]);
  lines.push(`pdf: LibreOffice PDF/UA export of the sample ${single.toFixed(0)} ms (one soffice run, start-up included): voxpress ${(single / sampleMs).toFixed(0)}x faster`);
  const some = corpus.batch.slice(0, 20);
  const batch = libreOfficeMs(some);
  const loPerArticle = batch / some.length;
  lines.push(`pdf: LibreOffice PDF/UA export of ${some.length} batch articles in one soffice run ${(batch / 1000).toFixed(2)} s (${loPerArticle.toFixed(0)} ms/article): voxpress ${(loPerArticle / perArticle).toFixed(0)}x faster per article`);
  return lines;
}
