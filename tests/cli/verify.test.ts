import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { renderDocument } from '../../src/pipeline/render.js';
import type { VerifyReport } from '../../src/verify/types.js';
import { smallDoc } from '../helpers/verify.js';

/** `voxpress verify` through main(), in this process, with no outside validator on PATH (tests/e2e/verify.test.ts runs them all). */
let out: string;
let stdout: string;
let stderr: string;
const path0 = process.env.PATH;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-cli-verify-'));
  for (const f of await renderDocument(smallDoc(), ['json', 'ssml', 'pdf'])) await writeFile(path.join(out, f.name), f.data);
});

async function run(...args: string[]): Promise<number> {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  process.env.PATH = path.join(os.tmpdir(), 'voxpress-no-tools');
  try {
    return await main(args);
  } finally {
    process.env.PATH = path0;
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  process.env.PATH = path0;
});

describe('voxpress verify (in process)', () => {
  it('checks an article folder, prints the report and writes it; missing validators make it incomplete, exit 1', async () => {
    expect(await run('verify', out)).toBe(1);
    expect(stdout).toMatch(/^voxpress verify .*: 1 article, 3 files\n\n\(this folder\): INCOMPLETE\n {2}pass {2}document\.json/);
    expect(stdout).toMatch(/Report: .*verify-report\.json, .*verify-report\.html \(\d+\.\d s\); exit 1\.\n$/);
    expect(stderr).toMatch(/voxpress verify: voxpress document model on 1 file\n/);
    const report = JSON.parse(await readFile(path.join(out, 'verify-report.json'), 'utf8')) as VerifyReport;
    expect(report).toMatchObject({ verdict: 'incomplete', missing: [{ validator: 'verapdf', files: ['article.pdf'] }] });
  });

  it('prints JSON with --json, and exits 0 with --allow-missing when all that ran passed', async () => {
    expect(await run('verify', out, '--json', '--allow-missing')).toBe(0);
    expect((JSON.parse(stdout) as VerifyReport).totals).toMatchObject({ checks: 3, passed: 3, failed: 0, missingValidators: 1 });
    expect(stderr).toBe('');
  });

  it('is a usage error for a folder without outputs, and reports a folder it cannot write to', async () => {
    expect(await run('verify', path.join(out, 'missing'))).toBe(2);
    expect(stderr).toMatch(/^voxpress: verify: .*missing: no such file\n$/);
    const report = path.join(out, 'verify-report.json');
    // A folder where the report file goes: the rename over it fails.
    await rm(report, { force: true });
    await mkdir(report);
    expect(await run('verify', out, '--quiet')).toBe(1);
    expect(stderr).toMatch(/^voxpress: verify: cannot write the report into /);
    await rm(report, { recursive: true });
  });
});
