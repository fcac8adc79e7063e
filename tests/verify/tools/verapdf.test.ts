import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Located } from '../../../src/verify/validator.js';
import { VERAPDF, veraPdfOutcome, veraPdfOutcomes } from '../../../src/verify/tools/verapdf.js';
import { jobOf } from '../../helpers/verify.js';

/** veraPDF's JSON report for one file, in the shape 1.28.2 writes (tests/conformance/verapdf.test.ts runs the real one). */
const failing = {
  itemDetails: { name: '/out/story/article.pdf' },
  validationResult: [
    {
      compliant: false,
      profileName: 'PDF/UA-1 validation profile',
      details: {
        passedRules: 105,
        failedRules: 1,
        passedChecks: 2981,
        failedChecks: 1,
        ruleSummaries: [
          {
            ruleStatus: 'FAILED',
            clause: '7.18.5',
            testNumber: 2,
            description: 'Links shall contain an alternate description via their Contents key',
            failedChecks: 1,
            checks: [{ context: 'root/document[0]/pages[0]/annots[0]', errorMessage: 'A link annotation does not include an alternate description in the Contents key' }],
          },
        ],
      },
    },
  ],
};

describe('veraPDF report', () => {
  it('turns each failed rule into a finding with its clause-test id, count and place', () => {
    expect(veraPdfOutcome(failing)).toEqual({
      checked: 'PDF/UA-1 validation profile (ISO 14289-1:2014)',
      counts: { rulesPassed: 105, rulesFailed: 1, checksPassed: 2981, checksFailed: 1 },
      findings: [
        {
          rule: '7.18.5-2',
          message: 'Links shall contain an alternate description via their Contents key: A link annotation does not include an alternate description in the Contents key',
          count: 1,
          location: 'root/document[0]/pages[0]/annots[0]',
        },
      ],
    });
  });

  it('fails a file veraPDF could not parse, did not list, or judged without a rule', () => {
    expect(veraPdfOutcome({ itemDetails: { name: 'x' }, taskException: { exceptionMessage: "Couldn't parse stream" } }).findings[0]).toMatchObject({ rule: 'parse' });
    expect(veraPdfOutcome(undefined).findings[0]?.rule).toBe('not-checked');
    expect(veraPdfOutcome({ itemDetails: { name: 'x' } }).findings[0]?.rule).toBe('not-checked');
    const silent = { ...failing, validationResult: [{ ...failing.validationResult[0]!, details: { ...failing.validationResult[0]!.details, ruleSummaries: [] } }] };
    expect(veraPdfOutcome(silent).findings[0]?.rule).toBe('non-compliant');
  });

  it('matches reports to files by path, and fails every file when there is no JSON', () => {
    const job = { ...jobOf('article.pdf'), root: '/out' };
    const other = { ...jobOf('article.pdf'), root: '/out', article: 'other' };
    const outcomes = veraPdfOutcomes(JSON.stringify({ report: { jobs: [failing] } }), '/out', [other, job]);
    expect(outcomes.map((o) => o.findings[0]?.rule)).toEqual(['not-checked', '7.18.5-2']);
    expect(veraPdfOutcomes('Exception in thread main', '/out', [job])[0]?.findings[0]?.rule).toBe('not-checked');
  });

  it('is missing without a class path or a verapdf on PATH, and says why', async () => {
    expect(await VERAPDF.locate({ PATH: '' })).toEqual({ missing: 'VOXPRESS_VERAPDF_CP is not set, and verapdf is not on PATH' });
    const empty = await mkdtemp(path.join(os.tmpdir(), 'voxpress-cp-'));
    expect(await VERAPDF.locate({ PATH: '', VOXPRESS_VERAPDF_CP: `${empty}/*` })).toEqual({ missing: `VOXPRESS_VERAPDF_CP: ${empty} holds no .jar file, and verapdf is not on PATH` });
    expect(await VERAPDF.locate({ PATH: '', VOXPRESS_VERAPDF_CP: '/no/such/*' })).toEqual({ missing: 'VOXPRESS_VERAPDF_CP: /no/such does not exist, and verapdf is not on PATH' });
  });
});

describe('a verapdf command on PATH', () => {
  it('is used when there is no class path, all files in one run, its JSON read back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-fake-verapdf-'));
    await mkdir(path.join(dir, 'story'));
    const report = JSON.stringify({ report: { jobs: [{ ...failing, itemDetails: { name: path.join(dir, 'story', 'article.pdf') } }] } });
    await writeFile(path.join(dir, 'verapdf'), `#!/bin/sh\nif [ "$1" = --version ]; then echo 'veraPDF 1.28.2'; exit 0; fi\necho '${report}'\nexit 1\n`);
    await chmod(path.join(dir, 'verapdf'), 0o755);
    const found = await VERAPDF.locate({ PATH: `${dir}${path.delimiter}/bin${path.delimiter}/usr/bin` });
    expect(found).toMatchObject({ version: '1.28.2' });
    const [outcome] = await (found as Located).check([{ ...jobOf('article.pdf'), root: dir }]);
    expect(outcome?.findings.map((f) => f.rule)).toEqual(['7.18.5-2']);
  });
});
