import { readCapitals } from './capitals.js';
import { digitByDigit, spelled, WORD_END as E, WORD_START as B } from './rules.js';
import type { Rule } from './types.js';

/*
 * Readers and rules every language has, written once with the language's
 * words passed in: a version number, a version after "v", a designation with
 * a hyphen ("STS-135", "FIPS 140-2"), capitals in French and Spanish.
 */

export interface VersionWords {
  readonly toCardinal: (n: number) => string;
  /** The digit words, for a part with a leading zero ("07" is "zero seven"). */
  readonly digits: readonly string[];
  /** Said between the parts: "point", "punto". */
  readonly point: string;
  /** How a part "0" is said where that differs from the cardinal ("Rust one point oh"). */
  readonly zero?: string;
}

/** "2.3.1" -> "two point three point one", in the given words. */
export function versionReader(words: VersionWords): (written: string) => string {
  const part = (digits: string): string => {
    if (digits === '0' && words.zero) return words.zero;
    return digits.length > 1 && digits.startsWith('0') ? digitByDigit(digits, words.digits) : words.toCardinal(Number(digits));
  };
  return (written) => written.split('.').map(part).join(` ${words.point} `);
}

/** "v2.3.1": the word for version, then the version. */
export function versionWithVRule(versionWord: string, version: (written: string) => string): Rule {
  return {
    name: 'version with v',
    hint: /[vV]\d/,
    pattern: new RegExp(String.raw`${B}[vV](\d+(?:\.\d+)*)${E}(?!\.\d)`, 'gu'),
    speak: (m) => `${versionWord} ${version(m[1] ?? '')}`,
  };
}

/**
 * "STS-135", "COVID-19", "F-35": the letters as `readCapitals` says them and
 * the number; "FIPS 140-2" (two numbers after a name in capitals): both
 * numbers with the word for the hyphen between.
 */
export function designationRule(lang: string, number: (digits: string) => string, hyphenWord: string): Rule {
  return {
    name: 'designation with a hyphen',
    hint: /\p{Lu}-?\d|\d-\d/u,
    pattern: new RegExp(String.raw`${B}(\p{Lu}{1,8})-(\d{1,4})${E}(?!-\d)|(?<=${B}\p{Lu}{2,8}\s)(\d{1,5})-(\d{1,4})${E}`, 'gu'),
    speak: (m, text) => {
      if (m[1] !== undefined) {
        const reading = readCapitals(m[1], text, m.index, lang);
        return `${reading.kind === 'leave' ? m[1] : reading.spoken} ${number(m[2] ?? '')}`;
      }
      return `${number(m[3] ?? '')} ${hyphenWord} ${number(m[4] ?? '')}`;
    },
  };
}

/**
 * Initials with stops ("U.E.") and words in capitals: letters spelled with
 * spaces (French and Spanish eSpeak names each one), words in capitals as
 * `readCapitals` decides. English has its own (stops between letters, "'s").
 */
export function capitalsRules(lang: string): Rule[] {
  return [
    {
      name: 'dotted initials',
      hint: /\p{Lu}\.\p{Lu}/u,
      pattern: new RegExp(String.raw`${B}(?:\p{Lu}\.){2,}`, 'gu'),
      speak: (m) => spelled(m[0]),
    },
    {
      name: 'capitals',
      hint: /\p{Lu}\p{Lu}/u,
      pattern: new RegExp(String.raw`${B}(\p{Lu}{2,})${E}`, 'gu'),
      speak: (m, text) => {
        const reading = readCapitals(m[1] ?? '', text, m.index, lang);
        return reading.kind === 'leave' ? undefined : reading.spoken;
      },
    },
  ];
}
