import { describe, expect, it } from 'vitest';
import { ArticleError, printableName } from '../../src/shared/errors.js';

describe('printableName', () => {
  it('writes control characters as escapes', () => {
    expect(printableName('a\nb\tc\u001b[31md\u0085\u2028')).toBe('a\\nb\\tc\\x1b[31md\\x85\\x2028');
  });
});

describe('ArticleError', () => {
  it('is one line whatever the name or the quoted input holds: a carriage return, an escape sequence, a newline', () => {
    const error = new ArticleError('a\nb.md', 'invalid language tag "\r\u001b[2J" (expected BCP 47)\nsecond line');
    expect(error.message).toBe('a\\nb.md: invalid language tag "\\x0d\\x1b[2J" (expected BCP 47)');
  });
});
