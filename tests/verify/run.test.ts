import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/pipeline/render.js';
import { MODEL, PDFUA, SSML } from '../../src/verify/builtin.js';
import { exitStatus } from '../../src/verify/report.js';
import { verifyFolder } from '../../src/verify/run.js';
import type { Validator } from '../../src/verify/validator.js';
import { smallDoc } from '../helpers/verify.js';

/** A validator that is never installed, for the missing-validator paths. */
const ABSENT: Validator = { id: 'absent', name: 'Absent checker', checks: 'nothing', install: 'apt-get install absent', appliesTo: (f) => f === 'article.pdf', locate: async () => ({ missing: 'absent is not on PATH' }) };

let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'voxpress-run-'));
  const files = await renderDocument(smallDoc(), ['json', 'ssml', 'pdf']);
  for (const slug of ['good', 'bad']) {
    await mkdir(path.join(out, slug));
    for (const f of files) await writeFile(path.join(out, slug, f.name), f.data);
    await writeFile(path.join(out, slug, 'narration.wav'), 'RIFF');
  }
  await writeFile(path.join(out, 'bad', 'narration.ssml'), '<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en"><bogus/></speak>');
});

describe('verifyFolder', () => {
  it('runs each validator on every file it applies to, in report order, and fails the article with a failing check', async () => {
    const seen: [string, number][] = [];
    const report = await verifyFolder(out, { env: process.env, validators: [MODEL, SSML, PDFUA], onValidator: (v, n) => void seen.push([v.id, n]) });
    expect(seen).toEqual([['model', 2], ['ssml', 2], ['pdfua', 2]]);
    expect(report.articles.map((a) => [a.folder, a.passed, a.checks.map((c) => `${c.file}:${c.validator}:${c.passed}`)])).toEqual([
      ['bad', false, ['document.json:model:true', 'narration.ssml:ssml:false', 'article.pdf:pdfua:true']],
      ['good', true, ['document.json:model:true', 'narration.ssml:ssml:true', 'article.pdf:pdfua:true']],
    ]);
    expect(report.articles[0]?.checks[1]?.findings[0]).toMatchObject({ rule: 'ssml-1.1', message: expect.stringMatching(/bogus/) });
    expect(report.articles[0]?.unchecked).toEqual(['narration.wav']);
    expect(report.validators.map((v) => v.validator)).toEqual(['model', 'ssml', 'pdfua']);
    expect(report.totals).toEqual({ articles: 2, files: 8, checks: 6, passed: 5, failed: 1, missingValidators: 0 });
    expect(report.verdict).toBe('failed');
    expect(exitStatus(report, true)).toBe(1);
  });

  it('lists a missing validator with the files it would check, and never calls the result passed', async () => {
    const report = await verifyFolder(path.join(out, 'good'), { env: process.env, validators: [MODEL, ABSENT] });
    expect(report.missing).toEqual([{ validator: 'absent', name: 'Absent checker', reason: 'absent is not on PATH', install: 'apt-get install absent', files: ['article.pdf'] }]);
    expect(report.articles).toMatchObject([{ folder: '.', missing: ['absent'], passed: false }]);
    expect(report.verdict).toBe('incomplete');
    expect(exitStatus(report, false)).toBe(1);
    expect(exitStatus(report, true)).toBe(0);
  });

  it('passes, exit 0, when every check passed and nothing was missing', async () => {
    const report = await verifyFolder(path.join(out, 'good'), { env: process.env, validators: [MODEL, SSML] });
    expect(report.verdict).toBe('passed');
    expect(exitStatus(report, false)).toBe(0);
  });

  it('gives the same report for the same files, wherever the folder is', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'voxpress-run-copy-'));
    const files = await renderDocument(smallDoc(), ['json', 'ssml', 'pdf']);
    for (const f of files) await writeFile(path.join(copy, f.name), f.data);
    await writeFile(path.join(copy, 'narration.wav'), 'RIFF');
    const options = { env: process.env, validators: [MODEL, SSML, PDFUA] };
    expect(await verifyFolder(copy, options)).toEqual(await verifyFolder(path.join(out, 'good'), options));
  });
});
