import type { FileCheck, Finding, Verdict } from '../types.js';

/* Wording shared by the text and HTML reports, so both say the same. */

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  passed: 'PASSED: every check passed and every validator ran',
  failed: 'FAILED: some check failed',
  incomplete: 'INCOMPLETE: every check that ran passed, but some validators are missing, so these outputs are not fully verified',
};

/** `rulesPassed: 106` as `rules passed 106`. */
export function countsText(counts: FileCheck['counts']): string {
  return Object.entries(counts)
    .map(([key, n]) => `${key.replace(/([A-Z])/g, ' $1').toLowerCase()} ${n}`)
    .join(', ');
}

/** A finding without its rule: severity, how often, message, where. */
export function findingDetail(f: Finding): string {
  return `${f.severity ? `[${f.severity}] ` : ''}${f.count !== undefined && f.count > 1 ? `(${f.count}×) ` : ''}${f.message}${f.location ? ` (at ${f.location})` : ''}`;
}

/** One finding on one line: rule, then the rest. */
export function findingText(f: Finding): string {
  return `${f.rule}: ${findingDetail(f)}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
