import { execFile, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';
import { sentences } from '../../src/model/walk.js';
import type { Document } from '../../src/model/types.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { decodeMp3 } from '../helpers/audio.js';
import { skipWithout } from '../helpers/conformance.js';
import { checkPdfUa } from '../../src/verify/pdfua.js';
import { parseVtt } from '../helpers/vtt.js';
import { epubcheckTs, problems as epubProblems, unzip } from '../helpers/epub.js';

/**
 * The whole product, as a newsroom runs it: the built CLI with its default
 * formats on the sample, a Markdown feature (list, quote, link, image) and two
 * hostile articles (XML specials, quotes, control characters, emoji, RTL),
 * in two worker threads; then every file it wrote is checked by a real
 * validator or parser, and the ids are checked to agree across all of them.
 */
const CLI = path.resolve('dist/cli/bin.js');
const run = promisify(execFile);

interface Timing {
  durationMs: number;
  units: { id: string; startMs: number; endMs: number }[];
}

let out: string;
const articles = ['khorev-asif-meeting', 'features', 'hostile-markdown', 'hostile-text'];

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
}, 300_000);

describe.each(articles)('%s: every output validates and shares the model\'s ids', (slug) => {
  const file = (name: string): string => path.join(out, slug, name);
  let doc: Document;
  let spokenIds: string[];

  beforeAll(async () => {
    doc = JSON.parse(await readFile(file('document.json'), 'utf8')) as Document;
    spokenIds = ['title', ...(doc.meta.date ? ['date'] : []), ...sentences(doc).map((s) => s.id)];
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

  it('narration.vtt parses as WebVTT with one cue per sentence at the timing\'s times', async () => {
    const timing = JSON.parse(await readFile(file('timing.json'), 'utf8')) as Timing;
    const { cues, errors } = parseVtt(await readFile(file('narration.vtt'), 'utf8'));
    expect(errors).toEqual([]);
    expect(cues.map((c) => c.id)).toEqual(spokenIds);
    for (const [i, cue] of cues.entries()) {
      expect(cue.startTime * 1000).toBeCloseTo(timing.units[i]?.startMs ?? NaN, 0);
      expect(cue.endTime * 1000).toBeCloseTo(timing.units[i]?.endMs ?? NaN, 0);
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

  it.skipIf(skipWithout('java', '/usr/share/java/epubcheck.jar'))('article.epub with real narration passes Java EPUBCheck 4.2.6', async () => {
    const result = await run('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', '/usr/share/java/epubcheck.jar', file('article.epub')]).catch(
      (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: `${error.stderr ?? ''}\nexit non-zero` }),
    );
    expect(`${result.stdout}\n${result.stderr}`.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)|exit non-zero/.test(l))).toEqual([]);
  });
});
