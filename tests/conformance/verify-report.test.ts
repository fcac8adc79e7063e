import axe from 'axe-core';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../../src/verify/render/html.js';
import { buildReport } from '../../src/verify/report.js';
import type { FileCheck } from '../../src/verify/types.js';
import { skipWithout } from '../helpers/conformance.js';

/**
 * verify-report.html checked by axe-core (the engine inside Ace and browser
 * audits) in Debian's chromium, with every WCAG 2.x A/AA rule and the best
 * practices: 0 violations, on a report with failures, findings and missing
 * validators; a damaged copy must fail (negative control).
 */

const check = (file: string, validator: string, findings: FileCheck['findings'] = []): FileCheck => ({ file, validator, version: '1.0', checked: 'what it checks', counts: { rulesPassed: 3, rulesFailed: findings.length }, passed: findings.length === 0, findings });
const report = buildReport(
  [
    { folder: 'story', files: ['article.pdf', 'narration.ssml', 'narration.wav'], unchecked: ['narration.wav'], checks: [check('article.pdf', 'verapdf', [{ rule: '7.18.5-2', message: 'Links shall contain an alternate description <Contents>', count: 2, location: 'root/document[0]/pages[0]' }]), check('narration.ssml', 'ssml')], missing: ['ace'] },
    { folder: 'other', files: ['narration.ssml'], unchecked: [], checks: [check('narration.ssml', 'ssml')], missing: [] },
  ],
  [{ validator: 'verapdf', name: 'veraPDF', version: '1.28.2', checks: 'PDF/UA-1' }, { validator: 'ssml', name: 'SSML 1.1 schema', version: '0.1.0', checks: 'schema' }],
  [{ validator: 'ace', name: 'Ace by DAISY', reason: 'ace-cli is not on PATH', install: 'npm install -g @daisy/ace-cli', files: ['story/article.epub'] }],
);

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

describe.skipIf(skipWithout('chromium'))('verify-report.html under axe-core', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await puppeteer.launch({ executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function violations(html: string): Promise<string[]> {
    const page = await browser.newPage();
    try {
      await page.setContent(html);
      await page.addScriptTag({ content: axe.source });
      return await page.evaluate(async (tags) => {
        // Runs in the page: its axe and document (the tests compile without the DOM types).
        const page = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
        const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: tags } });
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      }, TAGS);
    } finally {
      await page.close();
    }
  }

  it('has no violation of any WCAG 2 A/AA rule or best practice', async () => {
    expect(await violations(reportHtml(report))).toEqual([]);
  });

  it('fails a copy without its language, title and table headers (negative control)', async () => {
    const damaged = reportHtml(report).replace(' lang="en" xml:lang="en"', '').replace(/<title>[^<]*<\/title>/, '').replace(/<th scope="col">[^<]*<\/th>/g, '<td></td>').replace(/<h1>/, '<h3>').replace(/<\/h1>/, '</h3>');
    const found = (await violations(damaged)).map((v) => v.split(':')[0]);
    expect(found).toEqual(expect.arrayContaining(['html-has-lang', 'document-title']));
  });
});
