import path from 'node:path';
import { articleContext, findArticles, type ArticleFolder } from './folders.js';
import type { Env } from './process.js';
import { VALIDATORS } from './registry.js';
import { buildReport } from './report.js';
import type { FileCheck, MissingValidator, ValidatorUsed, VerifyReport } from './types.js';
import { isAbsent, relativePath, type Job, type Validator } from './validator.js';

export interface VerifyOptions {
  /** Where validators are looked for and run: the process's environment, or a test's. */
  readonly env: Env;
  /** The validators to use (default: all of VALIDATORS). */
  readonly validators?: readonly Validator[];
  /** Told when each validator starts, for a progress line. */
  readonly onValidator?: (validator: Validator, files: number) => void;
}

/** Every job of every validator: each file it applies to, with its article's context. */
async function plan(root: string, articles: readonly ArticleFolder[], validators: readonly Validator[]): Promise<Map<Validator, Job[]>> {
  const jobs = new Map<Validator, Job[]>(validators.map((v) => [v, []]));
  for (const article of articles) {
    const context = await articleContext(root, article);
    for (const file of article.files) {
      for (const validator of validators) if (validator.appliesTo(file)) jobs.get(validator)?.push({ root, article: article.folder, file, context });
    }
  }
  return jobs;
}

/**
 * Verifies every article folder in `root` with every validator that is
 * installed, each on all its files in one batch; validators that are missing
 * are listed with the files they would have checked.
 */
export async function verifyFolder(folder: string, options: VerifyOptions): Promise<VerifyReport> {
  const root = path.resolve(folder);
  const validators = options.validators ?? VALIDATORS;
  const articles = await findArticles(root);
  const jobs = await plan(root, articles, validators);
  const checks = new Map<string, FileCheck[]>(articles.map((a) => [a.folder, []]));
  const missingIn = new Map<string, string[]>(articles.map((a) => [a.folder, []]));
  const used: ValidatorUsed[] = [];
  const missing: MissingValidator[] = [];
  for (const validator of validators) {
    const work = jobs.get(validator) ?? [];
    if (work.length === 0) continue;
    options.onValidator?.(validator, work.length);
    const found = await validator.locate(options.env);
    if (isAbsent(found)) {
      missing.push({ validator: validator.id, name: validator.name, reason: found.missing, install: validator.install, files: work.map(relativePath) });
      for (const article of new Set(work.map((j) => j.article))) missingIn.get(article)?.push(validator.id);
      continue;
    }
    const outcomes = await found.check(work);
    used.push({ validator: validator.id, name: validator.name, version: found.version, checks: validator.checks });
    work.forEach((job, i) => {
      const outcome = outcomes[i];
      if (!outcome) return;
      checks.get(job.article)?.push({ file: job.file, validator: validator.id, version: found.version, checked: outcome.checked, counts: outcome.counts, passed: outcome.findings.length === 0, findings: outcome.findings });
    });
  }
  const order = (c: FileCheck, files: readonly string[]): number => files.indexOf(c.file) * validators.length + validators.findIndex((v) => v.id === c.validator);
  return buildReport(
    articles.map((a) => ({ folder: a.folder, files: a.files, unchecked: a.files.filter((f) => !validators.some((v) => v.appliesTo(f))), checks: [...(checks.get(a.folder) ?? [])].sort((x, y) => order(x, a.files) - order(y, a.files)), missing: missingIn.get(a.folder) ?? [] })),
    used,
    missing,
  );
}
