import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';
import { sentences } from '../../src/model/walk.js';
import type { Document } from '../../src/model/types.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { decodeMp3 } from '../helpers/audio.js';
import { articleContext } from '../../src/verify/folders.js';
import type { Job, Located, Outcome, Validator } from '../../src/verify/validator.js';
import { EPUBCHECK5, EPUBCHECK_DEBIAN } from '../../src/verify/tools/epubcheck.js';
import { MPG123, DURATION_TOLERANCE_MS } from '../../src/verify/tools/mpg123.js';
import { MUTAGEN } from '../../src/verify/tools/mutagen.js';
import { VERAPDF } from '../../src/verify/tools/verapdf.js';
import { skipUnlessFound } from '../helpers/conformance.js';
import { checkPdfUa } from '../../src/verify/pdfua.js';
import { parseVtt, shown } from '../helpers/vtt.js';
import { cueOf } from '../../src/verify/checks/vtt.js';
import { epubcheckTs, problems as epubProblems, unzip } from '../helpers/epub.js';

/**
 * The whole product, as a newsroom runs it: the built CLI with its default
 * formats on the sample, a Markdown feature (list, quote, link, image) and two
 * hostile articles (XML specials, quotes, control characters, emoji, RTL),
 * in two worker threads; then every file it wrote is checked by a real
 * validator or parser, and the ids are checked to agree across all of them.
 */
const CLI = path.resolve('dist/cli/bin.js');

interface Timing {
  durationMs: number;
  units: { id: string; startMs: number; endMs: number; words: { text: string; startMs: number; endMs: number }[] }[];
}

let out: string;
const articles = ['khorev-asif-meeting', 'features', 'hostile-markdown', 'hostile-text'];

/*
 * The auditors' validators, each run once on the file of every article (one
 * JVM for all PDFs, one per EPUBCheck for all books), through the adapters `voxpress
 * verify` uses: veraPDF, EPUBCheck 5 and Debian's 4.2.6, mpg123 (stream errors; decoded length =
 * timing.json's durationMs within DURATION_TOLERANCE_MS, the rounding of the
 * frame count's duration to whole ms) and Mutagen (ID3 title, artist and
 * chapters read back independently of node-id3).
 */
const EXTERNAL: readonly [Validator, string, string][] = [
  [VERAPDF, 'article.pdf', 'veraPDF (VOXPRESS_VERAPDF_CP)'],
  [EPUBCHECK5, 'article.epub', 'EPUBCheck 5 (VOXPRESS_EPUBCHECK5_CP)'],
  [EPUBCHECK_DEBIAN, 'article.epub', 'EPUBCheck 4.2.6 (Debian epubcheck)'],
  [MPG123, 'narration.mp3', 'mpg123'],
  [MUTAGEN, 'narration.mp3', 'Mutagen (python3-mutagen)'],
];
const located = new Map(await Promise.all(EXTERNAL.map(async ([v]) => [v.id, await v.locate(process.env)] as const)));
const skipExternal = new Map(EXTERNAL.map(([v, , name]) => [v.id, skipUnlessFound(name, located.get(v.id) ?? { missing: 'not looked for' })]));
const external = new Map<string, Map<string, Outcome>>();

