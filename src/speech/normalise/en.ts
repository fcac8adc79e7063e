import { toCardinal, toOrdinal } from 'n2words/en-US';
import { readCapitals } from './capitals.js';
import { codeRules } from './code.js';
import { applyRules, digitByDigit, initials, WORD_END as E, WORD_START as B, withRuleBefore } from './rules.js';
import { designationRule, versionReader, versionWithVRule } from './shared.js';
import type { Normaliser, Rule } from './types.js';
import { ENGLISH_UNITS, unitName, unitPattern } from './units.js';

/*
 * English (US newsroom) reading rules. Number words come from n2words; the
 * rules here decide which written form is a date, a time, a price, a year.
 */

const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** Month names and their abbreviations (with or without a full stop), as one pattern. */
const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
/** Not inside a word or number. */

function monthIndex(name: string): number {
  const key = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === key);
}

/** Cardinal words for a string of digits; long strings (account numbers, codes) are read digit by digit. */
export function cardinal(digits: string): string {
  const clean = digits.replace(/[,\s]/g, '');
  if (clean.length > 15 || (clean.length > 1 && clean.startsWith('0'))) return digitByDigit(clean, DIGITS);
  return toCardinal(BigInt(clean));
}

/** "3.14" -> "three point one four"; "45,756.5" -> "forty-five thousand seven hundred fifty-six point five". */
export function decimal(written: string): string {
  const [whole = '0', fraction] = written.replace(/,/g, '').split('.');
  const wholeWords = whole === '' ? 'zero' : cardinal(whole);
  return fraction ? `${wholeWords} point ${digitByDigit(fraction, DIGITS)}` : wholeWords;
}

export function ordinal(digits: string): string {
  return toOrdinal(BigInt(digits));
}

/** A year as said aloud: 2024 "twenty twenty-four", 1905 "nineteen oh five", 2000 "two thousand", 2007 "two thousand seven". */
export function year(y: number): string {
  if (y < 1000 || y > 9999) return toCardinal(y);
  const high = Math.floor(y / 100);
  const low = y % 100;
  if (y >= 2000 && y < 2010) return toCardinal(y);
  if (low === 0) return high % 10 === 0 ? toCardinal(y) : `${toCardinal(high)} hundred`;
  return `${toCardinal(high)} ${low < 10 ? `oh ${toCardinal(low)}` : toCardinal(low)}`;
}

/** The plural of a number's last word: "ninety" -> "nineties", "hundred" -> "hundreds". */
function pluralLastWord(words: string): string {
  return words.replace(/([a-z]+)$/, (w) => (w.endsWith('y') ? `${w.slice(0, -1)}ies` : w.endsWith('x') ? `${w}es` : `${w}s`));
}

function isYear(n: number): boolean {
  return n >= 1100 && n <= 2099;
}

/** An integer or decimal as words, reading plausible years as years. */
function amount(written: string, asYear = false): string {
  const clean = written.replace(/,/g, '');
  if (asYear && /^\d{4}$/.test(clean) && isYear(Number(clean))) return year(Number(clean));
  return clean.includes('.') ? decimal(clean) : cardinal(clean);
}

function dateWords(month: number, day: number, y?: number, dayFirst = false): string | undefined {
  const name = MONTHS[month];
  if (!name || day < 1 || day > 31) return undefined;
  const dayWords = toOrdinal(day);
  if (dayFirst) return `the ${dayWords} of ${name}${y === undefined ? '' : `, ${year(y)}`}`;
  return `${name} ${dayWords}${y === undefined ? '' : `, ${year(y)}`}`;
}

function spokenIsoDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  return dateWords(Number(m[2]) - 1, Number(m[3]), Number(m[1]));
}

