import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { ttfFromWoff2, woff2Ready } from '../../../src/writers/pdf/woff2.js';

const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource-variable/noto-sans-kr/package.json')), 'files');

describe('WOFF2 decoding', () => {
  it('gives a TrueType font fontkit reads, each result its own copy', async () => {
    await woff2Ready();
    const a = ttfFromWoff2(readFileSync(path.join(dir, 'noto-sans-kr-0-wght-normal.woff2')), 'a');
    const b = ttfFromWoff2(readFileSync(path.join(dir, 'noto-sans-kr-1-wght-normal.woff2')), 'b');
    expect([...a.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    const font = fontkit.create(Buffer.from(a));
    expect('postscriptName' in font && font.postscriptName).toMatch(/^NotoSansKR/);
    // A later call must not overwrite an earlier result (the decoder reuses its memory).
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).not.toBe(0);
    expect(fontkit.create(Buffer.from(a))).toBeTruthy();
  });

  it('names the file when it is not WOFF2', async () => {
    await woff2Ready();
    expect(() => ttfFromWoff2(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'broken.woff2')).toThrow(/broken\.woff2: not a valid WOFF2 font/);
  });
});
