import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEpub } from '../../src/writers/epub/build.js';
import { deterministicZip } from '../../src/writers/epub/zip.js';
import { skipWithout } from '../helpers/conformance.js';
import { loadArticle, SAMPLE, imagesOf, syntheticNarration, unzip } from '../helpers/epub.js';

const run = promisify(execFile);
const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

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
  return deterministicZip(files, new Date(0));
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

/** Java EPUBCheck's verdict: exit code and the fatal/error/warning lines. */
async function javaEpubcheck(file: string): Promise<{ code: number; problems: string[] }> {
  try {
    // C1-only JIT and the serial GC more than halve EPUBCheck's run time (it is mostly JVM warm-up).
    const { stdout, stderr } = await run('java', ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-jar', EPUBCHECK_JAR, file], { maxBuffer: 1 << 24 });
    return { code: 0, problems: `${stdout}\n${stderr}`.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)/.test(l)) };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, problems: `${e.stdout ?? ''}\n${e.stderr ?? ''}`.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)/.test(l)) };
  }
}

describe.skipIf(skipWithout('java', '/usr/share/java/epubcheck.jar'))('Java EPUBCheck 4.2.6 (Debian)', () => {
  it('accepts every book with 0 errors and 0 warnings', async () => {
    // Two JVMs at a time: each check takes seconds, mostly JVM start-up.
    const names = [...built.keys()];
    const results: { name: string; code: number; problems: string[] }[] = [];
    for (let i = 0; i < names.length; i += 2) {
      results.push(...(await Promise.all(names.slice(i, i + 2).map(async (name) => ({ name, ...(await javaEpubcheck(path.join(dir, `${name}.epub`))) })))));
    }
    expect(results).toEqual(names.map((name) => ({ name, code: 0, problems: [] })));
  });

  it('rejects a broken book (negative control)', async () => {
    const broken = path.join(dir, 'broken.epub');
    await writeFile(broken, await tampered(built.get('sample-overlays')!, 'OEBPS/content.smil', (t) => t.replace('#p1s1"', '#no-such-id"')));
    const result = await javaEpubcheck(broken);
    expect(result.code).not.toBe(0);
    expect(result.problems.join('\n')).toMatch(/RSC-012.*content\.smil/);
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
