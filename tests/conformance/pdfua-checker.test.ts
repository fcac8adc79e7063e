import { describe, expect, it } from 'vitest';
import { checkPdfUa, type CheckName } from '../../src/verify/pdfua.js';
import { artifactOnlyPage, BROKEN, correct } from '../helpers/pdf-mutants.js';

/**
 * The PDF/UA checker must catch what it claims to: each check gets a small
 * pdfkit file that is correct but for one deliberate defect, and must fail it.
 * tests/conformance/verapdf.test.ts runs veraPDF on the same files.
 */

async function checksFailed(bytes: Uint8Array): Promise<Set<CheckName>> {
  return new Set((await checkPdfUa(bytes)).map((f) => f.check));
}

describe('PDF/UA checker', () => {
  it('passes a small correct file', async () => {
    expect(await checkPdfUa(await correct())).toEqual([]);
  });

  it('passes a page that holds artifacts only (PDF/UA asks for a structure tree, not real content on every page)', async () => {
    expect(await checkPdfUa(await artifactOnlyPage())).toEqual([]);
  });

  it.each(BROKEN)('fails $check: $what', async ({ check, make }) => {
    const failed = await checksFailed(await make());
    expect(failed).toContain(check);
  });
});
