import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPdfUa, openPdf } from '../../src/verify/pdfua.js';

/** The built CLI (`npm test` builds first) writing article.pdf, with --paper. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = path.join(root, 'dist/cli/bin.js');
const sample = path.join(root, 'input/khorev-asif-meeting.txt');

describe('voxpress --formats pdf', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'voxpress-pdf-cli-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });

  it('writes article.pdf on US Letter with --paper letter, and A4 by default', async () => {
    for (const [paper, view] of [['letter', [0, 0, 612, 792]], ['a4', [0, 0, 595, 842]]] as const) {
      const dir = path.join(out, paper);
      const result = run(sample, '--formats', 'pdf', '--paper', paper, '-o', dir, '-q', '-j', '1');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const bytes = new Uint8Array(readFileSync(path.join(dir, 'khorev-asif-meeting', 'article.pdf')));
      expect(await checkPdfUa(bytes)).toEqual([]);
      const pdf = await openPdf(bytes);
      expect((await pdf.getPage(1)).view.map(Math.round)).toEqual(view);
      await pdf.destroy();
    }
  });

  it('refuses an unknown paper size as a usage error', () => {
    const result = run(sample, '--formats', 'pdf', '--paper', 'b5', '-o', path.join(out, 'bad'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--paper.*b5.*a4, letter/);
  });
});
