import { describe, expect, it } from 'vitest';
import { dictionaryForm, WORD_LIST_LANGUAGES, wordKey } from '../../../src/speech/normalise/words.js';

describe('word lists', () => {
  it('has a list for each language with reading rules', () => {
    expect(WORD_LIST_LANGUAGES).toEqual(['en', 'fr', 'es']);
  });

  it.each([
    ['THINGS', 'en', 'things'],
    ['PEOPLE', 'en', 'people'],
    ['DONNEES', 'fr', 'données'],
    ['ÉTATS', 'fr', 'états'],
    ['MUJERES', 'es', 'mujeres'],
    ['NACIÓN', 'es', 'nación'],
  ])('finds %s in %s as %s', (word, lang, form) => {
    expect(dictionaryForm(word, lang)).toBe(form);
  });

  it.each([
    ['FBI', 'en'],
    ['SNCF', 'fr'],
    ['PSOE', 'es'],
    ['THE', 'de'],
  ])('does not take %s for a word of %s', (word, lang) => {
    expect(dictionaryForm(word, lang)).toBeUndefined();
  });

  it('compares without case or accents', () => {
    expect(wordKey('ÉTATS')).toBe('etats');
  });
});