/** "5", "5:30", "17:00" as a clock reading. */
function clock(hours: string, minutes: string | undefined, twelveHour: boolean): string | undefined {
  const h = Number(hours);
  if (h > 24 || (twelveHour && (h < 1 || h > 12))) return undefined;
  if (minutes === undefined) return toCardinal(h);
  const m = Number(minutes);
  if (m > 59) return undefined;
  // "9:00" is "nine o'clock" in running text; "09:00" and "17:00" are read the 24-hour way.
  if (m === 0) return twelveHour ? toCardinal(h) : h >= 1 && h <= 12 && !hours.startsWith('0') ? `${toCardinal(h)} o'clock` : `${h < 10 && hours.startsWith('0') ? 'oh ' : ''}${toCardinal(h)} hundred`;
  const hourWords = !twelveHour && hours.startsWith('0') && h > 0 ? `oh ${toCardinal(h)}` : h === 0 ? 'zero' : toCardinal(h);
  return `${hourWords} ${m < 10 ? `oh ${toCardinal(m)}` : toCardinal(m)}`;
}

/*
 * The two letters with a stop between them and none after: eSpeak NG says
 * "a m" and "A M" as "uh em", and an alias ending in a stop ("a.m.") can make
 * it say "dot". "A.M" is the two letter names in every engine.
 */
function meridiem(written: string | undefined): string {
  if (!written) return '';
  return written.toLowerCase().startsWith('a') ? ' A.M' : ' P.M';
}

/*
 * A range of times is said with "until", never "to": "ten to ten forty" is
 * heard as 9:50 and then a time.
 */
const UNTIL = 'until';

/** A number in a code or designation: "135" -> "one thirty-five", "140" -> "one forty", "8601" -> "eighty-six oh one"; short ones as cardinals. */
export function codeNumber(digits: string): string {
  if (digits.length > 1 && digits.startsWith('0')) return digitByDigit(digits, DIGITS);
  const n = Number(digits);
  if (digits.length <= 2) return toCardinal(n);
  if (digits.length === 3) {
    const rest = n % 100;
    if (rest === 0) return `${toCardinal(Math.floor(n / 100))} hundred`;
    return `${toCardinal(Math.floor(n / 100))} ${rest < 10 ? `oh ${toCardinal(rest)}` : toCardinal(rest)}`;
  }
  if (digits.length === 4) return year(n);
  return digitByDigit(digits, DIGITS);
}

/** "2.3.1" -> "two point three point one"; a part "0" is "oh" (Rust one point oh), a leading zero is read digit by digit. */
export const version = versionReader({ toCardinal, digits: DIGITS, point: 'point', zero: 'oh' });

/** Digit groups of a phone number, each said digit by digit, with a pause between groups. */
function phone(written: string): string {
  return (written.match(/\d+/g) ?? []).map((group) => digitByDigit(group, DIGITS)).join(', ');
}

/** "20 MB" -> "twenty megabytes", "1 km" -> "one kilometer". */
function measure(sign: string | undefined, written: string, symbol: string): string | undefined {
  const name = unitName(ENGLISH_UNITS, symbol);
  if (!name) return undefined;
  const value = written.replace(/,/g, '');
  return `${sign ? 'minus ' : ''}${amount(value)} ${value === '1' ? name.singular : name.plural}`;
}

const CURRENCIES: Record<string, readonly [string, string, string, string]> = {
  // symbol: singular, plural, minor singular, minor plural
  $: ['dollar', 'dollars', 'cent', 'cents'],
  '€': ['euro', 'euros', 'cent', 'cents'],
  '£': ['pound', 'pounds', 'penny', 'pence'],
  '¥': ['yen', 'yen', 'sen', 'sen'],
  '₹': ['rupee', 'rupees', 'paisa', 'paise'],
};

const SCALES: Record<string, string> = {
  thousand: 'thousand', k: 'thousand', million: 'million', m: 'million', mn: 'million', billion: 'billion', bn: 'billion', b: 'billion', trillion: 'trillion', tn: 'trillion', t: 'trillion',
};

