import { articleVerdict } from '../report.js';
import type { ArticleReport, VerifyReport } from '../types.js';
import { countsText, findingText, plural, VERDICT_WORDS } from './words.js';

/** Findings shown per check on a terminal; verify-report.json and .html have them all. */
const SHOWN = 10;

function articleText(article: ArticleReport, names: ReadonlyMap<string, string>): string[] {
  const lines = [`${article.folder === '.' ? '(this folder)' : article.folder}: ${articleVerdict(article).toUpperCase()}`];
  for (const check of article.checks) {
    lines.push(`  ${check.passed ? 'pass' : 'FAIL'}  ${check.file.padEnd(14)} ${names.get(check.validator) ?? check.validator} ${check.version}: ${countsText(check.counts) || 'no counts'}`);
    for (const f of check.findings.slice(0, SHOWN)) lines.push(`          ${findingText(f)}`);
    if (check.findings.length > SHOWN) lines.push(`          ... and ${check.findings.length - SHOWN} more (verify-report.json)`);
  }
  for (const id of article.missing) lines.push(`  MISSING  ${names.get(id) ?? id}: not checked, not counted as passed`);
  if (article.unchecked.length > 0) lines.push(`  no validator checks ${article.unchecked.join(', ')}`);
  return lines;
}

/** The report for a terminal: each article's checks, the validators, the verdict. */
export function reportText(report: VerifyReport): string {
  const names = new Map([...report.validators, ...report.missing].map((v) => [v.validator, v.name]));
  const { totals } = report;
  const lines = [`voxpress verify ${report.voxpressVersion}: ${plural(totals.articles, 'article')}, ${plural(totals.files, 'file')}`, ''];
  for (const article of report.articles) lines.push(...articleText(article, names), '');
  lines.push('Validators that ran:');
  for (const v of report.validators) lines.push(`  ${v.name} ${v.version}: ${v.checks}`);
  if (report.missing.length > 0) {
    lines.push('', 'Validators missing (their files are not verified, and not counted as passed):');
    for (const m of report.missing) lines.push(`  ${m.name}: ${m.reason}`, `    would check ${plural(m.files.length, 'file')}; install: ${m.install}`);
  }
  lines.push('', `${VERDICT_WORDS[report.verdict]}.`, `${plural(totals.checks, 'check')}: ${totals.passed} passed, ${totals.failed} failed; ${plural(totals.missingValidators, 'validator')} missing.`);
  return `${lines.join('\n')}\n`;
}
