import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Located } from '../../../src/verify/validator.js';
import { EPUBCHECK5, EPUBCHECK_DEBIAN, EPUBCHECK_DEBIAN_JAR, epubcheckOutcome } from '../../../src/verify/tools/epubcheck.js';
import { skipWithout } from '../../helpers/conformance.js';

const report = (messages: unknown[], counts = { nFatal: 0, nError: 0, nWarning: 0, nUsage: 0 }, ePubVersion: string | null = '3.3') =>
  JSON.stringify({ checker: { ...counts, checkerVersion: '5.3.0' }, publication: { ePubVersion }, messages });

describe('EPUBCheck report', () => {
  it('passes a book with no message, counting by severity', () => {
    expect(epubcheckOutcome(report([]), true)).toEqual({ checked: 'EPUB 3.3 rules, usage messages included (-u)', counts: { fatal: 0, error: 0, warning: 0, usage: 0 }, findings: [] });
    expect(epubcheckOutcome(report([], undefined, '3.2'), false).counts).toEqual({ fatal: 0, error: 0, warning: 0 });
  });

  it('turns each message into a finding with its id, severity and first location', () => {
    const message = { ID: 'RSC-012', severity: 'ERROR', message: 'Fragment identifier is not defined.', locations: [{ path: 'OEBPS/content.smil', line: 12, column: 40 }, { path: 'OEBPS/content.smil', line: 13, column: 40 }] };
    expect(epubcheckOutcome(report([message], { nFatal: 0, nError: 1, nWarning: 0, nUsage: 0 }), true).findings).toEqual([
      { rule: 'RSC-012', severity: 'ERROR', message: 'Fragment identifier is not defined.', location: 'OEBPS/content.smil:12:40 (and 1 more)' },
    ]);
    expect(epubcheckOutcome(report([{ ID: 'PKG-008', severity: 'FATAL', message: 'Unable to read file', locations: [{ path: 'x.epub', line: -1, column: -1 }] }]), true).findings[0]?.location).toBe('x.epub');
  });

  it('fails a book EPUBCheck could not read (an all-zero report), a report that is not JSON, and no report', () => {
    expect(epubcheckOutcome(report([], undefined, null), true).findings[0]?.rule).toBe('not-checked');
    expect(epubcheckOutcome('oops', true).findings[0]?.rule).toBe('not-checked');
    expect(epubcheckOutcome(undefined, true).findings[0]?.rule).toBe('not-checked');
  });

  it('is missing without a class path or an EPUBCheck 5 on PATH', async () => {
    expect(await EPUBCHECK5.locate({ PATH: '' })).toEqual({ missing: 'VOXPRESS_EPUBCHECK5_CP is not set, and epubcheck is not on PATH' });
    expect(await EPUBCHECK_DEBIAN.locate({ PATH: '' })).toEqual({ missing: expect.stringMatching(/java is not on PATH|epubcheck\.jar is not installed/) });
  });

  it.skipIf(skipWithout('java', EPUBCHECK_DEBIAN_JAR))('refuses an EPUBCheck 4 class path as EPUBCheck 5', async () => {
    expect(await EPUBCHECK5.locate({ ...process.env, VOXPRESS_EPUBCHECK5_CP: EPUBCHECK_DEBIAN_JAR })).toEqual({ missing: 'VOXPRESS_EPUBCHECK5_CP holds EPUBCheck 4.2.6, not 5' });
  });
});

describe('an epubcheck command on PATH', () => {
  /** A stand-in `epubcheck` that answers --version with `version` and writes a clean report where --json says. */
  async function fakeEpubcheck(version: string): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-fake-epubcheck-'));
    const report = JSON.stringify({ checker: { nFatal: 0, nError: 0, nWarning: 0, nUsage: 0 }, publication: { ePubVersion: '3.3' }, messages: [] });
    const script = `#!/bin/sh\nif [ "$1" = --version ]; then echo '${version}'; exit 0; fi\nwhile [ $# -gt 0 ]; do if [ "$1" = --json ]; then echo '${report}' > "$2"; fi; shift; done\n`;
    await writeFile(path.join(dir, 'epubcheck'), script);
    await chmod(path.join(dir, 'epubcheck'), 0o755);
    return dir;
  }

  it('is used, one book per run, when it is EPUBCheck 5', async () => {
    const dir = await fakeEpubcheck('EPUBCheck v5.3.0');
    const found = await EPUBCHECK5.locate({ PATH: `${dir}${path.delimiter}/bin${path.delimiter}/usr/bin` });
    expect(found).toMatchObject({ version: '5.3.0' });
    const outcomes = await (found as Located).check([{ root: dir, article: '.', file: 'a.epub', context: {} }, { root: dir, article: '.', file: 'b.epub', context: {} }]);
    expect(outcomes.map((o) => o.findings)).toEqual([[], []]);
  });

  it('is refused when it is another version, or answers no version', async () => {
    expect(await EPUBCHECK5.locate({ PATH: await fakeEpubcheck('EPUBCheck v4.2.6') })).toEqual({ missing: 'VOXPRESS_EPUBCHECK5_CP is not set, and the epubcheck on PATH is EPUBCheck 4.2.6' });
    const mute = await fakeEpubcheck('');
    expect(await EPUBCHECK5.locate({ PATH: mute })).toEqual({ missing: `VOXPRESS_EPUBCHECK5_CP is not set, and ${path.join(mute, 'epubcheck')} did not answer --version with an EPUBCheck version` });
  });
});
