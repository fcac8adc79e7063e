import { describe, expect, it } from 'vitest';
import { textDirection, uiText } from '../../../src/writers/epub/language.js';

describe('language helpers', () => {
  it('knows right-to-left languages and scripts', () => {
    for (const lang of ['ar', 'he', 'fa', 'ur', 'az-Arab', 'yi']) expect(textDirection(lang)).toBe('rtl');
    for (const lang of ['en', 'fr-CA', 'zh-Hant', 'ru', 'not a tag']) expect(textDirection(lang)).toBe('ltr');
  });

  it('marks English interface text as English only in documents in other languages', () => {
    expect(uiText('Contents & more', 'en-GB')).toBe('Contents &amp; more');
    expect(uiText('Contents', 'fr')).toBe('<span lang="en" xml:lang="en">Contents</span>');
  });
});