function money(symbol: string, written: string, scaleWord: string | undefined): string | undefined {
  const names = CURRENCIES[symbol];
  if (!names) return undefined;
  const clean = written.replace(/,/g, '');
  const scale = scaleWord ? SCALES[scaleWord.toLowerCase()] : undefined;
  if (scaleWord && !scale) return undefined;
  if (scale) return `${amount(clean)} ${scale} ${names[1]}`;
  const [whole = '0', cents] = clean.split('.');
  const wholeWords = `${cardinal(whole)} ${whole === '1' ? names[0] : names[1]}`;
  if (cents === undefined || /^0+$/.test(cents)) return wholeWords;
  if (cents.length !== 2) return `${decimal(clean)} ${names[1]}`;
  const c = Number(cents);
  return `${whole === '0' ? '' : `${wholeWords} and `}${toCardinal(c)} ${c === 1 ? names[2] : names[3]}`;
}

const TITLES: Record<string, string> = {
  'Mr.': 'Mister', 'Mrs.': 'Missus', 'Ms.': 'Miz', 'Dr.': 'Doctor', 'Prof.': 'Professor', 'Gen.': 'General', 'Lt.': 'Lieutenant', 'Col.': 'Colonel', 'Maj.': 'Major',
  'Capt.': 'Captain', 'Sgt.': 'Sergeant', 'Adm.': 'Admiral', 'Gov.': 'Governor', 'Sen.': 'Senator', 'Rep.': 'Representative', 'Pres.': 'President', 'Rev.': 'Reverend',
  'Hon.': 'Honourable', 'Amb.': 'Ambassador', 'Supt.': 'Superintendent', 'Insp.': 'Inspector', 'Cpl.': 'Corporal', 'Pvt.': 'Private', 'Fr.': 'Father', 'St.': 'Saint', 'Mt.': 'Mount',
};
const ABBREVIATIONS: Record<string, string> = {
  'vs.': 'versus', 'etc.': 'et cetera', 'e.g.': 'for example', 'i.e.': 'that is', 'approx.': 'approximately', 'Jr.': 'Junior', 'Sr.': 'Senior', 'Inc.': 'Incorporated',
  'Ltd.': 'Limited', 'Corp.': 'Corporation', 'Dept.': 'Department', 'Univ.': 'University', 'Ave.': 'Avenue', 'Blvd.': 'Boulevard', 'est.': 'established', 'min.': 'minutes',
  'PhD': 'P.H.D', 'Ph.D.': 'P.H.D', 'MD': 'M.D', 'CEO': 'C.E.O',
};
const FRACTIONS: Record<string, string> = { '1/2': 'one half', '1/3': 'one third', '2/3': 'two thirds', '1/4': 'one quarter', '3/4': 'three quarters', '24/7': 'twenty-four seven' };

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const AMPM = String.raw`([apAP])\.?\s?[mM]\.?`;

/** A two-part number that its context makes a version. */
const VERSION_BY_CONTEXT: Rule = {
  name: 'version by its context',
  hint: /\d\.\d/,
  // A two-part number is a version, said as the same article's "Rust 1.0" and not as the decimal "one point zero",
  // after a name ("Rust 1.0", "Debian 9.4"; not the first word of the sentence, which is capitalised anyway) or the
  // word version or release ("version 3.12"), or before a release word ("the 1.0 release", "the 2.1 beta").
  pattern: new RegExp(
    String.raw`(?<=(?:(?<=\S\s+)\p{Lu}[\p{L}\p{N}+#-]*|\p{Lu}[\p{L}]*\p{Lu}[\p{L}\p{N}]*|\b[vV]ersions?|\brelease)\s)(\d+\.\d+)${E}(?![.,]\d|\s?%)` +
      String.raw`|${B}(\d+\.\d+)(?=\s+(?:releases?|versions?|betas?|alphas?|updates?|series|branch|milestone)${E})`,
    'gu',
  ),
  speak: (m) => version(m[1] ?? m[2] ?? ''),
};

/**
 * A two-part number the article's other sentences make a version, read as
 * one here too: "What does it mean for Rust to be 1.0?" says "one point oh"
 * like the article's "Rust 1.0", not "one point zero". Just before the bare
 * number: prices, measures, percentages and "1.5 million" are still theirs.
 */
