import { escapeAttr, escapeText } from '../../shared/xml.js';
import { articleVerdict } from '../report.js';
import type { ArticleReport, FileCheck, VerifyReport } from '../types.js';
import { countsText, findingDetail, plural, VERDICT_WORDS } from './words.js';

/*
 * verify-report.html: the report for an auditor, itself accessible. One h1,
 * an h2 per section, every table with a caption and th scope, every status in
 * words (never colour alone), the page's language declared, no script, and
 * relative units only, so the reader's font size and colours win.
 */

const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 70rem; padding: 0 1rem 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; }
caption { font-weight: bold; text-align: start; padding: 0.25rem 0; }
th, td { border: 1px solid currentColor; padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
.failed { font-weight: bold; }
code { overflow-wrap: anywhere; }
`;

const e = escapeText;

function status(passed: boolean): string {
  // The words carry the status; the mark repeats it for a quick scan and is hidden from screen readers.
  return passed ? '<span aria-hidden="true">✓ </span>Passed' : '<strong class="failed"><span aria-hidden="true">✗ </span>Failed</strong>';
}

function table(caption: string, head: readonly string[], rows: readonly string[][]): string {
  const header = `<tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr>`;
  // The first cell of each row names it: a row header.
  const body = rows.map((cells) => `<tr><th scope="row">${cells[0] ?? ''}</th>${cells.slice(1).map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${e(caption)}</caption>\n<thead>${header}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function findingsOf(check: FileCheck, name: string, id: string): string {
  const items = check.findings.map((f) => `<li><code>${e(f.rule)}</code> ${e(findingDetail(f))}</li>`).join('\n');
  return `<h4 id="${escapeAttr(id)}">${e(check.file)}: ${e(name)} ${e(check.version)}, ${plural(check.findings.length, 'finding')}</h4>\n<ul>\n${items}\n</ul>`;
}

function articleSection(article: ArticleReport, index: number, names: ReadonlyMap<string, string>): string {
  const id = `article-${index + 1}`;
  const title = article.folder === '.' ? 'this folder' : article.folder;
  const failed = article.checks.map((c, i) => ({ c, i })).filter(({ c }) => !c.passed);
  const rows = article.checks.map((c, i) => [
    e(c.file),
    e(names.get(c.validator) ?? c.validator),
    e(c.version),
    e(c.checked),
    e(countsText(c.counts)),
    c.passed ? status(true) : `${status(false)} (<a href="#${id}-finding-${i + 1}">${plural(c.findings.length, 'finding')}</a>)`,
  ]);
  const missing = article.missing.length > 0 ? `<p>Not checked, for want of a validator (not counted as passed): ${article.missing.map((m) => e(names.get(m) ?? m)).join(', ')}.</p>` : '';
  const unchecked = article.unchecked.length > 0 ? `<p>No validator checks: ${article.unchecked.map((f) => `<code>${e(f)}</code>`).join(', ')}.</p>` : '';
  const findings = failed.length > 0 ? `<h3>Findings</h3>\n${failed.map(({ c, i }) => findingsOf(c, names.get(c.validator) ?? c.validator, `${id}-finding-${i + 1}`)).join('\n')}` : '';
  return `<section aria-labelledby="${id}">
<h2 id="${id}">Article ${e(title)}: ${e(articleVerdict(article))}</h2>
${table(`Checks of ${title}`, ['File', 'Validator', 'Version', 'What was checked', 'Counts', 'Result'], rows)}
${missing}${unchecked}${findings}
</section>`;
}

function validatorsSection(report: VerifyReport): string {
  const used = table(
    'Validators that ran',
    ['Validator', 'Version', 'What it checks'],
    report.validators.map((v) => [e(v.name), e(v.version), e(v.checks)]),
  );
  const missing =
    report.missing.length === 0
      ? '<p>No validator was missing.</p>'
      : table(
          'Validators missing: their files are not verified, and not counted as passed',
          ['Validator', 'Why it is missing', 'How to install it', 'Files it would check'],
          report.missing.map((m) => [e(m.name), e(m.reason), e(m.install), m.files.map((f) => `<code>${e(f)}</code>`).join(', ')]),
        );
  return `<section aria-labelledby="validators">\n<h2 id="validators">Validators</h2>\n${used}\n${missing}\n</section>`;
}

/** The whole report as an HTML document (deterministic: no dates, no timings). */
export function reportHtml(report: VerifyReport): string {
  const names = new Map([...report.validators, ...report.missing].map((v) => [v.validator, v.name]));
  const { totals } = report;
  const summary = table(
    'Articles',
    ['Article', 'Files', 'Checks', 'Passed', 'Failed', 'Validators missing', 'Result'],
    report.articles.map((a, i) => [
      `<a href="#article-${i + 1}">${e(a.folder === '.' ? 'this folder' : a.folder)}</a>`,
      String(a.files.length),
      String(a.checks.length),
      String(a.checks.filter((c) => c.passed).length),
      String(a.checks.filter((c) => !c.passed).length),
      String(a.missing.length),
      e(articleVerdict(a)),
    ]),
  );
  return `<!DOCTYPE html>
<html lang="en" xml:lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>voxpress conformance report: ${e(report.verdict)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>voxpress conformance report</h1>
<p>Made by <code>voxpress verify</code> ${e(report.voxpressVersion)}: each output checked by every validator installed.</p>
</header>
<main>
<section aria-labelledby="verdict">
<h2 id="verdict">Verdict: ${e(report.verdict)}</h2>
<p>${e(VERDICT_WORDS[report.verdict])}.</p>
<p>${plural(totals.articles, 'article')}, ${plural(totals.files, 'file')}, ${plural(totals.checks, 'check')}: ${totals.passed} passed, ${totals.failed} failed; ${plural(totals.missingValidators, 'validator')} missing.</p>
${summary}
</section>
${validatorsSection(report)}
${report.articles.map((a, i) => articleSection(a, i, names)).join('\n')}
</main>
</body>
</html>
`;
}
