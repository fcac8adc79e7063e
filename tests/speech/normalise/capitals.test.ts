import { describe, expect, it } from 'vitest';
import { isHeadline, pronounceable, readCapitals } from '../../../src/speech/normalise/capitals.js';

describe('reading capitals', () => {
  it.each([
    ['NASA', 'en', true], ['DARPA', 'en', true], ['CERN', 'en', true], ['FIPS', 'en', true], ['UNESCO', 'en', true], ['NIST', 'en', true],
    ['FBI', 'en', false], ['HTML', 'en', false], ['NSA', 'en', false], ['GDPR', 'en', false], ['IEEE', 'en', false], ['CDC', 'en', false],
    ['ONU', 'fr', true], ['IVA', 'es', true], ['ONU', 'en', false], ['PIB', 'fr', false], ['SNCF', 'fr', false], ['OMS', 'es', false],
  ] as const)('%s in %s is pronounceable: %s', (letters, lang, expected) => {
    expect(pronounceable(letters, lang)).toBe(expected);
  });

  it.each([
    ['THE PEOPLE have spoken', 0, 'THE', 'en', { kind: 'word', spoken: 'the' }],
    ['The DATA Act', 4, 'DATA', 'en', { kind: 'word', spoken: 'data' }],
    ['IT staff', 0, 'IT', 'en', { kind: 'spelled', spoken: 'I.T' }],
    ['NOAA said', 0, 'NOAA', 'en', { kind: 'acronym', spoken: 'Noaa' }],
    ['the USA', 4, 'USA', 'en', { kind: 'spelled', spoken: 'U.S.A' }],
    ['LES ETATS', 4, 'ETATS', 'fr', { kind: 'word', spoken: 'états' }],
    ['World War II', 10, 'II', 'en', { kind: 'leave' }],
    ['It is OK', 6, 'OK', 'en', { kind: 'leave' }],
  ] as const)('%s: %s', (text, start, letters, lang, expected) => {
    expect(readCapitals(letters, text, start, lang)).toEqual(expected);
  });

  it('tells a headline in capitals from a sentence with acronyms', () => {
    expect(isHeadline('FEDERAL AGENCIES OPEN THEIR DATA')).toBe(true);
    expect(isHeadline('The FBI and the CIA met the NSA today.')).toBe(false);
  });
});
