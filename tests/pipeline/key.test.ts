import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKey, MANIFEST, reusableOutputs, type ArticleOptions } from '../../src/pipeline/key.js';
import { parseArticle } from '../../src/readers/index.js';
import type { FigureImage } from '../../src/shared/images.js';

const doc = parseArticle('# Photos\n\nText.\n\n![A](a.png)', { format: 'markdown' });
const options: ArticleOptions = { formats: ['json', 'pdf'], overrides: {}, writer: {} };
const png = (byte: number): FigureImage => ({ kind: 'embedded', data: new Uint8Array([0x89, 0x50, byte]), mediaType: 'image/png', extension: 'png' });

describe('buildKey', () => {
  it('does not depend on the order formats are given in, or on repeats', () => {
    const key = buildKey(doc, options, new Map());
    expect(buildKey(doc, { ...options, formats: ['pdf', 'json', 'pdf'] }, new Map())).toBe(key);
    expect(buildKey(doc, { ...options, formats: ['json'] }, new Map())).not.toBe(key);
  });

  it('changes with the image bytes, and with an image going missing', () => {
    const one = buildKey(doc, options, new Map([['f1', png(1)]]));
    expect(buildKey(doc, options, new Map([['f1', png(1)]]))).toBe(one);
    expect(buildKey(doc, options, new Map([['f1', png(2)]]))).not.toBe(one);
    expect(buildKey(doc, options, new Map([['f1', { kind: 'missing', reason: 'not found' }]]))).not.toBe(one);
  });

  it('changes with the options and the document', () => {
    const key = buildKey(doc, options, new Map());
    expect(buildKey(doc, { ...options, writer: { pdf: { paper: 'letter' } } }, new Map())).not.toBe(key);
    expect(buildKey(parseArticle('Other text.', { format: 'text' }), options, new Map())).not.toBe(key);
  });
});

describe('reusableOutputs', () => {
  it('reuses a folder only when its manifest has the key and every output is still there', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-key-'));
    try {
      expect(await reusableOutputs(dir, 'k')).toBeUndefined();
      await writeFile(path.join(dir, MANIFEST), JSON.stringify({ key: 'k', outputs: ['document.json'] }));
      expect(await reusableOutputs(dir, 'k')).toBeUndefined();
      await writeFile(path.join(dir, 'document.json'), '{}');
      expect(await reusableOutputs(dir, 'k')).toEqual(['document.json']);
      expect(await reusableOutputs(dir, 'other')).toBeUndefined();
      await writeFile(path.join(dir, MANIFEST), 'not json');
      expect(await reusableOutputs(dir, 'k')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
