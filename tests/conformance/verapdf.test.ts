import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../src/io/article.js';
import { parseArticle } from '../../src/readers/index.js';
import type { Job, Located, Outcome } from '../../src/verify/validator.js';
import { checkPdfUa, type CheckName } from '../../src/verify/pdfua.js';
import { VERAPDF } from '../../src/verify/tools/verapdf.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { skipUnlessFound } from '../helpers/conformance.js';
import { imagesOf } from '../helpers/epub.js';
import { artifactOnlyPage, BROKEN, correct } from '../helpers/pdf-mutants.js';

/**
 * veraPDF 1.28.2, the PDF Association's reference validator (PDF/UA-1
 * profile), on every PDF the writer makes of the sample and of every article
 * under tests/fixtures, and on the PDF/UA checker's own controls: every good
 * file must pass with 0 failed rules, every broken one must fail exactly the
 * rules it breaks. All of them go through one JVM. The same files go through
 * voxpress's pdf.js checker, and where the two disagree the test says which
 * is right (tests/helpers/pdf-mutants.ts). The CLI's own outputs are checked
 * by tests/e2e/cli.test.ts.
 */

const FIXTURES = path.resolve('tests/fixtures');

/** Every article file under tests/fixtures (tests/fixtures/sources/ says where they come from), and the sample. */
async function articles(): Promise<string[]> {
  const found = [path.resolve('input/khorev-asif-meeting.txt')];
  for (const dir of (await readdir(FIXTURES, { withFileTypes: true })).filter((d) => d.isDirectory() && d.name !== 'sources')) {
    for (const name of (await readdir(path.join(FIXTURES, dir.name))).sort()) if (/\.(md|txt)$/.test(name)) found.push(path.join(FIXTURES, dir.name, name));
  }
  return found;
}

const found = await VERAPDF.locate(process.env);

describe.skipIf(skipUnlessFound('veraPDF (VOXPRESS_VERAPDF_CP)', found))('veraPDF (PDF/UA-1)', () => {
  let root: string;
  const good = new Map<string, Uint8Array>();
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'voxpress-verapdf-'));
    for (const file of await articles()) {
      const doc = await readArticle(file);
      good.set(path.relative(FIXTURES, file), await renderPdf(doc, {}, await imagesOf(doc, path.dirname(file))));
    }
    good.set('sample on letter paper', await renderPdf(await readArticle('input/khorev-asif-meeting.txt'), { pdf: { paper: 'letter' } }));
    good.set('symbols', await renderPdf(parseArticle('An arrow → and an emoji 😀 with `code` in it.', { format: 'markdown' })));
    good.set('checker: correct', await correct());
    good.set('checker: artifact-only page', await artifactOnlyPage());
    const files = new Map<string, Uint8Array>([...good, ...(await Promise.all(BROKEN.map(async (m) => [`broken: ${m.what}`, await m.make()] as const)))]);
    const jobs: Job[] = [];
    let n = 0;
    for (const bytes of files.values()) {
      const article = String(++n).padStart(2, '0');
      await mkdir(path.join(root, article));
      await writeFile(path.join(root, article, 'article.pdf'), bytes);
      jobs.push({ root, article, file: 'article.pdf', context: {} });
    }
    // One JVM for every file.
    const results = await (found as Located).check(jobs);
    [...files.keys()].forEach((name, i) => outcomes.set(name, results[i]!));
  }, 300_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('passes every PDF the writer makes, with 0 failed rules, as the pdf.js checker does', async () => {
    expect(good.size).toBeGreaterThanOrEqual(20);
    for (const [name, bytes] of good) {
      const outcome = outcomes.get(name);
      expect({ name, findings: outcome?.findings, failed: outcome?.counts.rulesFailed }).toEqual({ name, findings: [], failed: 0 });
      expect(outcome?.counts.rulesPassed).toBeGreaterThan(100);
      expect({ name, checker: await checkPdfUa(bytes) }).toEqual({ name, checker: [] });
    }
  });

  it.each(BROKEN)('fails $what with the rules it breaks: $verapdf', ({ what, verapdf }) => {
    const rules = [...new Set(outcomes.get(`broken: ${what}`)?.findings.map((f) => f.rule))].sort();
    expect(rules).toEqual([...verapdf].sort());
  });

  it('agrees with the pdf.js checker on every broken file but the one veraPDF has no rule for', async () => {
    const disagreements: { what: string; check: CheckName }[] = [];
    for (const m of BROKEN) {
      const checker = (await checkPdfUa(await m.make())).map((f) => f.check);
      expect({ what: m.what, caught: checker.includes(m.check) }).toEqual({ what: m.what, caught: true });
      if ((outcomes.get(`broken: ${m.what}`)?.findings.length ?? 0) === 0) disagreements.push({ what: m.what, check: m.check });
    }
    // ISO 32000-1 14.7.4.3: an object reference's /Pg is the page its annotation is on; veraPDF's profile does not test it.
    expect(disagreements).toEqual([{ what: 'a Link element ended after a page break (pdfkit puts the wrong page in /OBJR)', check: 'link-annotations' }]);
  });
});
