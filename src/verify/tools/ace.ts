import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findCommand, runProcess, tail, type Env } from '../process.js';
import type { Finding } from '../types.js';
import { notChecked, oneAtATime, relativePath, type Absent, type Job, type Located, type Outcome, type Validator } from '../validator.js';

/*
 * Ace by DAISY: axe-core's accessibility rules on every content document of
 * the book, in a headless browser, plus its EPUB accessibility-metadata
 * checks. One book per run (it starts its own browser); its report.json
 * (EARL) is read back. Ace installed with PUPPETEER_SKIP_DOWNLOAD has no
 * browser of its own: when PUPPETEER_EXECUTABLE_PATH is unset and Debian's
 * chromium is on PATH, Ace is pointed at it.
 */

export const ACE_CHECKED = 'axe-core rules on every content document (WCAG 2 A/AA and best practices) and EPUB accessibility metadata';

interface Assertion {
  readonly 'earl:test'?: { readonly 'dct:title'?: string; readonly 'earl:impact'?: string; readonly 'dct:description'?: string };
  readonly 'earl:result'?: { readonly 'earl:outcome'?: string; readonly 'dct:description'?: string; readonly 'earl:pointer'?: { readonly css?: readonly string[] } };
  readonly 'earl:testSubject'?: { readonly url?: string };
  readonly assertions?: readonly Assertion[];
}

interface AceReport {
  readonly 'earl:result'?: { readonly 'earl:outcome'?: string };
  readonly assertions?: readonly Assertion[];
}

function violation(document: string | undefined, a: Assertion): Finding {
  const css = a['earl:result']?.['earl:pointer']?.css?.[0];
  const location = [document, css].filter(Boolean).join(' ');
  return {
    rule: a['earl:test']?.['dct:title'] ?? 'ace',
    message: a['earl:result']?.['dct:description'] ?? a['earl:test']?.['dct:description'] ?? 'violation',
    ...(a['earl:test']?.['earl:impact'] ? { severity: a['earl:test']['earl:impact'] } : {}),
    ...(location ? { location } : {}),
  };
}

/** One book's verdict from Ace's report.json. */
export function aceOutcome(text: string | undefined, why = 'Ace wrote no report'): Outcome {
  if (text === undefined) return notChecked(ACE_CHECKED, why);
  let report: AceReport;
  try {
    report = JSON.parse(text) as AceReport;
  } catch {
    return notChecked(ACE_CHECKED, `Ace's report is not JSON: ${tail(text)}`);
  }
  const documents = report.assertions ?? [];
  const findings = documents.flatMap((doc) => (doc.assertions ?? []).filter((a) => a['earl:result']?.['earl:outcome'] === 'fail').map((a) => violation(doc['earl:testSubject']?.url, a)));
  const outcome = report['earl:result']?.['earl:outcome'];
  if (outcome !== 'pass' && findings.length === 0) findings.push({ rule: 'ace', message: `Ace's verdict is ${outcome ?? 'missing'}` });
  return { checked: ACE_CHECKED, counts: { documents: documents.length, violations: findings.length }, findings };
}

async function checkBook(command: string, env: Env, job: Job): Promise<Outcome> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-ace-'));
  try {
    // Without -E Ace exits 0 whatever it finds: the report decides.
    const result = await runProcess(command, ['-f', '-s', '-o', out, relativePath(job)], { env, cwd: job.root, timeoutMs: 600_000 });
    const report = await readFile(path.join(out, 'report.json'), 'utf8').catch(() => undefined);
    return aceOutcome(report, `Ace wrote no report (${result.failure ?? `exit ${result.code}`}): ${tail(result.stderr || result.stdout)}`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function locate(env: Env): Promise<Located | Absent> {
  const command = await findCommand('ace-cli', env);
  if (!command) return { missing: 'ace-cli is not on PATH' };
  const chromium = env.PUPPETEER_EXECUTABLE_PATH ? undefined : await findCommand('chromium', env);
  const runEnv: Env = chromium ? { ...env, PUPPETEER_EXECUTABLE_PATH: chromium } : env;
  const probe = await runProcess(command, ['--version'], { env: runEnv, timeoutMs: 60_000 });
  const version = /\d+(?:\.\d+)+/.exec(probe.stdout)?.[0];
  if (!version) return { missing: `ace-cli --version did not answer a version: ${tail(probe.stdout + probe.stderr)}` };
  return oneAtATime(version, (job) => checkBook(command, runEnv, job));
}

export const ACE: Validator = {
  id: 'ace',
  name: 'Ace by DAISY',
  checks: 'EPUB accessibility: axe-core on every content document and the EPUB Accessibility metadata; any violation fails',
  install: 'PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace-cli@1.4.6, and a Chromium (apt-get install chromium; set PUPPETEER_EXECUTABLE_PATH, or keep chromium on PATH)',
  appliesTo: (file) => file === 'article.epub',
  locate,
};
