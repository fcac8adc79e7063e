import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { renderPdf } from '../../src/writers/pdf/index.js';
import { skipWithout } from '../helpers/conformance.js';

/** The PDFs checked by Debian's own tools: qpdf for syntax, poppler for fonts and the structure tree. */

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url), 'utf8');

describe.skipIf(skipWithout('qpdf', 'pdffonts', 'pdfinfo'))('PDF conformance (qpdf, poppler)', () => {
  let dir = '';
  const files: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'voxpress-pdf-'));
    const docs = {
      sample: parseArticle(readFileSync(new URL('../../input/khorev-asif-meeting.txt', import.meta.url), 'utf8'), { format: 'text' }),
      multilingual: parseArticle(fixture('multilingual.md'), { format: 'markdown' }),
      rich: parseArticle(fixture('rich.md'), { format: 'markdown' }),
      symbols: parseArticle('An arrow → and an emoji 😀 with `code` in it.', { format: 'markdown' }),
    };
    for (const [name, doc] of Object.entries(docs)) {
      files[name] = path.join(dir, `${name}.pdf`);
      writeFileSync(files[name] as string, await renderPdf(doc));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['sample', 'multilingual', 'rich', 'symbols'])('%s: qpdf --check finds nothing wrong', (name) => {
    const result = spawnSync('qpdf', ['--check', files[name] as string], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No syntax or stream encoding errors found');
  });

  it.each(['sample', 'multilingual', 'rich', 'symbols'])('%s: pdffonts shows every font embedded with a Unicode map', (name) => {
    const rows = execFileSync('pdffonts', [files[name] as string], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name, type (two words), encoding, emb, sub, uni, object, generation
      const [emb, sub, uni] = row.trim().split(/\s+/).slice(-5, -2);
      expect({ row, emb, sub, uni }).toEqual({ row, emb: 'yes', sub: 'yes', uni: 'yes' });
    }
  });

  it('pdfinfo -struct-text shows the structure tree of the model, with its ids', () => {
    const out = execFileSync('pdfinfo', ['-struct-text', files.rich as string], { encoding: 'utf8' });
    const elements = out
      .split('\n')
      .filter((line) => /^\s*[A-Z][A-Za-z0-9]*( <[^>]+>)?( \((block|inline)\))?$/.test(line))
      .map((line) => line.replace(/ \((block|inline)\)$/, '').trimEnd());
    expect(elements).toEqual([
      'Document',
      '  Art',
      '    H1',
      '    P',
      '    P',
      '    P <p1>',
      '      Span <p1s1>',
      '        Code',
      '        Link',
      '    H2 <h1>',
      '      Span <h1s1>',
      '    L <l1>',
      '      LI <l1i1>',
      '        Lbl',
      '        LBody',
      '          P <p2>',
      '            Span <p2s1>',
      '      LI <l1i2>',
      '        Lbl',
      '        LBody',
      '          P <p3>',
      '            Span <p3s1>',
      '              Link',
      '    L <l2>',
      '      LI <l2i1>',
      '        Lbl',
      '        LBody',
      '          P <p4>',
      '            Span <p4s1>',
      '      LI <l2i2>',
      '        Lbl',
      '        LBody',
      '          P <p5>',
      '            Span <p5s1>',
      '    BlockQuote <q1>',
      '      P <p6>',
      '        Span <p6s1>',
      '        Span <p6s2>',
      '    H3 <h2>',
      '      Span <h2s1>',
      '    P <p7>',
      '      Span <p7s1>',
    ]);
    expect(out).toContain('"A quotation from someone important. "');
  });

  it('pdfinfo reports a tagged PDF 1.7 with the title and fixed dates', () => {
    const out = execFileSync('pdfinfo', ['-isodates', files.multilingual as string], { encoding: 'utf8' });
    expect(out).toMatch(/^Tagged:\s+yes$/m);
    expect(out).toMatch(/^PDF version:\s+1\.7$/m);
    expect(out).toMatch(/^Title:\s+Café & «Ελληνικά» <Кириллица> "quoted"$/m);
    expect(out).toMatch(/^CreationDate:\s+2024-03-05T00:00:00Z$/m);
    expect(out).toMatch(/^ModDate:\s+2024-03-05T00:00:00Z$/m);
  });
});
