import { describe, expect, it } from 'vitest';
import { applyRules, withRuleBefore } from '../../../src/speech/normalise/rules.js';
import type { Rule } from '../../../src/speech/normalise/types.js';

const rule = (name: string, pattern: RegExp, spoken: string): Rule => ({ name, pattern, speak: () => spoken });

describe('withRuleBefore', () => {
  const rules = [rule('date', /\d+ May/g, 'a date'), rule('number', /\d+(\.\d+)?/g, 'a number')];

  it('puts the rule just before the named one, so that it claims the text first, and leaves the list as it was', () => {
    const version = rule('version', /\d+\.\d+/g, 'a version');
    const withVersion = withRuleBefore(rules, 'number', version);
    expect(withVersion.map((r) => r.name)).toEqual(['date', 'version', 'number']);
    expect(applyRules('1.0 on 15 May, 7', withVersion).map((e) => e.spoken)).toEqual(['a version', 'a date', 'a number']);
    expect(rules.map((r) => r.name)).toEqual(['date', 'number']);
  });

  it('refuses a rule name that is not in the list', () => {
    expect(() => withRuleBefore(rules, 'numbers', rule('version', /x/g, 'x'))).toThrow('no normalisation rule named numbers');
  });
});
