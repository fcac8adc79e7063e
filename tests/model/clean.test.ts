import { describe, expect, it } from 'vitest';
import { cleanText, collapseWhitespace } from '../../src/model/clean.js';

describe('cleanText', () => {
  it('drops control characters but keeps newline and tab', () => {
    expect(cleanText('a\u0000b\u0007c\td\ne\u001bf\u007fg\u0085h')).toBe('abc\td\nefgh');
  });
  it('turns CRLF and CR into LF', () => {
    expect(cleanText('a\r\nb\rc')).toBe('a\nb\nc');
  });
  it('normalises to NFC', () => {
    expect(cleanText('Cafe\u0301')).toBe('Café');
  });
  it('drops the XML non-characters U+FFFE and U+FFFF', () => {
    expect(cleanText('a\uFFFEb\uFFFF')).toBe('ab');
  });
});

describe('collapseWhitespace', () => {
  it('makes every whitespace run one space and trims', () => {
    expect(collapseWhitespace('  a \t\n b  ')).toBe('a b');
  });
});
