import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCommand, runProcess, tail, type Env } from '../process.js';
import type { Finding } from '../types.js';
import { isAbsent, notChecked, relativePath, type Absent, type Job, type Located, type Outcome, type Validator } from '../validator.js';
import { JAVA_FLAGS, javaArgs, locateJava, versionIn, type JavaTool } from './java.js';

/*
 * EPUBCheck, the W3C's EPUB validator, read through its --json report. Its
 * command line takes one book per JVM, and a JVM costs seconds (start-up and
 * schema compilation), so from a class path every book goes through one JVM
 * (src/verify/java/EpubcheckBatch.java calls the same entry point as the
 * command line, once per book). An `epubcheck` command on PATH runs per book.
 */

const CHECKER = 'com.adobe.epubcheck.tool.Checker';
/** Written relative to this module so that it resolves from src/verify/tools/ (tests) and dist/verify/tools/ (built) alike. */
const BATCH_SOURCE = fileURLToPath(new URL('../../../src/verify/java/EpubcheckBatch.java', import.meta.url));

interface Message {
  readonly ID: string;
  readonly severity: string;
  readonly message: string;
  readonly locations?: readonly { readonly path?: string; readonly line?: number; readonly column?: number }[];
}

interface EpubcheckJson {
  readonly checker: { readonly nFatal: number; readonly nError: number; readonly nWarning: number; readonly nUsage?: number };
  readonly publication: { readonly ePubVersion?: string | null };
  readonly messages: readonly Message[];
}

function messageFinding(m: Message): Finding {
  const at = m.locations?.[0];
  const more = (m.locations?.length ?? 0) > 1 ? ` (and ${(m.locations?.length ?? 1) - 1} more)` : '';
  const location = at?.path ? `${at.path}${at.line !== undefined && at.line >= 0 ? `:${at.line}:${at.column ?? 0}` : ''}${more}` : undefined;
  return { rule: m.ID, severity: m.severity, message: m.message, ...(location ? { location } : {}) };
}

/** One book's verdict from an EPUBCheck --json report. */
export function epubcheckOutcome(text: string | undefined, usage: boolean): Outcome {
  const base = usage ? 'EPUB rules, usage messages included (-u)' : 'EPUB rules';
  if (text === undefined) return notChecked(base, 'EPUBCheck wrote no report for this book');
  let report: EpubcheckJson;
  try {
    report = JSON.parse(text) as EpubcheckJson;
  } catch {
    return notChecked(base, `EPUBCheck's report is not JSON: ${tail(text)}`);
  }
  const { checker, publication, messages } = report;
  // A book EPUBCheck cannot open at all (missing, unreadable) gets an all-zero report with no EPUB version and no message.
  if (!publication.ePubVersion && messages.length === 0) return notChecked(base, 'EPUBCheck could not read the book');
  return {
    checked: `EPUB ${publication.ePubVersion ?? '(unknown version)'} rules${usage ? ', usage messages included (-u)' : ''}`,
    counts: { fatal: checker.nFatal, error: checker.nError, warning: checker.nWarning, ...(usage ? { usage: checker.nUsage ?? 0 } : {}) },
    findings: messages.map(messageFinding),
  };
}

