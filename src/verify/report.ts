import { VERSION } from '../shared/version.js';
import type { ArticleReport, FileCheck, MissingValidator, ValidatorUsed, Verdict, VerifyReport } from './types.js';

/*
 * The report's verdict and totals, from the checks that ran and the
 * validators that were missing. A missing validator never counts as passed:
 * its files were not verified, so the verdict is at best `incomplete`.
 */

export interface ArticleChecks {
  readonly folder: string;
  readonly files: readonly string[];
  readonly unchecked: readonly string[];
  readonly checks: readonly FileCheck[];
  readonly missing: readonly string[];
}

function verdictOf(failed: boolean, missing: boolean): Verdict {
  return failed ? 'failed' : missing ? 'incomplete' : 'passed';
}

export function buildReport(articles: readonly ArticleChecks[], validators: readonly ValidatorUsed[], missing: readonly MissingValidator[]): VerifyReport {
  const reports: ArticleReport[] = articles.map((a) => ({ ...a, passed: a.checks.every((c) => c.passed) && a.missing.length === 0 }));
  const checks = reports.flatMap((a) => a.checks);
  const failed = checks.filter((c) => !c.passed).length;
  return {
    tool: 'voxpress verify',
    voxpressVersion: VERSION,
    articles: reports,
    validators,
    missing,
    totals: {
      articles: reports.length,
      files: reports.reduce((n, a) => n + a.files.length, 0),
      checks: checks.length,
      passed: checks.length - failed,
      failed,
      missingValidators: missing.length,
    },
    verdict: verdictOf(failed > 0, missing.length > 0),
  };
}

/** 0 only when every check passed and none was left out for want of a validator (unless the caller accepts an incomplete report); else 1. */
export function exitStatus(report: VerifyReport, allowMissing: boolean): 0 | 1 {
  return report.verdict === 'passed' || (report.verdict === 'incomplete' && allowMissing) ? 0 : 1;
}

/** An article's verdict in words. */
export function articleVerdict(article: ArticleReport): Verdict {
  return verdictOf(article.checks.some((c) => !c.passed), article.missing.length > 0);
}
