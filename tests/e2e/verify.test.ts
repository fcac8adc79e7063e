import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileCheck, VerifyReport } from '../../src/verify/types.js';
import { deterministicZip } from '../../src/writers/epub/zip.js';
import { CONFORMANCE } from '../helpers/conformance.js';
import { unzip } from '../helpers/epub.js';

/**
 * `voxpress verify` as an auditor runs it: the built CLI on a folder of real
 * outputs (all pass), on deliberately broken copies (each failure named with
 * its rule), and with the validators taken away (listed as missing, exit 1).
 * Under VOXPRESS_CONFORMANCE=1 every validator must have run.
 */
const CLI = path.resolve('dist/cli/bin.js');
const EXTERNAL = ['mpg123', 'mutagen', 'epubcheck5', 'epubcheck-debian', 'ace', 'verapdf'];

function verify(args: string[], env: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'verify', ...args], { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function checksOf(report: VerifyReport, file: string, validator: string): FileCheck | undefined {
  return report.articles.flatMap((a) => a.checks).find((c) => c.file === file && c.validator === validator);
}

let good: string;
let broken: string;

async function edit(file: string, change: (text: string) => string, encoding: BufferEncoding = 'utf8'): Promise<void> {
  await writeFile(file, Buffer.from(change((await readFile(file)).toString(encoding)), encoding));
}

beforeAll(async () => {
  const input = await mkdtemp(path.join(os.tmpdir(), 'voxpress-verify-in-'));
  good = await mkdtemp(path.join(os.tmpdir(), 'voxpress-verify-good-'));
  await cp('tests/fixtures/audio/sections.md', path.join(input, 'sections.md'));
  const made = spawnSync(process.execPath, [CLI, input, '--out', good, '--jobs', '1', '--quiet'], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`voxpress failed (${made.status}): ${made.stderr}`);

  broken = await mkdtemp(path.join(os.tmpdir(), 'voxpress-verify-broken-'));
  const dir = path.join(broken, 'sections');
  await mkdir(dir);
  await cp(path.join(good, 'sections'), dir, { recursive: true });
  // An SSML element the schema does not have.
  await edit(path.join(dir, 'narration.ssml'), (t) => t.replace('<s>', '<s><bogus/>'));
  // A media overlay pointing at an id the content document lacks.
  const files = await unzip(await readFile(path.join(dir, 'article.epub')));
  files.set('OEBPS/content.smil', new TextEncoder().encode(new TextDecoder().decode(files.get('OEBPS/content.smil')).replace('#p1s1"', '#no-such-id"')));
  await writeFile(path.join(dir, 'article.epub'), await deterministicZip(files, new Date(0)));
  // A PDF whose catalog no longer names its structure tree (same length, so the xref table stays right).
  await edit(path.join(dir, 'article.pdf'), (t) => t.replace(/\/StructTreeRoot (\d+ 0 R)/, '/StructTreeRooX $1'), 'latin1');
}, 300_000);

describe('voxpress verify', () => {
  it('passes a folder of good outputs, every check that ran, and writes the same report as JSON and HTML each time', async () => {
    const { code, stdout } = verify([good, '--json']);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(report.articles.map((a) => a.folder)).toEqual(['sections']);
    expect(report.articles[0]?.files).toEqual(['.voxpress.json', 'document.json', 'narration.ssml', 'narration.mp3', 'timing.json', 'narration.vtt', 'article.epub', 'article.pdf']);
    expect(report.articles[0]?.checks.filter((c) => !c.passed)).toEqual([]);
    const ran = new Set(report.validators.map((v) => v.validator));
    for (const id of ['manifest', 'model', 'ssml', 'timing', 'webvtt', 'overlay', 'pdfua']) expect(ran).toContain(id);
    if (CONFORMANCE) {
      expect(report.missing).toEqual([]);
      expect([...ran].sort()).toEqual([...EXTERNAL, 'manifest', 'model', 'ssml', 'timing', 'webvtt', 'overlay', 'pdfua'].sort());
    }
    expect(code).toBe(report.missing.length === 0 ? 0 : 1);
    expect(report.verdict).toBe(report.missing.length === 0 ? 'passed' : 'incomplete');
    const json = await readFile(path.join(good, 'verify-report.json'), 'utf8');
    const html = await readFile(path.join(good, 'verify-report.html'), 'utf8');
    expect(JSON.parse(json)).toEqual(report);
    expect(html).toContain('<title>voxpress conformance report: ');
    // Deterministic: a second run writes the same bytes.
    expect(verify([good, '--quiet']).stdout).toBe(`${report.verdict}\n`);
    expect(await readFile(path.join(good, 'verify-report.json'), 'utf8')).toBe(json);
    expect(await readFile(path.join(good, 'verify-report.html'), 'utf8')).toBe(html);
  });

  it('fails broken files, each with the rule it breaks, exit 1', () => {
    const { code, stdout } = verify([broken, '--json']);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(code).toBe(1);
    expect(report.verdict).toBe('failed');
    expect(checksOf(report, 'narration.ssml', 'ssml')?.findings[0]).toMatchObject({ rule: 'ssml-1.1', message: expect.stringMatching(/bogus/) });
    expect(checksOf(report, 'article.epub', 'overlay')?.findings).toContainEqual(expect.objectContaining({ rule: 'smil-target', message: expect.stringMatching(/no element with id "no-such-id"/) }));
    expect(checksOf(report, 'article.pdf', 'pdfua')?.findings.map((f) => f.rule)).toContain('struct-tree');
    const epubcheck = checksOf(report, 'article.epub', 'epubcheck5');
    const verapdf = checksOf(report, 'article.pdf', 'verapdf');
    if (CONFORMANCE || epubcheck) expect(epubcheck?.findings).toContainEqual(expect.objectContaining({ rule: 'RSC-012', severity: 'ERROR', location: expect.stringMatching(/^OEBPS\/content\.smil:/) }));
    if (CONFORMANCE || verapdf) expect(verapdf?.findings.map((f) => f.rule)).toContain('7.1-11');
    // The files left alone still pass.
    expect(checksOf(report, 'narration.vtt', 'webvtt')?.passed).toBe(true);
    expect(checksOf(report, 'document.json', 'model')?.passed).toBe(true);
  });

  it('lists the validators it cannot find as missing, and does not exit 0 for what it did not check', async () => {
    const stripped = { PATH: path.join(os.tmpdir(), 'voxpress-no-tools'), HOME: os.tmpdir() };
    const { code, stdout } = verify([good, '--json'], stripped);
    const report = JSON.parse(stdout) as VerifyReport;
    expect(report.missing.map((m) => m.validator).sort()).toEqual([...EXTERNAL].sort());
    expect(report.missing.find((m) => m.validator === 'verapdf')).toMatchObject({ reason: 'VOXPRESS_VERAPDF_CP is not set, and verapdf is not on PATH', files: ['sections/article.pdf'], install: expect.stringMatching(/classpaths\.sh/) });
    expect(report.articles[0]?.checks.every((c) => c.passed)).toBe(true);
    expect(report.verdict).toBe('incomplete');
    expect(code).toBe(1);
    const text = verify([good], stripped);
    expect(text.stdout).toMatch(/Validators missing \(their files are not verified, and not counted as passed\):\n {2}mpg123: mpg123 is not on PATH\n/);
    expect(text.stdout).toMatch(/INCOMPLETE: every check that ran passed, but some validators are missing/);
    expect(verify([good, '--allow-missing', '--quiet'], stripped)).toMatchObject({ code: 0, stdout: 'incomplete\n' });
  });

  it('is a usage error, exit 2, on a folder that does not exist or holds no outputs; answers --help', async () => {
    expect(verify([path.join(good, 'nope')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^voxpress: verify: .*nope: no such file\n$/) });
    expect(verify([await mkdtemp(path.join(os.tmpdir(), 'voxpress-verify-empty-'))])).toMatchObject({ code: 2, stderr: expect.stringMatching(/holds no voxpress outputs/) });
    expect(verify(['--bogus'])).toMatchObject({ code: 2 });
    expect(verify(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/Usage: voxpress verify \[options\] \[out\][\s\S]*Exit status: 0 every check passed/) });
  });
});