async function reportOf(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Every book through one JVM: EpubcheckBatch writes `<i>.json` for the i-th book. */
async function batch(tool: JavaTool, env: Env, options: readonly string[], usage: boolean, jobs: readonly Job[]): Promise<Outcome[]> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-epubcheck-'));
  try {
    const args = [...JAVA_FLAGS, '-cp', tool.classPath, BATCH_SOURCE, out, ...options, '--', ...jobs.map(relativePath)];
    const result = await runProcess(tool.java, args, { env, cwd: jobs[0]?.root, timeoutMs: 180_000 + 60_000 * jobs.length });
    if (result.failure || result.code !== 0) {
      return jobs.map(() => notChecked('EPUB rules', `EPUBCheck failed (${result.failure ?? `exit ${result.code}`}): ${tail(result.stderr)}`));
    }
    return Promise.all(jobs.map(async (_, i) => epubcheckOutcome(await reportOf(path.join(out, `${i + 1}.json`)), usage)));
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** One book per run of an `epubcheck` command. */
async function perBook(command: string, env: Env, options: readonly string[], usage: boolean, jobs: readonly Job[]): Promise<Outcome[]> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-epubcheck-'));
  try {
    const outcomes: Outcome[] = [];
    for (const job of jobs) {
      const json = path.join(out, 'report.json');
      await rm(json, { force: true });
      const result = await runProcess(command, [relativePath(job), ...options, '--json', json], { env, cwd: job.root, timeoutMs: 300_000 });
      outcomes.push(result.failure ? notChecked('EPUB rules', `EPUBCheck failed (${result.failure})`) : epubcheckOutcome(await reportOf(json), usage));
    }
    return outcomes;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

async function versionOf(command: string, args: readonly string[], env: Env): Promise<string | undefined> {
  const probe = await runProcess(command, [...args, '--version'], { env, timeoutMs: 60_000 });
  return versionIn(`${probe.stdout}\n${probe.stderr}`, 'EPUBCheck');
}

const isFive = (version: string): boolean => version.split('.')[0] === '5';

/** EPUBCheck 5 (EPUB 3.3) from VOXPRESS_EPUBCHECK5_CP, else an `epubcheck` on PATH that is version 5. */
async function locateFive(env: Env): Promise<Located | Absent> {
  const options = ['-u'];
  const java = await locateJava(env, { variable: 'VOXPRESS_EPUBCHECK5_CP' });
  if (!isAbsent(java)) {
    const version = await versionOf(java.java, javaArgs(java, CHECKER, []), env);
    if (!version || !isFive(version)) return { missing: `VOXPRESS_EPUBCHECK5_CP holds EPUBCheck ${version ?? '(no version)'}, not 5` };
    return { version, check: (jobs) => batch(java, env, options, true, jobs) };
  }
  const command = await findCommand('epubcheck', env);
  const version = command ? await versionOf(command, [], env) : undefined;
  if (!command || !version || !isFive(version)) {
    const onPath = !command ? 'epubcheck is not on PATH' : version ? `the epubcheck on PATH is EPUBCheck ${version}` : `${command} did not answer --version with an EPUBCheck version`;
    return { missing: `${java.missing}, and ${onPath}` };
  }
  return { version, check: (jobs) => perBook(command, env, options, true, jobs) };
}

export const EPUBCHECK_DEBIAN_JAR = '/usr/share/java/epubcheck.jar';

/** The EPUBCheck Debian packages (4.2.6 in Debian 12: EPUB 3.2 rules). */
async function locateDebian(env: Env): Promise<Located | Absent> {
  const java = await locateJava(env, { jar: EPUBCHECK_DEBIAN_JAR });
  if (isAbsent(java)) return java;
  const version = await versionOf(java.java, javaArgs(java, CHECKER, []), env);
  if (!version) return { missing: `${EPUBCHECK_DEBIAN_JAR} did not answer --version` };
  // Without -u: EPUBCheck 4's usage hints predate EPUB 3.3 (it calls the media overlay's active class and the NCX namespace unused); EPUBCheck 5 reports usage.
  return { version, check: (jobs) => batch(java, env, [], false, jobs) };
}

const isBook = (file: string): boolean => file === 'article.epub';

export const EPUBCHECK5: Validator = {
  id: 'epubcheck5',
  name: 'EPUBCheck 5',
  checks: 'EPUB 3.3 and its accessibility-relevant package rules: the W3C\'s validator, with usage messages (-u); any message fails',
  install: 'from Maven Central (org.w3c:epubcheck 5.3.0, needs Java 11+ and Maven): eval "$(bash tests/conformance/maven/classpaths.sh)" sets VOXPRESS_EPUBCHECK5_CP; or an EPUBCheck 5 release (w3c/epubcheck) as epubcheck on PATH',
  appliesTo: isBook,
  locate: locateFive,
};

export const EPUBCHECK_DEBIAN: Validator = {
  id: 'epubcheck-debian',
  name: 'EPUBCheck (Debian package)',
  checks: 'EPUB rules of the version Debian ships (4.2.6: EPUB 3.2), as reading-system vendors long used it; any fatal, error or warning fails',
  install: 'apt-get install epubcheck default-jre-headless',
  appliesTo: isBook,
  locate: locateDebian,
};
