import { describe, expect, it } from 'vitest';
import { uiText } from '../../../src/writers/epub/language.js';

describe('language helpers', () => {
  it('writes interface text in the article language where the book has it, else marks the English as English', () => {
    expect(uiText('Contents & more', 'en-GB')).toBe('Contents &amp; more');
    expect(uiText('Contents', 'fr')).toBe('Sommaire');
    expect(uiText('Contents', 'es-MX')).toBe('Índice');
    expect(uiText('Contents', 'it')).toBe('<span lang="en" xml:lang="en">Contents</span>');
  });
});
