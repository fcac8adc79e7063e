import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';

/** End to end: the built CLI (`npm test` builds first) on real files in a temp folder. */
const CLI = path.resolve('dist/cli/bin.js');
const SAMPLE = path.resolve('input/khorev-asif-meeting.txt');

function run(args: string[], cwd?: string, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'voxpress-cli-'));
}

/** Every file under `dir`, relative path → bytes, for byte-for-byte comparison of two runs. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== '.voxpress.json') {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, full), await readFile(full));
    }
  }
  return files;
}

describe('voxpress CLI', () => {
  beforeAll(async () => {
    await readFile(CLI).catch(() => {
      throw new Error('dist/cli/bin.js missing: run `npm test` (it builds first) or `npm run build`');
    });
  });

  it('processes the sample into <out>/<slug>/ with a valid document.json, exit 0', async () => {
    const out = await tempDir();
    const { code, stdout } = run([SAMPLE, '--out', out, '--formats', 'json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/1 article: 1 written, 0 unchanged, 0 failed/);
    const doc: unknown = JSON.parse(await readFile(path.join(out, 'khorev-asif-meeting', 'document.json'), 'utf8'));
    expect(documentProblems(doc)).toEqual([]);
  });

  it('gives byte-identical files in every default format on a second run and with --jobs 1 and --jobs 2', async () => {
    const input = await tempDir();
    await copyFile(SAMPLE, path.join(input, 'article.txt'));
    await writeFile(path.join(input, 'notes.md'), '# Notes\n\nThe cat sat. The dog ran.\n\n## Later\n\n- One *item*.\n- Two [links](https://example.org).\n');
    const [a, b, c] = [await tempDir(), await tempDir(), await tempDir()];
    expect(run([input, '--out', a, '--jobs', '1', '-q']).code).toBe(0);
    expect(run([input, '--out', b, '--jobs', '2', '-q']).code).toBe(0);
    expect(run([input, '--out', c, '--jobs', '2', '-q', '--force'], undefined, { TZ: 'Pacific/Kiritimati' }).code).toBe(0);
    const [sa, sb, sc] = [await snapshot(a), await snapshot(b), await snapshot(c)];
    expect([...sa.keys()].sort()).toEqual(
      ['article', 'notes'].flatMap((slug) => ['article.epub', 'article.pdf', 'document.json', 'narration.mp3', 'narration.ssml', 'narration.vtt', 'timing.json'].map((f) => path.join(slug, f))),
    );
    expect(sb).toEqual(sa);
    expect(sc).toEqual(sa);
  });

  it('reuses unchanged outputs and rebuilds with --force', async () => {
    const out = await tempDir();
    run([SAMPLE, '--out', out, '--formats', 'json']);
    expect(run([SAMPLE, '--out', out, '--formats', 'json']).stdout).toMatch(/0 written, 1 unchanged/);
    expect(run([SAMPLE, '--out', out, '--formats', 'json', '--force']).stdout).toMatch(/1 written, 0 unchanged/);
  });

  it('fails each bad article with one line naming it, and still writes the good ones (exit 1)', async () => {
    const input = await tempDir();
    await copyFile(SAMPLE, path.join(input, 'good.txt'));
    await writeFile(path.join(input, 'empty.txt'), '');
    await writeFile(path.join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await writeFile(path.join(input, 'latin1.txt'), Buffer.from('Caf\xe9 ouvert.', 'latin1'));
    await writeFile(path.join(input, 'huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    await writeFile(path.join(input, 'bad-date.txt'), 'date 2024-02-30 Text.');
    const missing = path.join(input, 'missing.txt');
    const out = await tempDir();
    const { code, stderr, stdout } = run([input, missing, '--out', out]);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        `voxpress: ${path.join(input, 'empty.txt')}: empty file: no text to read`,
        `voxpress: ${path.join(input, 'binary.txt')}: binary file, not text`,
        `voxpress: ${path.join(input, 'latin1.txt')}: not valid UTF-8 (first bad byte at offset 3)`,
        `voxpress: ${path.join(input, 'huge.txt')}: file is too large (10485761 bytes; the limit is 10485760)`,
        `voxpress: ${path.join(input, 'bad-date.txt')}: invalid date "2024-02-30" (expected YYYY-MM-DD)`,
        `voxpress: ${missing}: no such file`,
      ]),
    );
    expect(lines).toHaveLength(6);
    expect(stdout).toMatch(/7 articles: 1 written, 0 unchanged, 6 failed/);
    expect((await readdir(out)).sort()).toEqual(['good']);
    expect(documentProblems(JSON.parse(await readFile(path.join(out, 'good', 'document.json'), 'utf8')))).toEqual([]);
  });

  it('handles hostile file names and text: quotes, spaces, XML specials, control characters', async () => {
    const input = await tempDir();
    const name = `it's "a" <test> & $(echo no) ;.txt`;
    await writeFile(path.join(input, name), 'date 2024-05-05 Tom & Jerry said "<hi>" \u0007 $(rm -rf /) `x` \'y\'.\n');
    const out = await tempDir();
    const { code } = run([path.join(input, name), '--out', out, '--formats', 'json']);
    expect(code).toBe(0);
    const [folder] = await readdir(out);
    expect(folder).toBe('it-s-a-test-echo-no');
    const doc = JSON.parse(await readFile(path.join(out, folder ?? '', 'document.json'), 'utf8'));
    expect(doc.blocks[0].sentences[0].text).toBe('Tom & Jerry said "<hi>" $(rm -rf /) `x` \'y\'.');
  });

  it('gives articles with the same name their own folders', async () => {
    const input = await tempDir();
    await mkdir(path.join(input, 'a'));
    await mkdir(path.join(input, 'b'));
    await copyFile(SAMPLE, path.join(input, 'a', 'story.txt'));
    await writeFile(path.join(input, 'b', 'story.txt'), 'Another story. Quite short.');
    const out = await tempDir();
    expect(run([input, '--out', out, '-q']).code).toBe(0);
    const folders = await readdir(out);
    expect(folders).toHaveLength(2);
    expect(folders.every((f) => /^story-[0-9a-f]{8}$/.test(f))).toBe(true);
  });

  it('prints a machine-readable summary with --json', async () => {
    const out = await tempDir();
    const { code, stdout } = run([SAMPLE, path.join(out, 'nope.txt'), '--out', out, '--json', '--formats', 'json']);
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ articles: 2, written: 1, failed: 1, outputs: 1 });
    expect(summary.results[0]).toMatchObject({ status: 'written', outputs: ['document.json'] });
    expect(summary.results[1]).toMatchObject({ status: 'failed', error: `${path.join(out, 'nope.txt')}: no such file` });
  });

  it('reports an unwritable output folder in one line (exit 1)', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'file'), 'x');
    const { code, stderr } = run([SAMPLE, '--out', path.join(dir, 'file', 'out')]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`voxpress: cannot write to output folder ${path.join(dir, 'file', 'out')}: a file is in the way`);
  });

  it('exits 2 on usage errors', () => {
    expect(run(['--formats', 'nope']).code).toBe(2);
    expect(run(['--jobs', '0']).code).toBe(2);
    expect(run(['--lang', 'not a tag']).code).toBe(2);
    expect(run(['--no-such-flag']).code).toBe(2);
    const badEpoch = run(['--formats', 'json'], undefined, { SOURCE_DATE_EPOCH: '99999999999999' });
    expect(badEpoch.code).toBe(2);
    expect(badEpoch.stderr.trim()).toBe('voxpress: SOURCE_DATE_EPOCH must be whole seconds from 0 to 253402300799, got "99999999999999"');
  });

  it('takes metadata flags', async () => {
    const out = await tempDir();
    run([SAMPLE, '--out', out, '--formats', 'json', '--title', 'Envoy meets minister', '--lang', 'en-gb', '--author', 'A. Writer', '--author', 'B. Editor']);
    const doc = JSON.parse(await readFile(path.join(out, 'khorev-asif-meeting', 'document.json'), 'utf8'));
    expect(doc.meta).toMatchObject({ title: 'Envoy meets minister', lang: 'en-GB', authors: ['A. Writer', 'B. Editor'] });
  });

  it('answers --help and --version with exit 0', async () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: voxpress/);
    const version = run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile('package.json', 'utf8')).version);
  });

  it('defaults to input/ and output/ in the working folder', async () => {
    const cwd = await tempDir();
    await mkdir(path.join(cwd, 'input'));
    await copyFile(SAMPLE, path.join(cwd, 'input', 'sample.txt'));
    expect(run(['--formats', 'json', '-q'], cwd).code).toBe(0);
    expect(await readdir(path.join(cwd, 'output', 'sample'))).toContain('document.json');
  });
});