beforeAll(async () => {
  const input = await mkdtemp(path.join(os.tmpdir(), 'voxpress-e2e-in-'));
  out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-e2e-out-'));
  await copyFile('input/khorev-asif-meeting.txt', path.join(input, 'khorev-asif-meeting.txt'));
  await mkdir(path.join(input, 'feature'));
  await copyFile('tests/fixtures/epub/features.md', path.join(input, 'feature', 'features.md'));
  await copyFile('tests/fixtures/epub/chart.png', path.join(input, 'feature', 'chart.png'));
  // XML specials, quotes, emoji, right-to-left runs, control characters, an over-long word, links that cannot work.
  await copyFile('tests/fixtures/epub/hostile.md', path.join(input, 'hostile-markdown.md'));
  await copyFile('tests/fixtures/speech/hostile.txt', path.join(input, 'hostile-text.txt'));
  const result = spawnSync(process.execPath, [CLI, input, '--out', out, '--jobs', '2', '--quiet'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`voxpress failed (${result.status}): ${result.stderr}`);
  for (const [validator, file] of EXTERNAL) {
    const tool = located.get(validator.id);
    if (!tool || 'missing' in tool) continue;
    const jobs: Job[] = [];
    for (const slug of articles) jobs.push({ root: out, article: slug, file, context: await articleContext(out, { folder: slug, files: ['document.json', 'timing.json'] }) });
    const outcomes = await (tool as Located).check(jobs);
    external.set(validator.id, new Map(articles.map((slug, i) => [slug, outcomes[i]!])));
  }
}, 600_000);

describe.each(articles)('%s: every output validates and shares the model\'s ids', (slug) => {
  const file = (name: string): string => path.join(out, slug, name);
  let doc: Document;
  let spokenIds: string[];

  beforeAll(async () => {
    doc = JSON.parse(await readFile(file('document.json'), 'utf8')) as Document;
    // A derived title repeats the opening words, so it is not narrated on its own.
    spokenIds = [...(doc.meta.titleDerived ? [] : ['title']), ...(doc.meta.date ? ['date'] : []), ...sentences(doc).map((s) => s.id)];
  });

  it('writes exactly the default outputs', async () => {
    expect((await readdir(path.join(out, slug))).filter((n) => !n.startsWith('.')).sort()).toEqual(
      ['article.epub', 'article.pdf', 'document.json', 'narration.mp3', 'narration.ssml', 'narration.vtt', 'timing.json'],
    );
  });

  it('document.json is a valid document', () => {
    expect(documentProblems(doc)).toEqual([]);
  });

  it('narration.ssml is schema-valid SSML 1.1 with a mark per sentence id, in order', async () => {
    const ssml = await readFile(file('narration.ssml'), 'utf8');
    expect(ssmlProblems(ssml)).toEqual([]);
    expect([...ssml.matchAll(/<mark name="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(spokenIds);
  });

  it('narration.mp3 decodes to the duration timing.json states, within 50 ms, with a clip per sentence', async () => {
    const timing = JSON.parse(await readFile(file('timing.json'), 'utf8')) as Timing;
    expect(timing.units.map((u) => u.id)).toEqual(spokenIds);
    const decoded = await decodeMp3(await readFile(file('narration.mp3')));
    expect(decoded.errors).toBe(0);
    expect(Math.abs((decoded.samples.length / decoded.sampleRate) * 1000 - timing.durationMs)).toBeLessThanOrEqual(50);
    for (const [i, unit] of timing.units.entries()) {
      expect(unit.endMs).toBeGreaterThan(unit.startMs);
      if (i > 0) expect(unit.startMs).toBeGreaterThanOrEqual(timing.units[i - 1]?.endMs ?? 0);
    }
    expect(timing.units.at(-1)?.endMs).toBeLessThanOrEqual(timing.durationMs);
  });

  it('narration.vtt parses as WebVTT with each sentence\'s cues (<id>, <id>-2...) at the timing\'s times, readable and timed to the words', async () => {
    const timing = JSON.parse(await readFile(file('timing.json'), 'utf8')) as Timing;
    const { cues, errors } = parseVtt(await readFile(file('narration.vtt'), 'utf8'));
    expect(errors).toEqual([]);
    // Cue ids name their sentence: the sentence's first cue has its id, the next ones <id>-2, <id>-3.
    const groups: { id: string; cues: typeof cues }[] = [];
    for (const cue of cues) {
      const { unit, n } = cueOf(cue.id);
      const last = groups.at(-1);
      if (last?.id === unit) last.cues.push(cue);
      else groups.push({ id: unit, cues: [cue] });
      expect(n, cue.id).toBe(groups.at(-1)?.cues.length);
    }
    expect(groups.map((g) => g.id)).toEqual(spokenIds);
    for (const [i, group] of groups.entries()) {
      const unit = timing.units[i];
      expect(group.cues[0]!.startTime * 1000).toBeCloseTo(unit?.startMs ?? NaN, 0);
      expect(group.cues.at(-1)!.endTime * 1000).toBeCloseTo(unit?.endMs ?? NaN, 0);
      const starts = new Set(unit?.words.map((w) => w.startMs));
      const ends = new Set(unit?.words.map((w) => w.endMs));
      for (const cue of group.cues) {
        expect(shown(cue).split('\n').length, cue.id).toBeLessThanOrEqual(2);
        for (const line of shown(cue).split('\n')) if (/\s/.test(line)) expect([...line].length, `${cue.id}: ${line}`).toBeLessThanOrEqual(42);
        expect([...starts].some((ms) => Math.abs(ms - cue.startTime * 1000) <= 100), cue.id).toBe(true);
        expect([...ends].some((ms) => Math.abs(ms - cue.endTime * 1000) <= 100), cue.id).toBe(true);
      }
    }
  });

  it('article.epub passes EPUBCheck (accessibility checks on), with a <par> for each sentence id', async () => {
    const bytes = await readFile(file('article.epub'));
    expect(epubProblems(await epubcheckTs(bytes))).toEqual([]);
    const files = await unzip(bytes);
    const smil = new TextDecoder().decode([...files].find(([name]) => name.endsWith('.smil'))?.[1]);
    expect([...smil.matchAll(/<text src="[^"#]*#([^"]+)"/g)].map((m) => m[1])).toEqual(spokenIds);
  });

  it('article.pdf passes the PDF/UA checks', async () => {
    expect(await checkPdfUa(await readFile(file('article.pdf')))).toEqual([]);
  });

  it.skipIf(skipExternal.get('verapdf'))('article.pdf passes veraPDF\'s PDF/UA-1 profile with 0 failed rules', () => {
    const outcome = external.get('verapdf')?.get(slug);
    expect(outcome?.findings).toEqual([]);
    expect(outcome?.counts).toMatchObject({ rulesFailed: 0, checksFailed: 0 });
  });

  it.skipIf(skipExternal.get('epubcheck5'))('article.epub passes EPUBCheck 5 with 0 fatals, errors, warnings and usages', () => {
    expect(external.get('epubcheck5')?.get(slug)).toMatchObject({ counts: { fatal: 0, error: 0, warning: 0, usage: 0 }, findings: [] });
  });

  it.skipIf(skipExternal.get('mpg123'))(`narration.mp3 decodes with native mpg123 without a stream error, to timing.json's duration within ${DURATION_TOLERANCE_MS} ms`, () => {
    const outcome = external.get('mpg123')?.get(slug);
    expect(outcome?.findings).toEqual([]);
    expect(outcome?.checked).not.toMatch(/not compared/);
  });

  it.skipIf(skipExternal.get('mutagen'))('narration.mp3\'s ID3 title, artist and chapters, read by Mutagen, equal document.json and timing.json', () => {
    const outcome = external.get('mutagen')?.get(slug);
    expect(outcome?.findings).toEqual([]);
    expect(outcome?.checked).not.toMatch(/not compared/);
    expect(outcome?.counts.chapters).toBeGreaterThan(0);
  });

  it.skipIf(skipExternal.get('epubcheck-debian'))('article.epub with real narration passes Debian\'s EPUBCheck (4.2.6) with 0 fatals, errors and warnings', () => {
    expect(external.get('epubcheck-debian')?.get(slug)).toMatchObject({ counts: { fatal: 0, error: 0, warning: 0 }, findings: [] });
  });
});
