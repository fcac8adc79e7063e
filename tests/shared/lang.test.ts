import { describe, expect, it } from 'vitest';
import { CJK_CHARACTER, isRightToLeft, langRuns, primarySubtag, sameLanguage, scriptOfLang, textDirection } from '../../src/shared/lang.js';

describe('language tags', () => {
  it('knows right-to-left languages and scripts, the same answer for every writer', () => {
    for (const lang of ['ar', 'he', 'fa', 'ur', 'az-Arab', 'yi', 'dv', 'ckb', 'sd', 'ug', 'syr', 'ks', 'pa-Arab']) {
      expect(textDirection(lang)).toBe('rtl');
      expect(isRightToLeft(lang)).toBe(true);
    }
    for (const lang of ['en', 'fr-CA', 'zh-Hant', 'ru', 'az', 'pa', 'not a tag']) expect(textDirection(lang)).toBe('ltr');
  });

  it('takes the primary subtag whatever the separator and case', () => {
    expect(primarySubtag('fr-CA')).toBe('fr');
    expect(primarySubtag('ZH_Hant')).toBe('zh');
    expect(primarySubtag('en')).toBe('en');
    expect(sameLanguage('en-GB', 'en-US')).toBe(true);
    expect(sameLanguage('fr', 'en')).toBe(false);
  });
});

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

describe('langRuns in scripts of Asia', () => {
  it('tags a Japanese name in an English article as Japanese, hangul as Korean, ideographs alone as Chinese', () => {
    expect(langRuns('Thanks to らいどっと and 김철수 and 王小明.', 'en')).toEqual([
      { text: 'Thanks to ' },
      { text: 'らいどっと', lang: 'ja' },
      { text: ' and ' },
      { text: '김철수', lang: 'ko' },
      { text: ' and ' },
      { text: '王小明', lang: 'zh' },
      { text: '.' },
    ]);
    expect(langRuns('नमस्ते and สวัสดี', 'en').map((r) => r.lang)).toEqual(['hi', undefined, 'th']);
    expect(langRuns('すべての人間は自由である。', 'ja')).toEqual([{ text: 'すべての人間は自由である。' }]);
  });
});

describe('CJK_CHARACTER', () => {
  it('is a character of Chinese, Japanese or Korean text, not of Latin', () => {
    expect(CJK_CHARACTER.test('Latin only')).toBe(false);
    expect(CJK_CHARACTER.test('한')).toBe(true);
    expect(CJK_CHARACTER.test('ㄅ')).toBe(true);
  });
});
