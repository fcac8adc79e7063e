import { describe, expect, it } from 'vitest';
import { manifestOutcome } from '../../../src/verify/checks/manifest.js';

const manifest = JSON.stringify({ key: 'a'.repeat(64), outputs: ['document.json', 'article.pdf'] });

describe('manifest check', () => {
  it('passes when every output it lists is there', () => {
    expect(manifestOutcome(manifest, new Set(['document.json', 'article.pdf', '.voxpress.json'])).findings).toEqual([]);
  });

  it('fails a missing output, a bad shape and bad JSON', () => {
    expect(manifestOutcome(manifest, new Set(['document.json'])).findings).toEqual([{ rule: 'missing-output', message: 'article.pdf is listed by the manifest but not in the folder' }]);
    expect(manifestOutcome(JSON.stringify({ key: 'x', outputs: [] }), new Set()).findings.map((f) => f.rule)).toEqual(['shape']);
    expect(manifestOutcome('nope', new Set()).findings.map((f) => f.rule)).toEqual(['json']);
  });
});
