import { toCardinal, toOrdinal } from 'n2words/es-ES';
import { applyRules, decimalCommaReader, WORD_END as E, WORD_START as B } from './rules.js';
import type { Normaliser, Rule } from './types.js';

/*
 * Spanish reading rules. Spain writes thousands with a full stop or a space
 * and decimals with a comma ("45.756", "3,5"); percentages are "por ciento",
 * dates "ocho de octubre de dos mil veinticuatro".
 */

const DIGITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'] as const;
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'] as const;
const NUMBER = String.raw`\d{1,3}(?:[.\u0020\u00A0\u202F]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

const { cardinal, amount } = decimalCommaReader(toCardinal, DIGITS, 'coma');

function spokenIsoDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  return `${Number(m[3]) === 1 ? 'primero' : toCardinal(Number(m[3]))} de ${month} de ${toCardinal(Number(m[1]))}`;
}

const CURRENCY: Record<string, string> = { '€': 'euros', $: 'dólares', '£': 'libras', '¥': 'yenes' };
const TITLES: Record<string, string> = { 'Sr.': 'señor', 'Sra.': 'señora', 'Srta.': 'señorita', 'Dr.': 'doctor', 'Dra.': 'doctora', 'Lic.': 'licenciado', 'D.': 'don', 'Dña.': 'doña' };

export const SPANISH_RULES: readonly Rule[] = [
  {
    name: 'iso date',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}\d{4}-\d{2}-\d{2}${E}`, 'gu'),
    speak: (m) => spokenIsoDate(m[0]),
  },
  {
    name: 'day month',
    hint: /\d/,
    pattern: new RegExp(String.raw`${B}(\d{1,2})\s+de\s+(${MONTHS.join('|')})(?:\s+de\s+(\d{4}))?${E}`, 'giu'),
    speak: (m) => `${m[1] === '1' ? 'primero' : toCardinal(Number(m[1]))} de ${m[2]?.toLowerCase()}${m[3] ? ` de ${toCardinal(Number(m[3]))}` : ''}`,
  },
  {
    name: 'time',
    hint: /\d:/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4]):([0-5]\d)${E}`, 'gu'),
    speak: (m) => `${toCardinal(Number(m[1]))}${Number(m[2]) > 0 ? ` ${toCardinal(Number(m[2]))}` : ''}`,
  },
  {
    name: 'money after',
    hint: /[€$£¥]/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?(millones\s+de\s+)?([€$£¥])`, 'gu'),
    speak: (m) => `${amount(m[1] ?? '')}${m[2] ? ' millones de' : ''} ${CURRENCY[m[3] ?? ''] ?? ''}`,
  },
  {
    name: 'money before',
    hint: /[€$£¥]/,
    pattern: new RegExp(String.raw`([€$£¥])\s?(${NUMBER})${E}`, 'gu'),
    speak: (m) => `${amount(m[2] ?? '')} ${CURRENCY[m[1] ?? ''] ?? ''}`,
  },
  {
    name: 'percentage',
    hint: /%/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?%`, 'gu'),
    speak: (m) => `${amount(m[1] ?? '')} por ciento`,
  },
  {
    name: 'ordinal',
    hint: /[ºª°]/,
    pattern: new RegExp(String.raw`${B}(\d{1,6})\.?([ºª°])${E}`, 'gu'),
    speak: (m, text) => {
      const words = toOrdinal(Number(m[1]), { gender: m[2] === 'ª' ? 'feminine' : 'masculine' });
      // Before a noun, "primero" and "tercero" lose their final o ("primer lugar").
      const beforeNoun = /^\s+\p{L}/u.test(text.slice(m.index + m[0].length));
      return beforeNoun ? words.replace(/\b(primer|tercer)o$/, '$1') : words;
    },
  },
  {
    name: 'range',
    hint: /[–—]/,
    pattern: new RegExp(String.raw`${B}(${NUMBER})\s?[–—]\s?(${NUMBER})${E}`, 'gu'),
    speak: (m) => `${amount(m[1] ?? '')} a ${amount(m[2] ?? '')}`,
  },
  {
    name: 'number',
    hint: /\d/,
    pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_,.])(${NUMBER})${E}(?![.,]\d)`, 'gu'),
    speak: (m) => amount(m[1] ?? ''),
  },
  {
    name: 'title',
    hint: /[SDL]\S{0,3}\./,
    pattern: new RegExp(String.raw`${B}(?:Sr\.|Sra\.|Srta\.|Dra?\.|Lic\.|D\.|Dña\.)(?=\s+\p{Lu})`, 'gu'),
    speak: (m) => TITLES[m[0]],
  },
  {
    name: 'EE. UU.',
    hint: /EE\./,
    pattern: /(?<![\p{L}\p{N}_])EE\.\s?UU\./gu,
    speak: () => 'Estados Unidos',
  },
  {
    name: 'symbol',
    hint: /[&%]/,
    pattern: /(?<=\s|^)[&%]/gu,
    speak: (m) => (m[0] === '&' ? 'y' : 'por ciento'),
  },
];

export const spanish: Normaliser = {
  lang: 'es',
  expansions: (text) => applyRules(text, SPANISH_RULES),
  spokenDate: (iso) => spokenIsoDate(iso) ?? iso,
};
