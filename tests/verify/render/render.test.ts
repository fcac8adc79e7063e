import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { reportHtml } from '../../../src/verify/render/html.js';
import { reportText } from '../../../src/verify/render/text.js';
import { countsText, findingText } from '../../../src/verify/render/words.js';
import { buildReport } from '../../../src/verify/report.js';
import type { FileCheck } from '../../../src/verify/types.js';

const check = (file: string, validator: string, findings: FileCheck['findings'] = []): FileCheck => ({ file, validator, version: '1.0', checked: `what ${validator} checks`, counts: { rulesPassed: 3 }, passed: findings.length === 0, findings });
const many = Array.from({ length: 12 }, (_, i) => ({ rule: `R-${i}`, message: `problem ${i} <&>`, location: `line ${i}` }));
const report = buildReport(
  [
    { folder: 'a & b', files: ['article.pdf', 'narration.wav'], unchecked: ['narration.wav'], checks: [check('article.pdf', 'verapdf', [{ rule: '7.18.5-2', message: 'Links shall have <Contents>', count: 2, severity: 'ERROR', location: 'root/page[0]' }]), check('article.pdf', 'pdfua')], missing: ['ace'] },
    { folder: 'good', files: ['narration.ssml'], unchecked: [], checks: [check('narration.ssml', 'ssml', many)], missing: [] },
  ],
  [{ validator: 'verapdf', name: 'veraPDF', version: '1.28.2', checks: 'PDF/UA-1' }, { validator: 'pdfua', name: 'voxpress PDF/UA', version: '0.1.0', checks: 'structure' }, { validator: 'ssml', name: 'SSML', version: '0.1.0', checks: 'schema' }],
  [{ validator: 'ace', name: 'Ace by DAISY', reason: 'ace-cli is not on PATH', install: 'npm install -g @daisy/ace-cli', files: ['a & b/article.epub'] }],
);

describe('report wording', () => {
  it('spells counts and findings out', () => {
    expect(countsText({ rulesPassed: 106, checksFailed: 0 })).toBe('rules passed 106, checks failed 0');
    expect(findingText({ rule: '7.18.5-2', message: 'm', count: 2, severity: 'ERROR', location: 'x' })).toBe('7.18.5-2: [ERROR] (2×) m (at x)');
  });

  it('prints each check, the findings (ten at most), the missing validators and the verdict', () => {
    const text = reportText(report);
    expect(text).toContain('a & b: FAILED');
    expect(text).toContain('  FAIL  article.pdf    veraPDF 1.0: rules passed 3');
    expect(text).toContain('          7.18.5-2: [ERROR] (2×) Links shall have <Contents> (at root/page[0])');
    expect(text).toContain('  MISSING  Ace by DAISY: not checked, not counted as passed');
    expect(text).toContain('  no validator checks narration.wav');
    expect(text).toContain('          ... and 2 more (verify-report.json)');
    expect(text).toContain('  Ace by DAISY: ace-cli is not on PATH\n    would check 1 file; install: npm install -g @daisy/ace-cli');
    expect(text).toMatch(/FAILED: some check failed\.\n3 checks: 1 passed, 2 failed; 1 validator missing\.\n$/);
  });
});

describe('verify-report.html', () => {
  const html = reportHtml(report);

  it('is well-formed XHTML-compatible markup with a language, a title and one h1', () => {
    const doc = XmlDocument.fromString(html.replace('<!DOCTYPE html>', ''));
    try {
      expect(doc.get('/html/@lang')?.content).toBe('en');
      expect(doc.get('/html/head/title')?.content).toBe('voxpress conformance report: failed');
      expect(doc.find('//h1')).toHaveLength(1);
      expect(doc.find('//h2').map((h) => h.content)).toEqual(['Verdict: failed', 'Validators', 'Article a & b: failed', 'Article good: failed']);
      // Every table has a caption, and every header cell a scope.
      expect(doc.find('//table').length).toBe(doc.find('//table/caption').length);
      expect(doc.find('//th[not(@scope)]')).toHaveLength(0);
      // Every in-page link has its target.
      const ids = new Set(doc.find('//@id').map((a) => a.content));
      for (const href of doc.find('//a/@href').map((a) => a.content)) expect(ids.has(href.slice(1))).toBe(true);
    } finally {
      doc.dispose();
    }
  });

  it('says each status in words, with the mark hidden from screen readers, and escapes everything', () => {
    expect(html).toContain('<strong class="failed"><span aria-hidden="true">✗ </span>Failed</strong>');
    expect(html).toContain('<span aria-hidden="true">✓ </span>Passed');
    expect(html).toContain('problem 11 &lt;&amp;&gt;');
    expect(html).not.toMatch(/<&>/);
    expect(html).toContain('<li><code>7.18.5-2</code> [ERROR] (2×) Links shall have &lt;Contents&gt; (at root/page[0])</li>');
  });

  it('names no date or timing: the same report gives the same bytes', () => {
    expect(reportHtml(report)).toBe(html);
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}|\d+(\.\d+)? s\b/);
  });
});
