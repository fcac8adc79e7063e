import { describe, expect, it } from 'vitest';
import { uiText } from '../../../src/writers/epub/language.js';

describe('language helpers', () => {
  it('marks English interface text as English only in documents in other languages', () => {
    expect(uiText('Contents & more', 'en-GB')).toBe('Contents &amp; more');
    expect(uiText('Contents', 'fr')).toBe('<span lang="en" xml:lang="en">Contents</span>');
  });
});
