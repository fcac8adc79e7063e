import { toCardinal, toOrdinal } from 'n2words/fr-FR';
import { applyRules, decimalCommaReader, WORD_END as E, WORD_START as B } from './rules.js';
import type { Normaliser, Rule } from './types.js';

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
    name: 'time',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4])\s?(?:h|:)\s?([0-5]\d)?${E}`, 'gu'),
    speak: (m) => `${toCardinal(Number(m[1]))} ${Number(m[1]) <= 1 ? 'heure' : 'heures'}${m[2] && Number(m[2]) > 0 ? ` ${toCardinal(Number(m[2]))}` : ''}`,
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
    pattern: new RegExp(String.raw`${B}(\d{1,6})(er|re|e|ème|è)${E}`, 'gu'),
    speak: (m) => (m[1] === '1' ? (m[2] === 're' ? 'première' : 'premier') : toOrdinal(Number(m[1]))),
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
    speak: (m) => amount(m[1] ?? ''),
  },
  {
    name: 'title',
    hint: /M|D|P/,
    pattern: new RegExp(String.raw`${B}(?:M\.|MM|Mmes?|Mlle|Dr|Pr|Me)(?=\s+\p{Lu})`, 'gu'),
    speak: (m) => TITLES[m[0]],
  },
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
