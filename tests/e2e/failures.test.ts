import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epubcheckTs, problems, unzip, xml, values } from '../helpers/epub.js';
import { checkPdfUa } from '../../src/verify/pdfua.js';

const run = promisify(execFile);
const CLI = path.resolve('dist/cli/bin.js');

/*
 * The audio fails for real (a voice eSpeak does not have): the listener's
 * formats are lost, and only they. The SSML, the JSON, the PDF and the EPUB
 * (without overlays, saying so) are still written; the run exits 1 and says
 * which formats of which article failed.
 */
describe('a failed narration costs only the audio formats', () => {
  let out: string;
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-fail-'));
    try {
      const { stdout, stderr } = await run(process.execPath, [CLI, 'input/khorev-asif-meeting.txt', '--out', out, '--voice', 'zz-nonexistent', '--json']);
      result = { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('exits 1 with one line per failed format, and --json names them', () => {
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^voxpress: input\/khorev-asif-meeting\.txt: mp3: espeak has no voice "zz-nonexistent"/),
      expect.stringMatching(/^voxpress: input\/khorev-asif-meeting\.txt: vtt: espeak has no voice "zz-nonexistent"/),
    ]);
    const summary = JSON.parse(result.stdout) as { written: number; failedFormats: number; results: { failures: { format: string }[] }[] };
    expect(summary.written).toBe(1);
    expect(summary.failedFormats).toBe(2);
    expect(summary.results[0]?.failures.map((f) => f.format)).toEqual(['mp3', 'vtt']);
  });

  it('writes the other formats, valid, and an EPUB without overlays that says why', async () => {
    const folder = path.join(out, 'khorev-asif-meeting');
    expect((await readdir(folder)).filter((n) => !n.startsWith('.')).sort()).toEqual(['article.epub', 'article.pdf', 'document.json', 'narration.ssml']);
    const book = new Uint8Array(await readFile(path.join(folder, 'article.epub')));
    expect(problems(await epubcheckTs(book))).toEqual([]);
    const files = await unzip(book);
    expect([...files.keys()].some((n) => n.endsWith('.smil'))).toBe(false);
    const opf = xml(files, 'OEBPS/content.opf');
    expect(values(opf, '//opf:meta[@property="schema:accessibilitySummary"]')[0]).toMatch(/audio narration could not be made/);
    opf.dispose();
    expect(await checkPdfUa(await readFile(path.join(folder, 'article.pdf')))).toEqual([]);
  });
});
