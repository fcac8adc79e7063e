import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssmlProblems } from '../../src/speech/validate.js';

// The CLI as users run it (dist/cli/bin.js, built by `npm test` before vitest runs).
const run = promisify(execFile);
const CLI = path.resolve('dist/cli/bin.js');

async function voxpress(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('voxpress --ssml-profile / --lexicon', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-ssml-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes narration.ssml and the profile chunks, applying the lexicon', async () => {
    const result = await voxpress(['input/khorev-asif-meeting.txt', '-o', out, '-f', 'ssml', '--ssml-profile', 'polly', '--lexicon', 'tests/fixtures/speech/lexicons/names.pls', '-q']);
    expect(result.code).toBe(0);
    const folder = path.join(out, 'khorev-asif-meeting');
    expect((await readdir(folder)).filter((f) => f.endsWith('.ssml')).sort()).toEqual(['narration.polly.001.ssml', 'narration.ssml']);
    const narration = await readFile(path.join(folder, 'narration.ssml'), 'utf8');
    expect(ssmlProblems(narration)).toEqual([]);
    expect(narration).toContain(`<sub alias='Khar-yoff'>Khorev</sub>`);
  });

  it('rejects an invalid lexicon with one line naming the file and the problem (exit 2)', async () => {
    const result = await voxpress(['input/khorev-asif-meeting.txt', '-o', out, '--lexicon', 'tests/fixtures/speech/lexicons/no-pronunciation.pls']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('voxpress: tests/fixtures/speech/lexicons/no-pronunciation.pls: invalid PLS lexicon: lexeme on line 3 has neither <phoneme> nor <alias>\n');
  });

  it('rejects an unknown profile (exit 2)', async () => {
    const result = await voxpress(['input/khorev-asif-meeting.txt', '-o', out, '--ssml-profile', 'watson']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--ssml-profile.*watson.*w3c, polly, azure, google/);
  });
});
