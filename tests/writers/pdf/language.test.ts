import { describe, expect, it } from 'vitest';
import { langRuns, scriptOfLang } from '../../../src/writers/pdf/language.js';

describe('language of runs', () => {
  it('leaves text in the article’s own script alone', () => {
    expect(langRuns('Plain English, with café.', 'en')).toEqual([{ text: 'Plain English, with café.' }]);
    expect(langRuns('Свобода и равенство', 'ru')).toEqual([{ text: 'Свобода и равенство' }]);
  });

  it('tags Greek and Cyrillic runs, keeping spaces between their words and leaving edges to the article', () => {
    expect(langRuns('The word Ελευθερία μου means, Свобода!', 'en')).toEqual([
      { text: 'The word ' },
      { text: 'Ελευθερία μου', lang: 'el' },
      { text: ' means, ' },
      { text: 'Свобода', lang: 'ru' },
      { text: '!' },
    ]);
  });

  it('tells Ukrainian, Serbian and Belarusian Cyrillic apart by their own letters', () => {
    expect(langRuns('Добрий вечір', 'en')).toEqual([{ text: 'Добрий вечір', lang: 'uk' }]);
    expect(langRuns('Ђорђе', 'en')).toEqual([{ text: 'Ђорђе', lang: 'sr' }]);
    expect(langRuns('Беларуская мова ў', 'en')).toEqual([{ text: 'Беларуская мова ў', lang: 'be' }]);
  });

  it('keeps combining marks with their letter', () => {
    expect(langRuns('x \u03b1\u0301 y', 'en')).toEqual([{ text: 'x ' }, { text: '\u03b1\u0301', lang: 'el' }, { text: ' y' }]);
  });

  it('knows the script of a language tag', () => {
    expect(scriptOfLang('el')).toBe('Greek');
    expect(scriptOfLang('sr-Latn')).toBe('Latin');
    expect(scriptOfLang('uz-Cyrl')).toBe('Cyrillic');
    expect(scriptOfLang('fr-CA')).toBe('Latin');
  });
});
