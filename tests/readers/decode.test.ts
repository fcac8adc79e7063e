import { describe, expect, it } from 'vitest';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../../src/readers/decode.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('decodeArticle', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeArticle(bytes('Olá.'), 'a.txt')).toBe('Olá.');
    expect(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Olá.')]), 'a.txt')).toBe('Olá.');
  });
  it('refuses empty and whitespace-only files', () => {
    expect(() => decodeArticle(new Uint8Array(), 'e.txt')).toThrow('e.txt: empty file: no text to read');
    expect(() => decodeArticle(bytes(' \n\t\n'), 'e.txt')).toThrow('e.txt: empty file');
  });
  it('refuses binary files', () => {
    expect(() => decodeArticle(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'b.txt')).toThrow('b.txt: binary file, not text');
  });
  it('refuses invalid UTF-8 and says where', () => {
    expect(() => decodeArticle(new Uint8Array([...bytes('abc'), 0xe9, ...bytes('t')]), 'l.txt')).toThrow('l.txt: not valid UTF-8 (first bad byte at offset 3)');
  });
  it('refuses files over the size limit', () => {
    expect(() => decodeArticle(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61), 'h.txt')).toThrow(/^h\.txt: file is too large/);
  });
});
