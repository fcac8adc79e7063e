import path from 'node:path';
import { findCommand, runProcess, tail, type Env } from '../process.js';
import type { Finding } from '../types.js';
import { isAbsent, notChecked, relativePath, type Absent, type Job, type Located, type Outcome, type Validator } from '../validator.js';
import { javaArgs, locateJava, versionIn } from './java.js';

/*
 * veraPDF, the PDF Association's reference validator, with its PDF/UA-1
 * profile (`--flavour ua1`): every file in one JVM, its JSON report read back
 * per file. Exit 0 means all compliant, 1 some not, 7 some file could not be
 * parsed; all three still write the report. A file veraPDF does not list in
 * the report (it skips a missing file and exits 0) is a failure, never a pass.
 */

const MAIN_CLASS = 'org.verapdf.apps.GreenfieldCliWrapper';
export const VERAPDF_CHECKED = 'PDF/UA-1 validation profile (ISO 14289-1:2014), every machine-checkable rule';

interface RuleSummary {
  readonly ruleStatus?: string;
  readonly clause: string;
  readonly testNumber: number;
  readonly description: string;
  readonly failedChecks: number;
  readonly checks?: readonly { readonly context?: string; readonly errorMessage?: string }[];
}

interface VeraJob {
  readonly itemDetails: { readonly name: string };
  readonly taskException?: { readonly exceptionMessage?: string; readonly exception?: string };
  readonly validationResult?: readonly {
    readonly compliant: boolean;
    readonly profileName: string;
    readonly details: { readonly passedRules: number; readonly failedRules: number; readonly passedChecks: number; readonly failedChecks: number; readonly ruleSummaries: readonly RuleSummary[] };
  }[];
}

interface VeraReport {
  readonly report: { readonly jobs: readonly VeraJob[]; readonly buildInformation?: { readonly releaseDetails?: readonly { readonly id: string; readonly version: string }[] } };
}

function ruleFinding(rule: RuleSummary): Finding {
  const first = rule.checks?.[0];
  const detail = first?.errorMessage && first.errorMessage !== rule.description ? `: ${first.errorMessage}` : '';
  return { rule: `${rule.clause}-${rule.testNumber}`, message: `${rule.description}${detail}`, count: rule.failedChecks, ...(first?.context ? { location: first.context } : {}) };
}

/** One file's result in a veraPDF JSON report. */
export function veraPdfOutcome(job: VeraJob | undefined): Outcome {
  if (!job) return notChecked(VERAPDF_CHECKED, 'veraPDF reported nothing for this file');
  if (job.taskException) return { checked: VERAPDF_CHECKED, counts: {}, findings: [{ rule: 'parse', message: `veraPDF could not read it: ${job.taskException.exceptionMessage ?? job.taskException.exception ?? 'unknown error'}` }] };
  const result = job.validationResult?.[0];
  if (!result) return notChecked(VERAPDF_CHECKED, 'veraPDF gave no validation result for this file');
  const { details } = result;
  const findings = details.ruleSummaries.filter((r) => r.ruleStatus !== 'PASSED').map(ruleFinding);
  if (!result.compliant && findings.length === 0) findings.push({ rule: 'non-compliant', message: 'veraPDF found the file not compliant without naming a rule' });
  return {
    checked: `${result.profileName} (ISO 14289-1:2014)`,
    counts: { rulesPassed: details.passedRules, rulesFailed: details.failedRules, checksPassed: details.passedChecks, checksFailed: details.failedChecks },
    findings,
  };
}

/** The outcome of each job from veraPDF's JSON report (its stdout), matched by file. */
export function veraPdfOutcomes(stdout: string, root: string, jobs: readonly Job[]): Outcome[] {
  let report: VeraReport;
  try {
    report = JSON.parse(stdout) as VeraReport;
  } catch {
    return jobs.map(() => notChecked(VERAPDF_CHECKED, `veraPDF wrote no JSON report: ${tail(stdout)}`));
  }
  const byFile = new Map(report.report.jobs.map((j) => [path.resolve(root, j.itemDetails.name), j]));
  return jobs.map((job) => veraPdfOutcome(byFile.get(path.resolve(root, relativePath(job)))));
}

async function runVeraPdf(command: string, args: readonly string[], env: Env, jobs: readonly Job[]): Promise<Outcome[]> {
  const root = jobs[0]?.root ?? '.';
  const files = jobs.map(relativePath);
  // --nonpdfext: veraPDF otherwise skips, silently, a file whose name does not end in .pdf.
  const result = await runProcess(command, [...args, '--flavour', 'ua1', '--format', 'json', '--nonpdfext', ...files], { env, cwd: root, timeoutMs: 120_000 + 20_000 * files.length });
  if (result.failure || ![0, 1, 7].includes(result.code ?? -1)) {
    return jobs.map(() => notChecked(VERAPDF_CHECKED, `veraPDF failed (${result.failure ?? `exit ${result.code}`}): ${tail(result.stderr)}`));
  }
  return veraPdfOutcomes(result.stdout, root, jobs);
}

/** veraPDF from a Maven class path (VOXPRESS_VERAPDF_CP), else the `verapdf` its installer puts on PATH. */
async function locate(env: Env): Promise<Located | Absent> {
  const java = await locateJava(env, { variable: 'VOXPRESS_VERAPDF_CP' });
  let command: string;
  let prefix: string[];
  if (!isAbsent(java)) {
    command = java.java;
    prefix = javaArgs(java, MAIN_CLASS, []);
  } else {
    const onPath = await findCommand('verapdf', env);
    if (!onPath) return { missing: `${java.missing}, and verapdf is not on PATH` };
    command = onPath;
    prefix = [];
  }
  const probe = await runProcess(command, [...prefix, '--version'], { env, timeoutMs: 120_000 });
  const version = versionIn(probe.stdout, 'veraPDF');
  if (!version) return { missing: `${command} --version did not name a veraPDF version: ${tail(probe.stdout + probe.stderr)}` };
  return { version, check: (jobs) => runVeraPdf(command, prefix, env, jobs) };
}

export const VERAPDF: Validator = {
  id: 'verapdf',
  name: 'veraPDF',
  checks: 'PDF/UA-1 (ISO 14289-1): the PDF Association\'s reference validator, every machine-checkable rule of its profile',
  install:
    'from Maven Central (org.verapdf.apps:greenfield-apps 1.28.2, needs Java 11+ and Maven): eval "$(bash tests/conformance/maven/classpaths.sh)" sets VOXPRESS_VERAPDF_CP; or the veraPDF installer (verapdf.org), which puts verapdf on PATH',
  appliesTo: (file) => file === 'article.pdf',
  locate,
};
