import { describe, expect, it } from 'vitest';
import { linkTarget } from '../../src/shared/links.js';

describe('linkTarget', () => {
  it('accepts only links a reader can follow out of a book or PDF', () => {
    expect(linkTarget('javascript:alert(1)')).toBeUndefined();
    expect(linkTarget('file:///etc/passwd')).toBeUndefined();
    expect(linkTarget('other.html')).toBeUndefined();
    expect(linkTarget('#nowhere')).toBeUndefined();
    expect(linkTarget('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(linkTarget('https://example.org/a b')).toBe('https://example.org/a%20b');
  });
});
