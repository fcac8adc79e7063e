import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEpub } from '../../src/writers/epub/build.js';
import { deterministicZip } from '../../src/writers/epub/zip.js';
import type { Located, Outcome } from '../../src/verify/validator.js';
import { EPUBCHECK5, EPUBCHECK_DEBIAN } from '../../src/verify/tools/epubcheck.js';
import { skipUnlessFound, skipWithout } from '../helpers/conformance.js';
import { joinBytes } from '../../src/shared/bytes.js';
import { loadArticle, SAMPLE, imagesOf, syntheticNarration, unzip } from '../helpers/epub.js';

const run = promisify(execFile);

/** The books every validator must accept: the sample with and without overlays, and every fixture. */
async function books(): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const sample = loadArticle(SAMPLE);
  out.set('sample', await buildEpub(sample.doc, {}, await imagesOf(sample.doc, sample.resourceDir)));
  out.set('sample-overlays', await buildEpub(sample.doc, {}, await imagesOf(sample.doc, sample.resourceDir), await syntheticNarration(sample.doc)));
  for (const name of ['features.md', 'hostile.md', 'arabic.md', 'no-alt.md']) {
    const { doc, resourceDir } = loadArticle(name);
    out.set(name, await buildEpub(doc, {}, await imagesOf(doc, resourceDir)));
  }
  const features = loadArticle('features.md');
  out.set('features-overlays', await buildEpub(features.doc, {}, await imagesOf(features.doc, features.resourceDir), await syntheticNarration(features.doc)));
  return out;
}

/** A copy of `book` with one file edited: a negative control proving a validator notices. */
async function tampered(book: Uint8Array, file: string, edit: (text: string) => string): Promise<Uint8Array> {
  const files = await unzip(book);
  files.set(file, new TextEncoder().encode(edit(new TextDecoder().decode(files.get(file)))));
  return joinBytes(await deterministicZip(files, new Date(0)));
}

let dir: string;
let built: Map<string, Uint8Array>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'voxpress-epub-'));
  built = await books();
  for (const [name, bytes] of built) await writeFile(path.join(dir, `${name}.epub`), bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Both EPUBChecks through the adapters `voxpress verify` uses: every book in one JVM, the broken one first so that a finding leaking into the next book would show. */
async function checkAll(tool: Located, broken: string): Promise<{ bad: Outcome | undefined; good: { book: string; counts: Outcome['counts']; findings: Outcome['findings'] }[] }> {
  const names = [broken, ...[...built.keys()].map((name) => `${name}.epub`)];
  const outcomes = await tool.check(names.map((file) => ({ root: dir, article: '.', file, context: {} })));
  return { bad: outcomes[0], good: outcomes.slice(1).map((o, i) => ({ book: names[i + 1]!, counts: o.counts, findings: o.findings })) };
}

const brokenOverlay = (): Promise<Uint8Array> => tampered(built.get('sample-overlays')!, 'OEBPS/content.smil', (t) => t.replace('#p1s1"', '#no-such-id"'));
const rsc012 = { rule: 'RSC-012', severity: 'ERROR', message: expect.stringMatching(/Fragment identifier is not defined/), location: expect.stringMatching(/^OEBPS\/content\.smil:\d+:\d+$/) };

const debian = await EPUBCHECK_DEBIAN.locate(process.env);

describe.skipIf(skipUnlessFound('Java EPUBCheck 4.2.6 (Debian epubcheck)', debian))('Java EPUBCheck 4.2.6 (Debian)', () => {
  it('accepts every book with 0 fatals, errors and warnings, and rejects a broken overlay with RSC-012', async () => {
    await writeFile(path.join(dir, 'broken-4.epub'), await brokenOverlay());
    const { bad, good } = await checkAll(debian as Located, 'broken-4.epub');
    expect(bad?.findings).toContainEqual(rsc012);
    expect(good).toEqual([...built.keys()].map((name) => ({ book: `${name}.epub`, counts: { fatal: 0, error: 0, warning: 0 }, findings: [] })));
    expect((debian as Located).version).toBe('4.2.6');
  });
});

const epubcheck5 = await EPUBCHECK5.locate(process.env);

describe.skipIf(skipUnlessFound('EPUBCheck 5 (VOXPRESS_EPUBCHECK5_CP)', epubcheck5))('EPUBCheck 5 (Maven Central, EPUB 3.3, usage messages on)', () => {
  it('accepts every book, with and without overlays, with 0 fatals, errors, warnings and usages; rejects a broken one with RSC-012', async () => {
    await writeFile(path.join(dir, 'broken-5.epub'), await brokenOverlay());
    const { bad, good } = await checkAll(epubcheck5 as Located, 'broken-5.epub');
    expect(bad?.findings).toContainEqual(rsc012);
    expect(good).toEqual([...built.keys()].map((name) => ({ book: `${name}.epub`, counts: { fatal: 0, error: 0, warning: 0, usage: 0 }, findings: [] })));
    expect((epubcheck5 as Located).version).toBe('5.3.0');
  });
});

interface AceReport {
  readonly 'earl:result': { readonly 'earl:outcome': string };
  readonly assertions: readonly { readonly assertions?: readonly { readonly 'earl:test': { readonly 'dct:title': string } }[] }[];
  readonly 'a11y-metadata': { readonly present: readonly string[] };
}

/** Ace by DAISY (with Debian's chromium): exit code (`-E`: 2 on violations) and its JSON report. */
async function ace(file: string): Promise<{ code: number; report: AceReport; violations: string[] }> {
  const out = `${file}.ace`;
  let code = 0;
  try {
    await run('ace-cli', ['-E', '-f', '-s', '-o', out, file], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium' },
      maxBuffer: 1 << 24,
    });
  } catch (error) {
    code = (error as { code?: number }).code ?? 1;
  }
  const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as AceReport;
  const violations = report.assertions.flatMap((a) => (a.assertions ?? []).map((v) => v['earl:test']['dct:title']));
  return { code, report, violations };
}

describe.skipIf(skipWithout('ace-cli', 'chromium'))('Ace by DAISY', () => {
  it('finds 0 violations in every book', async () => {
    const discovery = ['schema:accessMode', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary', 'schema:accessModeSufficient'];
    const conformance = ['dcterms:conformsTo', 'a11y:certifiedBy'];
    for (const name of built.keys()) {
      const result = await ace(path.join(dir, `${name}.epub`));
      expect({ name, code: result.code, outcome: result.report['earl:result']['earl:outcome'], violations: result.violations }).toEqual({ name, code: 0, outcome: 'pass', violations: [] });
      // The book with an undescribed image makes no conformance claim; every other one does.
      expect(result.report['a11y-metadata'].present).toEqual(expect.arrayContaining(name === 'no-alt.md' ? discovery : [...discovery, ...conformance]));
    }
  });

  it('reports a violation in a damaged book (negative control)', async () => {
    const broken = path.join(dir, 'no-alt-attr.epub');
    await writeFile(broken, await tampered(built.get('features.md')!, 'OEBPS/content.xhtml', (t) => t.replace(/ alt="[^"]*"/, '').replace(/ lang="[^"]*" xml:lang="[^"]*"/, '')));
    const result = await ace(broken);
    expect(result.code).toBe(2);
    expect(result.violations.length).toBeGreaterThan(0);
  });
});
