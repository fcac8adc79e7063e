import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';

/*
 * One article over its budget fails alone, in one line naming it and the
 * limit; the articles after it are written by the worker that replaces the one
 * stopped, with --jobs 1 too. Over time: a 1.2 MB article, an hour of speech
 * to synthesise. Over memory: an 8 MB article, whose document, SSML and EPUB
 * need far more than 128 MiB of heap (a short article needs well under 96;
 * 3.6 MB came to fit once the language data shrank).
 */
const CLI = path.resolve('dist/cli/bin.js');
let dir: string;
let big: string;
let huge: string;
let small: string[];

function voxpress(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A long article: `count` paragraphs of five sentences, about 300 bytes each. */
function longArticle(count: number): string {
  const words = 'the council met on monday and agreed a budget for schools roads and parks after a long debate'.split(' ');
  const paragraphs = Array.from({ length: count }, (_, p) =>
    Array.from({ length: 5 }, (_, s) => {
      const sentence = Array.from({ length: 12 }, (_, w) => words[(p * 7 + s * 5 + w * 3) % words.length]).join(' ');
      return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
    }).join(' '),
  );
  return `# A long day\n\n${paragraphs.join('\n\n')}\n`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vox-budget-'));
  big = path.join(dir, 'big.md');
  await writeFile(big, longArticle(4000));
  huge = path.join(dir, 'huge.md');
  await writeFile(huge, longArticle(25_000));
  small = [];
  for (const n of [1, 2]) {
    const file = path.join(dir, `small-${n}.txt`);
    await writeFile(file, `The cat sat on mat number ${n}. It was warm.\n`);
    small.push(file);
  }
});

async function expectWritten(out: string, outputs: string[]): Promise<void> {
  expect((await readdir(out)).sort()).toEqual(['small-1', 'small-2']);
  for (const name of ['small-1', 'small-2']) {
    expect((await readdir(path.join(out, name))).sort()).toEqual(['.voxpress.json', ...outputs].sort());
    expect(documentProblems(JSON.parse(await readFile(path.join(out, name, 'document.json'), 'utf8')))).toEqual([]);
  }
}

describe('a budget per article', () => {
  it('--article-timeout: the article that runs too long fails alone, and the next one is written by a new worker', async () => {
    const out = path.join(dir, 'timeout');
    const run = voxpress(big, ...small, '--out', out, '--formats', 'json,mp3', '--article-timeout', '20', '--jobs', '1', '--quiet');
    expect(run.stderr).toBe(`voxpress: ${big}: took longer than the limit of 20 s per article (--article-timeout)\n`);
    expect(run.status).toBe(1);
    await expectWritten(out, ['document.json', 'narration.mp3', 'timing.json']);
  });

  it('--article-memory: the article that needs too much memory fails alone, its neighbours are written', async () => {
    const out = path.join(dir, 'memory');
    const run = voxpress(small[0]!, huge, small[1]!, '--out', out, '--formats', 'json,ssml,epub', '--article-memory', '128', '--jobs', '2', '--quiet');
    expect(run.stderr).toBe(`voxpress: ${huge}: needed more memory than the limit of 128 MiB per article (--article-memory)\n`);
    expect(run.status).toBe(1);
    await expectWritten(out, ['article.epub', 'document.json', 'narration.ssml']);
  });

  it('refuses a budget that is not one, as a usage error', () => {
    for (const args of [['--article-timeout', '-1'], ['--article-timeout', 'soon'], ['--article-memory', '8'], ['--article-memory', '1.5']]) {
      const run = voxpress(small[0]!, '--out', path.join(dir, 'never'), ...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
