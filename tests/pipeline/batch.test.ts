import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, planTasks, runBatch } from '../../src/pipeline/batch.js';

async function tree(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-batch-'));
  await mkdir(path.join(dir, 'sub'));
  await mkdir(path.join(dir, '.hidden'));
  await writeFile(path.join(dir, 'b.txt'), 'The cat sat.');
  await writeFile(path.join(dir, 'a.md'), '# A\n\nThe dog ran.');
  await writeFile(path.join(dir, 'a.json'), '{}');
  await writeFile(path.join(dir, 'notes.pdf'), 'x');
  await writeFile(path.join(dir, 'sub', 'c.markdown'), 'Text.');
  await writeFile(path.join(dir, '.hidden', 'd.txt'), 'Hidden.');
  return dir;
}

describe('expandInputs', () => {
  it('finds articles in folders recursively, sorted, skipping hidden entries and non-articles', async () => {
    const dir = await tree();
    expect(await expandInputs([dir])).toEqual([path.join(dir, 'a.md'), path.join(dir, 'b.txt'), path.join(dir, 'sub', 'c.markdown')]);
  });
  it('keeps explicit files whatever their extension, missing paths too, without duplicates', async () => {
    const dir = await tree();
    const pdf = path.join(dir, 'notes.pdf');
    expect(await expandInputs([pdf, 'missing.txt', pdf, `${dir}/./notes.pdf`, './missing.txt'])).toEqual([pdf, 'missing.txt']);
  });
});

describe('planTasks', () => {
  it('gives each input its own output folder under out/', () => {
    const tasks = planTasks(['x/story.txt', 'y/story.txt', 'z.md'], { out: 'o', force: false, formats: ['json'], overrides: {}, writer: {} });
    expect(new Set(tasks.map((t) => t.outDir)).size).toBe(3);
    expect(tasks[2]?.outDir).toBe(path.join('o', 'z'));
  });
});

describe('runBatch', () => {
  it('reports results in input order and counts each status', async () => {
    const dir = await tree();
    const out = path.join(dir, 'out');
    const seen: string[] = [];
    const summary = await runBatch([path.join(dir, 'b.txt'), path.join(dir, 'missing.txt'), path.join(dir, 'a.md')], {
      out, jobs: 1, force: false, formats: ['json'], overrides: {}, writer: {},
      onResult: (r) => seen.push(r.status),
    });
    expect(summary).toMatchObject({ articles: 3, written: 2, failed: 1, reused: 0, outputs: 2 });
    expect(summary.results.map((r) => path.basename(r.file))).toEqual(['b.txt', 'missing.txt', 'a.md']);
    expect(seen).toEqual(['written', 'failed', 'written']);
  });
});

describe('input and output in one folder', () => {
  it('never takes an output, staging or retired folder for an article', async () => {
    const dir = await tree();
    const options = { out: dir, jobs: 1, force: false, formats: ['json', 'ssml'], overrides: {}, writer: {} };
    const first = await runBatch(await expandInputs([dir]), options);
    expect(first).toMatchObject({ articles: 3, written: 3 });
    // What a run killed while swapping folders leaves: staging and retired folders beside the article folders.
    await mkdir(path.join(dir, '.b.staging-99999999-ab12'));
    await writeFile(path.join(dir, '.b.staging-99999999-ab12', 'x.md'), 'Not an article.');
    await mkdir(path.join(dir, '.a.old-99999999-cd34'));
    await writeFile(path.join(dir, '.a.old-99999999-cd34', 'y.txt'), 'Not an article.');
    const inputs = await expandInputs([dir]);
    expect(inputs).toEqual([path.join(dir, 'a.md'), path.join(dir, 'b.txt'), path.join(dir, 'sub', 'c.markdown')]);
    expect(await runBatch(inputs, options)).toMatchObject({ articles: 3, reused: 3 });
    expect((await readdir(dir)).filter((n) => n.includes('.staging-') || n.includes('.old-'))).toEqual([]);
  });
});
