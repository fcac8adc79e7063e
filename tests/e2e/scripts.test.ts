import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';
import type { Document } from '../../src/model/types.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { checkPdfUa } from '../../src/verify/pdfua.js';
import { decodeMp3 } from '../helpers/audio.js';
import { skipWithout } from '../helpers/conformance.js';
import { epubcheckTs, problems as epubProblems } from '../helpers/epub.js';

/*
 * Characters that once cost readers every format (issue #10): the Rust 1.0
 * announcement, an English article with one contributor's name in Japanese,
 * and an article with a private-use character. Both now produce every
 * default format, each checked by its validator; the name is in the PDF's
 * text and the private-use character is drawn as a substitute with a warning.
 */
const CLI = path.resolve('dist/cli/bin.js');
const DEFAULT_OUTPUTS = ['article.epub', 'article.pdf', 'document.json', 'narration.mp3', 'narration.ssml', 'narration.vtt', 'timing.json'];
const skipPoppler = skipWithout('pdftotext');

let input: string;
let out: string;
let result: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  input = await mkdtemp(path.join(os.tmpdir(), 'voxpress-scripts-in-'));
  out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-scripts-out-'));
  await copyFile('tests/fixtures/real/rust-1.0.md', path.join(input, 'rust-1.0.md'));
  await writeFile(path.join(input, 'private-use.md'), '---\ntitle: A private character\nlang: en\n---\nThe logo \uE000 is a private-use character. The rest of the sentence is fine.\n');
  const run = spawnSync(process.execPath, [CLI, input, '--out', out, '--jobs', '2', '--json'], { encoding: 'utf8' });
  result = { status: run.status, stdout: run.stdout, stderr: run.stderr };
}, 300_000);

afterAll(async () => {
  await rm(input, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('articles with characters outside the Latin fonts', () => {
  it('succeeds and warns only about the private-use character, naming where it is', () => {
    expect(result.status).toBe(0);
    const summary = JSON.parse(result.stdout) as { written: number; results: { file: string; warnings: string[]; failures: unknown[] }[] };
    expect(summary.written).toBe(2);
    expect(summary.results.map((r) => [path.basename(r.file), r.warnings, r.failures])).toEqual([
      ['private-use.md', ['pdf: no embedded font has "\uE000" (U+E000) in p1s1: drawn as \uFFFD, kept in the text layer'], []],
      ['rust-1.0.md', [], []],
    ]);
  });

  it.each(['rust-1-0', 'private-use'])('%s: writes every default format, each valid', async (slug) => {
    const file = (name: string): string => path.join(out, slug, name);
    expect((await readdir(path.join(out, slug))).filter((n) => !n.startsWith('.')).sort()).toEqual(DEFAULT_OUTPUTS);
    expect(documentProblems(JSON.parse(await readFile(file('document.json'), 'utf8')) as Document)).toEqual([]);
    expect(ssmlProblems(await readFile(file('narration.ssml'), 'utf8'))).toEqual([]);
    expect(await checkPdfUa(await readFile(file('article.pdf')))).toEqual([]);
    expect(epubProblems(await epubcheckTs(await readFile(file('article.epub'))))).toEqual([]);
    expect((await decodeMp3(await readFile(file('narration.mp3')))).errors).toBe(0);
  }, 120_000);

  it.skipIf(skipPoppler)('prints the Japanese name in the PDF, in its own font, and the private-use character as a substitute', () => {
    const text = (slug: string): string => execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(out, slug, 'article.pdf'), '-'], { encoding: 'utf8' });
    expect(text('rust-1-0')).toContain('らいどっと');
    expect(text('private-use')).toContain('The logo \uFFFD is a private-use character.');
    const fonts = execFileSync('pdffonts', [path.join(out, 'rust-1-0', 'article.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSansJP-Regular\s/);
  });
});
