import { toCardinal, toOrdinal } from 'n2words/fr-FR';
import { codeRules } from './code.js';
import { applyRules, decimalCommaReader, digitByDigit, spelled, WORD_END as E, WORD_START as B } from './rules.js';
import { capitalsRules, designationRule, versionReader, versionWithVRule } from './shared.js';
import type { Normaliser, Rule } from './types.js';
import { FRENCH_UNITS, unitName, unitPattern } from './units.js';

/*
 * French reading rules. French writes thousands with a (narrow) space and
 * decimals with a comma ("45 756", "3,5"), says years as cardinals ("deux mille
 * vingt-quatre") and percentages as "pour cent": none of it may go through the
 * English rules.
 */

const DIGITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'] as const;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;
/** Thousands groups separated by a space, no-break space or narrow no-break space; decimal comma. */
const NUMBER = String.raw`\d{1,3}(?:[\u0020\u00A0\u202F]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

const { cardinal, amount } = decimalCommaReader(toCardinal, DIGITS, 'virgule');

/*
 * Gender of the noun after a number, for "un"/"une" ("vingt et une femmes"):
 * endings that are almost always feminine, and common feminine nouns without
 * them. Anything else is masculine, the form numbers take on their own.
 */
const FEMININE_ENDINGS = /(?:tion|sion|té|ure|ette|ence|ance|ée|ie|ade|aison|elle|esse|ise|ine|ière|ienne|tude|ode|ole)$/u;
const FEMININE_NOUNS = new Set([
  'femme', 'personne', 'fois', 'heure', 'semaine', 'minute', 'seconde', 'voiture', 'victime', 'ville', 'place', 'page', 'langue', 'fille', 'mère',
  'sœur', 'tonne', 'étape', 'nuit', 'mort', 'part', 'loi', 'voix', 'fin', 'main', 'mer', 'classe', 'chose', 'équipe', 'entreprise', 'école',
  'région', 'carte', 'année', 'journée', 'vidéo', 'photo', 'image', 'machine', 'ligne', 'porte', 'table', 'offre', 'cause', 'course', 'guerre',
  'maison', 'route', 'rue', 'banque', 'session', 'conférence', 'version', 'distribution', 'architecture', 'plateforme', 'archive', 'catégorie',
]);

export function isFeminine(noun: string): boolean {
  const singular = noun.toLowerCase().replace(/(?<=.{2})[sx]$/u, '');
  return FEMININE_NOUNS.has(singular) || FEMININE_ENDINGS.test(singular);
}

/** A cardinal that agrees with a feminine noun: only a final "un" changes ("vingt et une", but "un million"). */
function feminine(words: string): string {
  return words.replace(/\bun$/u, 'une');
}

/** The words of the number `written` before `noun` (or alone), agreeing in gender. */
function countOf(written: string, noun: string | undefined): string {
  const words = amount(written);
  return noun !== undefined && !written.includes(',') && isFeminine(noun) ? feminine(words) : words;
}

/** The word after position `end` in `text`, if a space separates them. */
function nextWord(text: string, end: number): string | undefined {
  return /^[\u0020\u00A0\u202F]+(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1];
}

/** "5 kg" -> "cinq kilogrammes", "1 t" -> "une tonne": French puts a unit in the plural from two on. */
function measure(sign: string | undefined, written: string, symbol: string): string | undefined {
  const name = unitName(FRENCH_UNITS, symbol);
  if (!name) return undefined;
  const value = Number(written.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.'));
  const words = name.feminine && !written.includes(',') ? feminine(amount(written)) : amount(written);
  return `${sign ? 'moins ' : ''}${words} ${Math.abs(value) >= 2 ? name.plural : name.singular}`;
}

/** An hour of the clock, feminine like "heure": "une heure", "vingt et une heures". */
function hours(h: number): string {
  return `${feminine(toCardinal(h))} ${h <= 1 ? 'heure' : 'heures'}`;
}

function clockTime(h: string, m: string | undefined): string | undefined {
  if (Number(h) > 24 || (m !== undefined && Number(m) > 59)) return undefined;
  return `${hours(Number(h))}${m && Number(m) > 0 ? ` ${toCardinal(Number(m))}` : ''}`;
}

/** "9.4" -> "neuf point quatre"; a leading zero is read digit by digit. */
const version = versionReader({ toCardinal, digits: DIGITS, point: 'point' });

/** French numbers are read in pairs: "01 23 45 67 89" -> "zéro un, vingt-trois, quarante-cinq, soixante-sept, quatre-vingt-neuf". */
function phone(written: string): string {
  const digits = written.replace(/^\+33/, '0').replace(/\D/g, '');
  return (digits.match(/\d{1,2}/g) ?? []).map((pair) => (pair.startsWith('0') ? digitByDigit(pair, DIGITS) : toCardinal(Number(pair)))).join(', ');
}

function dayWords(day: number): string {
  return day === 1 ? 'premier' : toCardinal(day);
}

function spokenIsoDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  return `le ${dayWords(Number(m[3]))} ${month} ${toCardinal(Number(m[1]))}`;
}

const CURRENCY: Record<string, string> = { '€': 'euros', $: 'dollars', '£': 'livres', '¥': 'yens' };
const SCALES: Record<string, string> = { k: 'mille', M: 'millions de', Md: 'milliards de', millions: 'millions de', milliards: 'milliards de', million: 'million de', milliard: 'milliard de' };
const TITLES: Record<string, string> = { 'M.': 'Monsieur', MM: 'Messieurs', Mme: 'Madame', Mmes: 'Mesdames', Mlle: 'Mademoiselle', Dr: 'Docteur', Pr: 'Professeur', Me: 'Maître' };

/** "millions de euros" -> "millions d'euros". */
function elide(words: string): string {
  return words.replace(/\bde ([aeiouyéè])/g, "d'$1");
}

export const FRENCH_RULES: readonly Rule[] = [
  ...codeRules({
    dot: 'point',
    at: 'arobase',
    hashtag: 'hashtag',
    // "slash" is what French speakers say in an address ("barre oblique" is the typographers' name).
    symbols: { '/': 'slash', '-': 'tiret', _: 'tiret bas', ':': 'deux-points', '?': "point d'interrogation", '=': 'égal', '&': 'et', '#': 'dièse', '~': 'tilde', '%': 'pour cent', '+': 'plus' },
    digits: (d) => cardinal(d),
    digitNames: DIGITS,
    capitals: (letters) => spelled(letters),
  }),
  {
    name: 'iso date',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}\d{4}-\d{2}-\d{2}${E}`, 'gu'),
    speak: (m) => spokenIsoDate(m[0]),
  },
  {
    name: 'day month',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(1er|\d{1,2})\s+(${MONTHS.join('|')})(?:\s+(\d{4}))?${E}`, 'giu'),
    speak: (m) => `${m[1] === '1er' ? 'premier' : toCardinal(Number(m[1]))} ${m[2]?.toLowerCase()}${m[3] ? ` ${toCardinal(Number(m[3]))}` : ''}`,
  },
  {
    name: 'time range',
    hint: /\d\s?[h:]/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4])\s?(?:h|:)\s?([0-5]\d)?\s?[-–—]\s?([01]?\d|2[0-4])\s?(?:h|:)\s?([0-5]\d)?${E}`, 'gu'),
    speak: (m) => {
      const from = clockTime(m[1] ?? '', m[2]);
      const to = clockTime(m[3] ?? '', m[4]);
      return from && to ? `de ${from} à ${to}` : undefined;
    },
  },
  {
    name: 'time',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4])\s?(?:h|:)\s?([0-5]\d)?${E}`, 'gu'),
    speak: (m) => clockTime(m[1] ?? '', m[2]),
  },
  {
    name: 'phone number',
    hint: /\d\d/,
    pattern: /(?<![\p{L}\p{N}_.,])(?:\+33\s?[1-9]|0[1-9])(?:[\s.\u00A0-]?\d{2}){4}(?![\p{N}])/gu,
    speak: (m) => phone(m[0]),
  },
  versionWithVRule('version', version),
  {
    name: 'version',
    hint: /\d\.\d/,
    // French decimals take a comma: digits joined by full stops are a version ("Debian 9.4", "MariaDB 10.1").
    pattern: new RegExp(String.raw`${B}(\d+(?:\.\d+)+)${E}(?!\.\d)`, 'gu'),
    speak: (m) => version(m[1] ?? ''),
  },
  designationRule('fr', cardinal, 'tiret'),
  {
    name: 'measure',
    hint: /\d\s?[a-zA-Z°]/,
    pattern: unitPattern(NUMBER, FRENCH_UNITS),
    speak: (m) => measure(m[1], m[2] ?? '', m[3] ?? ''),
  },
  {
    name: 'money after',
    hint: /[€$£¥]/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?(k|M|Md|millions?|milliards?)?\s?([€$£¥])`, 'gu'),
    speak: (m) => elide(`${amount(m[1] ?? '')}${m[2] ? ` ${SCALES[m[2]] ?? ''}` : ''} ${CURRENCY[m[3] ?? ''] ?? ''}`),
  },
  {
    name: 'money before',
    hint: /[€$£¥]/,
    pattern: new RegExp(String.raw`([€$£¥])\s?(${NUMBER})(?:\s?(k|M|Md|millions?|milliards?))?${E}`, 'gu'),
    speak: (m) => elide(`${amount(m[2] ?? '')}${m[3] ? ` ${SCALES[m[3]] ?? ''}` : ''} ${CURRENCY[m[1] ?? ''] ?? ''}`),
  },
  {
    name: 'percentage',
    hint: /%/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?%`, 'gu'),
    speak: (m) => `${amount(m[1] ?? '')} pour cent`,
  },
  {
    name: 'ordinal',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(\d{1,6})(ers?|res?|ères?|es?|èmes?|è|nde?s?)${E}`, 'gu'),
    speak: (m) => {
      const suffix = m[2] ?? '';
      const plural = suffix.length > 1 && suffix.endsWith('s') && suffix !== 'es' ? 's' : suffix === 'es' ? 's' : '';
      if (m[1] === '1') return `${/^(re|ère)/.test(suffix) ? 'première' : 'premier'}${plural}`;
      if (m[1] === '2' && suffix.startsWith('nd')) return `${suffix.startsWith('nde') ? 'seconde' : 'second'}${plural}`;
      return `${toOrdinal(Number(m[1]))}${plural}`;
    },
  },
  {
    name: 'number sign',
    hint: /[°º]/,
    pattern: /n[°º]\s?(?=\d)/gu,
    speak: () => 'numéro',
  },
  {
    name: 'range',
    hint: /[–—]/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?[–—]\s?(${NUMBER})${E}`, 'gu'),
    speak: (m) => `${amount(m[1] ?? '')} à ${amount(m[2] ?? '')}`,
  },
  {
    name: 'number',
    hint: /\d/,
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_,])(${NUMBER})${E}(?!,\d)`, 'gu'),
    speak: (m, text) => countOf(m[1] ?? '', nextWord(text, m.index + m[0].length)),
  },
  {
    name: 'title',
    hint: /M|D|P/,
    pattern: new RegExp(String.raw`${B}(?:M\.|MM|Mmes?|Mlle|Dr|Pr|Me)(?=\s+\p{Lu})`, 'gu'),
    speak: (m) => TITLES[m[0]],
  },
  ...capitalsRules('fr'),
  {
    name: 'symbol',
    hint: /[&%]/,
    pattern: /(?<=\s|^)[&%]/gu,
    speak: (m) => (m[0] === '&' ? 'et' : 'pour cent'),
  },
];

export const french: Normaliser = {
  lang: 'fr',
  expansions: (text) => applyRules(text, FRENCH_RULES),
  spokenDate: (iso) => spokenIsoDate(iso) ?? iso,
};
