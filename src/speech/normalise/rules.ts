import type { Expansion, Rule } from './types.js';

/**
 * Runs `rules` over `text` in priority order: a rule only claims characters no
 * earlier rule claimed, so specific rules (a date, a price) win over general
 * ones (a bare number) written later in the list.
 */
export function applyRules(text: string, rules: readonly Rule[]): Expansion[] {
  const claimed: Expansion[] = [];
  // One flag per UTF-16 unit: checking a match costs its length, so a text with thousands of matches stays linear.
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  for (const rule of rules) {
    if (!rule.pattern.global) throw new Error(`normalisation rule ${rule.name} needs a global pattern`);
    if (rule.hint && !rule.hint.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      const start = match.index;
      const end = start + match[0].length;
      if (!free(start, end)) continue;
      const spoken = rule.speak(match, text)?.replace(/\s+/g, ' ').trim();
      if (spoken) {
        claimed.push({ start, end, spoken });
        taken.fill(1, start, end);
      }
    }
  }
  return claimed.sort((a, b) => a.start - b.start);
}

/** `rules` with `rule` put just before the rule named `before` (so that it wins over it); throws when there is none. */
export function withRuleBefore(rules: readonly Rule[], before: string, rule: Rule): Rule[] {
  const at = rules.findIndex((r) => r.name === before);
  if (at < 0) throw new Error(`no normalisation rule named ${before}`);
  return [...rules.slice(0, at), rule, ...rules.slice(at)];
}

/** Letters spoken one by one: "FBI" -> "F B I". */
export function spelled(letters: string): string {
  return [...letters.replace(/[.\s]/g, '')].join(' ');
}

/**
 * Letters spoken one by one in English: "USA" -> "U.S.A". eSpeak NG reads a
 * lone "A" among spaced letters as the article ("U S uh"); with stops between
 * the letters, and none after the last (which it could read as "dot"), every
 * letter is its name.
 */
export function initials(letters: string): string {
  return [...letters.replace(/[.\s]/g, '')].join('.');
}

/** Digits read one by one with the given digit words. */
export function digitByDigit(digits: string, words: readonly string[]): string {
  return [...digits].map((d) => words[Number(d)] ?? d).join(' ');
}

/** Pattern fragments for a word boundary that, unlike `\b`, knows Unicode letters (`é` is not a boundary). */
export const WORD_START = String.raw`(?<![\p{L}\p{N}_])`;
export const WORD_END = String.raw`(?![\p{L}\p{N}_])`;

/** Number reading for languages that write decimals with a comma (French, Spanish, ...). */
export interface DecimalCommaReader {
  /** "45 756" → the cardinal; over 15 digits or with a leading zero, digit by digit. */
  cardinal(digits: string): string;
  /** "3,5" → "<three> <point word> <five>"; a leading zero in the decimals is read digit by digit. */
  amount(written: string): string;
}

export function decimalCommaReader(toCardinal: (n: bigint | number) => string, digitWords: readonly string[], pointWord: string): DecimalCommaReader {
  const cardinal = (digits: string): string => {
    const clean = digits.replace(/[\s\u00A0\u202F.]/g, '');
    if (clean.length > 15 || (clean.length > 1 && clean.startsWith('0'))) return digitByDigit(clean, digitWords);
    return toCardinal(BigInt(clean));
  };
  const amount = (written: string): string => {
    const [whole = '0', fraction] = written.split(',');
    if (fraction === undefined) return cardinal(whole);
    const fractionWords = fraction.startsWith('0') ? digitByDigit(fraction, digitWords) : cardinal(fraction);
    return `${cardinal(whole)} ${pointWord} ${fractionWords}`;
  };
  return { cardinal, amount };
}
