import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import type { VerifyReport } from '../../src/verify/types.js';
import { decodeMp3, rmsBetween } from '../helpers/audio.js';
import { CONFORMANCE } from '../helpers/conformance.js';
import { TEST_VOICE, testVoicesDir } from '../helpers/piper.js';

/**
 * The whole pipeline with the Piper engine and the real voice (en_US-joe-medium),
 * as a user runs it: a real English article (Debian's FTP shutdown notice) and
 * an English article with a French paragraph, which eSpeak speaks. Every output
 * goes through `voxpress verify` (every validator under VOXPRESS_CONFORMANCE=1),
 * every clip must be heard, and a second run must write the same bytes.
 */
const run = promisify(execFile);
const CLI = path.resolve('dist/cli/bin.js');
const voices = testVoicesDir();

interface Timing {
  engine: string;
  voice: string;
  wordTimes?: string;
  durationMs: number;
  units: { id: string; startMs: number; endMs: number; wordsEstimated?: boolean }[];
}

async function voxpress(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, VOXPRESS_VOICES_DIR: voices ?? '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return out;
}

describe.skipIf(!voices)('voxpress --engine piper (real voice)', () => {
  let work: string;
  let first: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'voxpress-piper-'));
    await cp('tests/fixtures/real/debian-ftp-shutdown.md', path.join(work, 'in', 'debian-ftp-shutdown.md'));
    await cp('tests/fixtures/piper/mixed.md', path.join(work, 'in', 'mixed.md'));
    first = path.join(work, 'first');
    const result = await voxpress([path.join(work, 'in'), '-o', first, '--engine', 'piper', '--voice', TEST_VOICE, '--jobs', '2', '-q']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 300_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('writes every format, and every validator passes them', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'verify', first, '--json'], { maxBuffer: 1 << 26 }).catch((e: { stdout: string }) => e);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(report.articles.map((a) => a.folder).sort()).toEqual(['debian-ftp-shutdown', 'mixed']);
    for (const article of report.articles) {
      expect(article.files).toEqual(expect.arrayContaining(['narration.mp3', 'timing.json', 'narration.vtt', 'article.epub', 'article.pdf']));
      expect(article.checks.filter((c) => !c.passed)).toEqual([]);
    }
    if (CONFORMANCE) expect(report.missing).toEqual([]);
  }, 300_000);

  it('narrates with the Piper voice, every clip heard and as long as its words need', async () => {
    const doc = parseArticle(await readFile('tests/fixtures/real/debian-ftp-shutdown.md', 'utf8'), { format: 'markdown' });
    const folder = path.join(first, 'debian-ftp-shutdown');
    const timing = JSON.parse(await readFile(path.join(folder, 'timing.json'), 'utf8')) as Timing;
    expect(timing).toMatchObject({ engine: 'piper', voice: TEST_VOICE, wordTimes: 'estimated' });
    const decoded = await decodeMp3(await readFile(path.join(folder, 'narration.mp3')));
    expect(decoded.errors).toBe(0);
    const texts = new Map(doc.blocks.flatMap((b) => ('sentences' in b ? b.sentences.map((s) => [s.id, s.inlines.map((i) => ('text' in i ? i.text : '')).join('')] as const) : [])));
    for (const unit of timing.units) {
      expect(rmsBetween(decoded, unit.startMs, unit.endMs), unit.id).toBeGreaterThan(0.02);
      const words = (texts.get(unit.id) ?? '').split(/\s+/).filter(Boolean).length;
      if (words < 6) continue;
      // Numbers and abbreviations are said in more words than written: a wide but real bound.
      const wpm = words / ((unit.endMs - unit.startMs) / 60_000);
      expect(wpm, unit.id).toBeGreaterThan(60);
      expect(wpm, unit.id).toBeLessThan(260);
    }
  });

  it('speaks the French paragraph with eSpeak in French, the rest with the voice', async () => {
    const doc = parseArticle(await readFile('tests/fixtures/piper/mixed.md', 'utf8'), { format: 'markdown' });
    const french = doc.blocks.find((b) => b.type === 'paragraph' && b.lang === 'fr');
    expect(french, 'the fixture has a French paragraph').toBeDefined();
    const timing = JSON.parse(await readFile(path.join(first, 'mixed', 'timing.json'), 'utf8')) as Timing;
    expect(timing.voice).toBe(TEST_VOICE);
    // eSpeak reports where its words are and the Piper voice does not: the units with engine word times are eSpeak's.
    expect(timing.wordTimes).toBe('mixed');
    const frenchIds = french && 'sentences' in french ? french.sentences.map((s) => s.id) : [];
    expect(timing.units.filter((u) => u.wordsEstimated !== true).map((u) => u.id)).toEqual(frenchIds);
    const decoded = await decodeMp3(await readFile(path.join(first, 'mixed', 'narration.mp3')));
    for (const unit of timing.units) expect(rmsBetween(decoded, unit.startMs, unit.endMs), unit.id).toBeGreaterThan(0.02);
  });

  it('writes the same bytes on a second run', async () => {
    const second = path.join(work, 'second');
    const result = await voxpress([path.join(work, 'in'), '-o', second, '--engine', 'piper', '--voice', TEST_VOICE, '--jobs', '2', '-q']);
    expect(result.code).toBe(0);
    const [a, b] = await Promise.all([filesOf(first), filesOf(second)]);
    expect([...b.keys()].filter((f) => !f.includes('verify-report')).sort()).toEqual([...a.keys()].filter((f) => !f.includes('verify-report')).sort());
    for (const [name, bytes] of b) if (!name.includes('verify-report')) expect(bytes.equals(a.get(name) ?? Buffer.alloc(0)), name).toBe(true);
  }, 300_000);
});
