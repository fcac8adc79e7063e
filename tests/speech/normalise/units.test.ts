import { describe, expect, it } from 'vitest';
import { ENGLISH_UNITS, FRENCH_UNITS, SPANISH_UNITS, UNIT_SYMBOLS, unitName, unitPattern } from '../../../src/speech/normalise/units.js';

const NUMBER = String.raw`\d+(?:\.\d+)?`;

function matches(text: string): string[][] {
  return [...text.matchAll(unitPattern(NUMBER, ENGLISH_UNITS))].map((m) => [m[2] ?? '', m[3] ?? '']);
}

describe('units of measure', () => {
  it('names every unit in every language, singular and plural', () => {
    for (const table of [ENGLISH_UNITS, FRENCH_UNITS, SPANISH_UNITS]) {
      for (const symbol of UNIT_SYMBOLS) {
        const name = unitName(table, symbol);
        expect(name?.singular, symbol).toMatch(/\p{L}/u);
        expect(name?.plural, symbol).toMatch(/\p{L}/u);
      }
    }
  });

  it.each([
    ['20 MB', [['20', 'MB']]],
    ['5kg and 60 km/h', [['5', 'kg'], ['60', 'km/h']]],
    ['a 30 m² flat and 20 °C', [['30', 'm²'], ['20', '°C']]],
    ['9 kWh, not 9 kW', [['9', 'kWh'], ['9', 'kW']]],
  ])('finds the number and the longest symbol in %s', (text, expected) => {
    expect(matches(text)).toEqual(expected);
  });

  it.each(['3 men', '5G', '5 mmol', '$3m', '2 GBP', 'x2 m'])('finds no unit in %s', (text) => {
    expect(matches(text)).toEqual([]);
  });

  it('looks up only the table’s own symbols', () => {
    expect(unitName(FRENCH_UNITS, 'Mo')?.plural).toBe('mégaoctets');
    expect(unitName(ENGLISH_UNITS, 'Mo')).toBeUndefined();
    expect(unitName(ENGLISH_UNITS, 'toString')).toBeUndefined();
  });
});