function knownVersionsRule(versions: ReadonlySet<string>): Rule {
  const forms = [...versions].map((v) => v.replace('.', String.raw`\.`)).join('|');
  return {
    name: 'version named elsewhere in the article',
    hint: /\d\.\d/,
    pattern: new RegExp(String.raw`${B}(${forms})${E}(?![.,]\d|\s?%|\s+(?:thousand|million|billion|trillion)${E})`, 'gu'),
    speak: (m) => version(m[1] ?? ''),
  };
}

/** The two-part numbers some sentence of `texts` makes a version by its context. */
function versionsNamedIn(texts: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of texts) for (const expansion of applyRules(text, [VERSION_BY_CONTEXT])) found.add(text.slice(expansion.start, expansion.end));
  return found;
}

/** English reading rules, most specific first. */
export const ENGLISH_RULES: readonly Rule[] = [
  ...codeRules({
    dot: 'dot',
    at: 'at',
    hashtag: 'hashtag',
    symbols: { '/': 'slash', '-': 'dash', _: 'underscore', ':': 'colon', '?': 'question mark', '=': 'equals', '&': 'and', '#': 'hash', '~': 'tilde', '%': 'percent', '+': 'plus' },
    digits: (d) => cardinal(d),
    digitNames: DIGITS,
    capitals: (letters) => (letters.length === 1 ? letters : initials(letters)),
  }),
  {
    name: 'phone number',
    hint: /\d{3}/,
    // North American numbers: 1-833-555-0199, (202) 555-0199, 202-555-0199, +1 202 555 0199.
    pattern: /(?<![\p{L}\p{N}_.,-])(?:\+?1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\p{N}-])/gu,
    speak: (m) => phone(m[0]),
  },
  {
    name: 'ZIP code',
    hint: /[A-Z]{2},?\s\d{5}/,
    // After a state's two capitals ("Washington, DC 20405"): five digits are a ZIP code, said digit by digit.
    pattern: /(?<=(?<![\p{L}])[A-Z]{2},?\s)\d{5}(?:-\d{4})?(?![\p{N}])/gu,
    speak: (m) => phone(m[0]),
  },
  versionWithVRule('version', version),
  {
    name: 'version with three parts',
    hint: /\d\.\d+\./,
    pattern: new RegExp(String.raw`${B}(\d+(?:\.\d+){2,})${E}(?!\.\d)`, 'gu'),
    speak: (m) => version(m[1] ?? ''),
  },
  VERSION_BY_CONTEXT,
  // "STS-135", "COVID-19", "F-35"; "FIPS 140-2": numbers in designations are read in pairs.
  designationRule('en', codeNumber, 'dash'),
  {
    name: 'measure',
    hint: /\d\s?[a-zA-Z°]/,
    pattern: unitPattern(NUMBER, ENGLISH_UNITS),
    speak: (m) => measure(m[1], m[2] ?? '', m[3] ?? ''),
  },
  {
    name: 'iso date',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(\d{4})-(\d{2})-(\d{2})${E}`, 'gu'),
    speak: (m) => spokenIsoDate(m[0]),
  },
  {
    name: 'month day year',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?${E}`, 'gu'),
    speak: (m) => dateWords(monthIndex(m[1] ?? ''), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])),
  },
  {
    name: 'day month year',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH})(?:,?\s+(\d{4}))?${E}`, 'gu'),
    speak: (m) => dateWords(monthIndex(m[2] ?? ''), Number(m[1]), m[3] === undefined ? undefined : Number(m[3]), true),
  },
  {
    name: 'time range',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(\d{1,2})(?::(\d{2}))?\s*(?:${AMPM}\s*)?[-–—]\s*(\d{1,2})(?::(\d{2}))?\s*${AMPM}(?![\p{L}\p{N}_])`, 'gu'),
    speak: (m) => {
      const from = clock(m[1] ?? '', m[2], true);
      const to = clock(m[4] ?? '', m[5], true);
      return from && to ? `${from}${meridiem(m[3])} ${UNTIL} ${to}${meridiem(m[6])}` : undefined;
    },
  },
  {
    name: '12-hour time',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(\d{1,2})(?::(\d{2}))?\s*${AMPM}(?![\p{L}\p{N}_])`, 'gu'),
    speak: (m) => {
      const time = clock(m[1] ?? '', m[2], true);
      return time && `${time}${meridiem(m[3])}`;
    },
  },
  {
    name: '24-hour time range',
    hint: /\d:\d\d\s*[-–—]/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4]):([0-5]\d)\s*[-–—]\s*([01]?\d|2[0-4]):([0-5]\d)${E}`, 'gu'),
    speak: (m) => {
      const from = clock(m[1] ?? '', m[2], false);
      const to = clock(m[3] ?? '', m[4], false);
      return from && to ? `${from} ${UNTIL} ${to}` : undefined;
    },
  },
  {
    name: '24-hour time',
    hint: /\d:/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4]):([0-5]\d)${E}(?!:\d)`, 'gu'),
    speak: (m) => clock(m[1] ?? '', m[2], false),
  },
  {
    name: 'money',
    hint: /[$€£¥₹]/,
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(?:US)?([$€£¥₹])\s?(${NUMBER})(?:\s?(thousand|million|billion|trillion|bn|mn|tn|[kmbt]))?${E}`, 'gu'),
    speak: (m) => money(m[1] ?? '', m[2] ?? '', m[3]),
  },
  {
    name: 'percentage range',
    hint: /%/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?%?\s?[-–—]\s?(${NUMBER})\s?%`, 'gu'),
    speak: (m) => `${amount(m[1] ?? '')} to ${amount(m[2] ?? '')} percent`,
  },
  {
    name: 'percentage',
    hint: /%/,
    pattern: new RegExp(String.raw`${B}(-|−)?(${NUMBER})\s?%`, 'gu'),
    speak: (m) => `${m[1] ? 'minus ' : ''}${amount(m[2] ?? '')} percent`,
  },
  {
    name: 'decade',
    hint: /\d0['’]?s/,
    pattern: new RegExp(String.raw`${B}(?:(\d{2})|['’](\d))(\d)0['’]?s${E}`, 'gu'),
    speak: (m) => {
      if (m[1] !== undefined) return pluralLastWord(year(Number(`${m[1]}${m[3]}0`)));
      return pluralLastWord(toCardinal(Number(`${m[3]}0`)));
    },
  },
  {
    name: 'number range',
    hint: /\d\s?[-–—]/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?(–|—|-)\s?(${NUMBER})${E}(?![-–—]\d)`, 'gu'),
    speak: (m) => {
      const from = m[1] ?? '';
      const to = m[3] ?? '';
      // A hyphen also joins phone numbers and codes: read it as a range only between small, rising numbers.
      const years = /^\d{4}$/.test(from) && isYear(Number(from)) && (/^\d{2}$/.test(to) || (/^\d{4}$/.test(to) && isYear(Number(to))));
      const rising = Number((years && to.length === 2 ? from.slice(0, 2) + to : to).replace(/,/g, '')) > Number(from.replace(/,/g, ''));
      if (m[2] === '-' && !(from.length <= 4 && to.length <= 4 && rising)) return undefined;
      if (years && to.length === 2) return `${year(Number(from))} to ${year(Number(from.slice(0, 2) + to))}`;
      return `${amount(from, years)} to ${amount(to, years)}`;
    },
  },
  {
    name: 'ordinal',
    hint: /\d(?:st|nd|rd|th)/i,
    pattern: new RegExp(String.raw`${B}(\d{1,9})(st|nd|rd|th)${E}`, 'giu'),
    speak: (m) => ordinal(m[1] ?? '0'),
  },
  {
    name: 'number sign',
    hint: /No|no\.|#/,
    pattern: new RegExp(String.raw`${B}(?:No\.|no\.|Nos\.)(?=\s?\d)|#(?=\d)`, 'gu'),
    speak: (m) => (m[0].startsWith('Nos') ? 'numbers' : 'number'),
  },
  {
    name: 'fraction',
    hint: /\d\//,
    pattern: new RegExp(String.raw`${B}(\d{1,3})/(\d{1,3})${E}(?!/)`, 'gu'),
    speak: (m) => FRACTIONS[m[0]] ?? `${cardinal(m[1] ?? '')} over ${cardinal(m[2] ?? '')}`,
  },
  {
    name: 'year',
    hint: /\d{4}/,
    pattern: new RegExp(String.raw`${B}(1[1-9]\d\d|20\d\d)${E}(?![.,]\d)`, 'gu'),
    speak: (m) => year(Number(m[1])),
  },
  {
    name: 'number',
    hint: /\d/,
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_.,])([-−](?=\d))?(${NUMBER})${E}(?![.,]\d)`, 'gu'),
    speak: (m) => `${m[1] ? 'minus ' : ''}${amount(m[2] ?? '')}`,
  },
  {
    name: 'title',
    hint: /[A-Z][a-z]{0,3}\./,
    pattern: new RegExp(String.raw`${B}(?:${Object.keys(TITLES).map((t) => t.replace('.', '\\.')).join('|')})(?=\s+[\p{Lu}])`, 'gu'),
    speak: (m) => TITLES[m[0]],
  },
  {
    name: 'abbreviation',
    hint: /\.|PhD|MD|CEO/,
    pattern: new RegExp(String.raw`${B}(?:${Object.keys(ABBREVIATIONS).map((t) => t.replace(/\./g, '\\.')).join('|')})(?![\p{L}\p{N}])`, 'gu'),
    speak: (m) => ABBREVIATIONS[m[0]],
  },
  {
    name: 'dotted initials',
    hint: /\p{Lu}\.\p{Lu}/u,
    pattern: new RegExp(String.raw`${B}(?:\p{Lu}\.){2,}`, 'gu'),
    speak: (m) => initials(m[0]),
  },
  {
    name: 'acronym',
    hint: /\p{Lu}\p{Lu}/u,
    pattern: new RegExp(String.raw`${B}(\p{Lu}{2,})(s|['’]s)?${E}`, 'gu'),
    speak: (m, text) => {
      const reading = readCapitals(m[1] ?? '', text, m.index, 'en');
      if (reading.kind === 'leave') return undefined;
      if (reading.kind === 'spelled') return `${reading.spoken}${m[2] ? "'s" : ''}`;
      return `${reading.spoken}${m[2] ?? ''}`;
    },
  },
  {
    name: 'and/or',
    hint: /\//,
    pattern: /(?<![\p{L}\p{N}_])and\/or(?![\p{L}\p{N}_])/giu,
    speak: () => 'and or',
  },
  {
    name: 'word slash word',
    hint: /\//,
    pattern: new RegExp(String.raw`${B}(\p{L}+)/(\p{L}+)${E}`, 'gu'),
    speak: (m) => `${m[1]} slash ${m[2]}`,
  },
  {
    name: 'symbol',
    hint: /[&%@+=×]/,
    pattern: /(?<=\s|^)[&%@+=×](?=\s|$)|(?<=\p{L})&(?=\p{L})/gu,
    speak: (m) => ({ '&': 'and', '%': 'percent', '@': 'at', '+': 'plus', '=': 'equals', '×': 'times' })[m[0]],
  },
  {
    name: 'degrees',
    hint: /°/,
    pattern: /°\s?([CF])?(?![\p{L}])/gu,
    speak: (m) => (m[1] === 'C' ? 'degrees Celsius' : m[1] === 'F' ? 'degrees Fahrenheit' : 'degrees'),
  },
];

export const english: Normaliser = {
  lang: 'en',
  expansions: (text) => applyRules(text, ENGLISH_RULES),
  spokenDate: (iso) => spokenIsoDate(iso) ?? iso,
  forArticle(texts) {
    const versions = versionsNamedIn(texts);
    if (versions.size === 0) return english;
    const rules = withRuleBefore(ENGLISH_RULES, 'number', knownVersionsRule(versions));
    return { ...english, expansions: (text) => applyRules(text, rules) };
  },
};
