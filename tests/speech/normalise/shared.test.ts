import { describe, expect, it } from 'vitest';
import { applyRules } from '../../../src/speech/normalise/rules.js';
import { capitalsRules, designationRule, versionReader, versionWithVRule } from '../../../src/speech/normalise/shared.js';

const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const cardinal = (n: number): string => (n < 10 ? (words[n] as string) : `n${n}`);

describe('rules the languages share', () => {
  it('reads a version in the words given, a zero as asked, leading zeros digit by digit', () => {
    expect(versionReader({ toCardinal: cardinal, digits: words, point: 'point', zero: 'oh' })('1.0.07')).toBe('one point oh point zero seven');
    expect(versionReader({ toCardinal: cardinal, digits: words, point: 'punto' })('2.0')).toBe('two punto zero');
  });

  it('makes rules that claim what they should and say it with the language\'s words', () => {
    const version = versionReader({ toCardinal: cardinal, digits: words, point: 'point' });
    const spoken = (text: string): string[] => applyRules(text, [versionWithVRule('version', version), designationRule('fr', (d) => `<${d}>`, 'tiret'), ...capitalsRules('fr')]).map((e) => e.spoken);
    expect(spoken('La v2.3 et FIPS 140-2.')).toEqual(['version two point three', 'Fips', '<140> tiret <2>']);
    expect(spoken('La STS-135 et la U.E.')).toEqual(['S T S <135>', 'U E']);
  });
});
