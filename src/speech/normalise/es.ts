import { toCardinal as n2wordsCardinal, toOrdinal } from 'n2words/es-ES';
import { codeRules } from './code.js';
import { applyRules, decimalCommaReader, digitByDigit, spelled, WORD_END as E, WORD_START as B } from './rules.js';
import { capitalsRules, designationRule, versionReader, versionWithVRule } from './shared.js';
import type { Normaliser, Rule } from './types.js';
import { SPANISH_UNITS, unitName, unitPattern } from './units.js';

/*
 * Spanish reading rules. Spain writes thousands with a full stop or a space
 * and decimals with a comma ("45.756", "3,5"); percentages are "por ciento",
 * dates "ocho de octubre de dos mil veinticuatro".
 */

const DIGITS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'] as const;
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'] as const;
const NUMBER = String.raw`\d{1,3}(?:[.\u0020\u00A0\u202F]\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;

/*
 * n2words 4 writes "cuarenta y uno millones", "veintiuno mil": before "mil",
 * "millón", "millones" (and the larger scales) "uno" is "un", "veintiuno" "veintiún".
 */
function toCardinal(n: bigint | number): string {
  return n2wordsCardinal(n).replace(/\b(veinti)?uno(?= (?:mil|millón|millones|billón|billones)\b)/gu, (_, veinti: string | undefined) => (veinti ? 'veintiún' : 'un'));
}

/*
 * The feminine under a million ("doscientas mil personas", "ciento una
 * mujeres"): n2words 4 writes "cienta una" and leaves the thousands masculine.
 */
function feminineCardinal(n: bigint): string {
  if (n >= 1000n) {
    const thousands = n / 1000n;
    const rest = n % 1000n;
    return `${thousands === 1n ? 'mil' : `${feminineCardinal(thousands)} mil`}${rest > 0n ? ` ${feminineCardinal(rest)}` : ''}`;
  }
  return n2wordsCardinal(n, { gender: 'feminine' }).replace(/\bcienta\b/gu, 'ciento');
}

const { cardinal, amount } = decimalCommaReader(toCardinal, DIGITS, 'coma');

/*
 * Gender of the noun after a number ("veintiuna mujeres", "doscientas
 * personas"): nouns in -a and a few endings are feminine, but for the listed
 * masculine ones in -a; common feminine nouns without those endings are listed.
 */
const FEMININE_ENDINGS = /(?:a|ión|dad|tad|tud|umbre|ie|sis)$/u;
const MASCULINE_IN_A = new Set(['día', 'mapa', 'problema', 'sistema', 'programa', 'tema', 'idioma', 'clima', 'planeta', 'poema', 'esquema', 'drama', 'sofá', 'tranvía', 'cometa', 'análisis', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'paraguas', 'millones', 'ecosistema']);
const FEMININE_NOUNS = new Set(['mujer', 'vez', 'noche', 'gente', 'parte', 'muerte', 'ley', 'calle', 'clase', 'fuente', 'llave', 'nave', 'red', 'sede', 'imagen', 'piel', 'mano', 'radio', 'foto', 'moto', 'flor', 'sal', 'luz', 'voz', 'cruz', 'paz', 'madre', 'suerte', 'torre', 'tarde', 'serie', 'especie', 'base', 'frase', 'nube', 'leche', 'carne']);

export function isFeminine(noun: string): boolean {
  const word = noun.toLowerCase();
  if (MASCULINE_IN_A.has(word)) return false;
  const singular = word.endsWith('es') && !FEMININE_ENDINGS.test(word.slice(0, -1)) ? word.slice(0, -2) : word.replace(/s$/u, '');
  if (MASCULINE_IN_A.has(singular)) return false;
  return FEMININE_NOUNS.has(singular) || FEMININE_NOUNS.has(singular.replace(/c$/u, 'z')) || FEMININE_ENDINGS.test(singular) || /iones$/u.test(word);
}

/** A whole number before a noun: "uno" shortens (un libro, veintiún años), and agrees with a feminine noun (una, veintiuna, doscientas). */
function countOf(written: string, noun: string | undefined): string {
  if (noun === undefined || written.includes(',')) return amount(written);
  const clean = written.replace(/[.\s\u00A0\u202F]/g, '');
  if (clean.length > 15 || (clean.length > 1 && clean.startsWith('0'))) return amount(written);
  const n = BigInt(clean);
  // Above a million the noun agrees with "millones", masculine: "doscientos millones de personas".
  if (isFeminine(noun) && n < 1_000_000n) return feminineCardinal(n);
  return toCardinal(n).replace(/\b(veinti)?uno$/u, (_, veinti: string | undefined) => (veinti ? 'veintiún' : 'un'));
}

/** Words that follow a number without being what it counts ("del 21 al 27", "1 de cada 3"). */
const NOT_NOUNS = new Set(['a', 'al', 'de', 'del', 'y', 'e', 'o', 'u', 'en', 'por', 'para', 'con', 'sin', 'que', 'el', 'la', 'los', 'las', 'un', 'una', 'es', 'son', 'fue', 'se', 'hasta', 'desde', 'entre', 'sobre', 'más', 'menos']);

/** The word after position `end` in `text`, if a space separates them and it can be what the number counts. */
function nextWord(text: string, end: number): string | undefined {
  const word = /^[\u0020\u00A0\u202F]+(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1];
  return word !== undefined && !NOT_NOUNS.has(word.toLowerCase()) ? word : undefined;
}

/** "5 kg" -> "cinco kilogramos", "1 t" -> "una tonelada". */
function measure(sign: string | undefined, written: string, symbol: string): string | undefined {
  const name = unitName(SPANISH_UNITS, symbol);
  if (!name) return undefined;
  const words = written.includes(',') ? amount(written) : countOf(written, name.feminine ? 'tonelada' : 'metro');
  return `${sign ? 'menos ' : ''}${words} ${written === '1' ? name.singular : name.plural}`;
}

/** A clock time the Spanish way: la una, las nueve y media, las veintiuna y diez ("hora" is feminine). */
function clockTime(h: string, m: string | undefined): string | undefined {
  const hour = Number(h);
  const minutes = m === undefined ? 0 : Number(m);
  if (hour > 24 || minutes > 59) return undefined;
  const hourWords = feminineCardinal(BigInt(hour));
  if (minutes === 0) return hourWords;
  if (minutes === 15) return `${hourWords} y cuarto`;
  if (minutes === 30) return `${hourWords} y media`;
  return `${hourWords} y ${toCardinal(minutes)}`;
}

/** "a. m." after a time: morning; "p. m." afternoon until eight, then night. */
function partOfDay(h: string, meridiem: string | undefined): string {
  if (!meridiem) return '';
  if (meridiem.toLowerCase() === 'a') return ' de la mañana';
  const hour = Number(h);
  return hour === 12 ? ' del mediodía' : hour >= 8 && hour < 12 ? ' de la noche' : ' de la tarde';
}

/** "9.4" -> "nueve punto cuatro"; a leading zero is read digit by digit. */
const version = versionReader({ toCardinal, digits: DIGITS, point: 'punto' });

/** "a. m.", "p. m." and, as some Spanish texts write them, "AM", "PM". */
const MERIDIEM = String.raw`(?:\s?([apAP])(?:\.\s?[mM]\.|[mM](?![\p{L}\p{N}])))`;

function spokenIsoDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month || Number(m[3]) < 1 || Number(m[3]) > 31) return undefined;
  return `${Number(m[3]) === 1 ? 'primero' : toCardinal(Number(m[3]))} de ${month} de ${toCardinal(Number(m[1]))}`;
}

const CURRENCY: Record<string, string> = { '€': 'euros', $: 'dólares', '£': 'libras', '¥': 'yenes' };
const TITLES: Record<string, string> = { 'Sr.': 'señor', 'Sra.': 'señora', 'Srta.': 'señorita', 'Dr.': 'doctor', 'Dra.': 'doctora', 'Lic.': 'licenciado', 'D.': 'don', 'Dña.': 'doña' };

export const SPANISH_RULES: readonly Rule[] = [
  ...codeRules({
    dot: 'punto',
    at: 'arroba',
    hashtag: 'hashtag',
    symbols: { '/': 'barra', '-': 'guion', _: 'guion bajo', ':': 'dos puntos', '?': 'interrogación', '=': 'igual', '&': 'y', '#': 'almohadilla', '~': 'virgulilla', '%': 'por ciento', '+': 'más' },
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
    pattern: new RegExp(String.raw`${B}(\d{1,2})\s+de\s+(${MONTHS.join('|')})(?:\s+de\s+(\d{4}))?${E}`, 'giu'),
    speak: (m) => `${m[1] === '1' ? 'primero' : toCardinal(Number(m[1]))} de ${m[2]?.toLowerCase()}${m[3] ? ` de ${toCardinal(Number(m[3]))}` : ''}`,
  },
  {
    name: 'time range',
    hint: /\d:\d\d\s?[-–—]/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4]):([0-5]\d)${MERIDIEM}?\s?[-–—]\s?([01]?\d|2[0-4]):([0-5]\d)${MERIDIEM}?(?![\p{L}\p{N}_])`, 'gu'),
    speak: (m) => {
      const from = clockTime(m[1] ?? '', m[2]);
      const to = clockTime(m[4] ?? '', m[5]);
      return from && to ? `${from}${partOfDay(m[1] ?? '', m[3])} a ${to}${partOfDay(m[4] ?? '', m[6])}` : undefined;
    },
  },
  {
    name: 'time',
    hint: /\d:/,
    pattern: new RegExp(String.raw`${B}([01]?\d|2[0-4]):([0-5]\d)${MERIDIEM}?(?![\p{L}\p{N}_])`, 'gu'),
    speak: (m) => {
      const time = clockTime(m[1] ?? '', m[2]);
      return time && `${time}${partOfDay(m[1] ?? '', m[3])}`;
    },
  },
  {
    name: 'hour with AM or PM',
    hint: /\d\s?[AaPp][Mm]/,
    // English style, as in "11AM", "5 PM".
    pattern: new RegExp(String.raw`${B}(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?([AaPp])[Mm]${E}`, 'gu'),
    speak: (m) => {
      const time = clockTime(m[1] ?? '', m[2]);
      return time && `${time}${partOfDay(m[1] ?? '', m[3])}`;
    },
  },
  {
    name: 'phone number',
    hint: /\d\d/,
    // +34 912 345 678, 912 34 56 78: groups read digit by digit.
    pattern: /(?<![\p{L}\p{N}_.,])(?:\+34\s?\d{3}[\s.-]?\d{3}[\s.-]?\d{3}|[6-9]\d{2}\s\d{2}\s\d{2}\s\d{2})(?![\p{N}])/gu,
    speak: (m) => (m[0].match(/\d+/g) ?? []).filter((g, i) => !(i === 0 && m[0].startsWith('+'))).map((g) => digitByDigit(g, DIGITS)).join(', '),
  },
  versionWithVRule('versión', version),
  {
    name: 'version',
    hint: /\d\.\d/,
    // A full stop between digits groups thousands only before exactly three digits ("45.756"): "9.4", "10.1", "1.71.1" are versions.
    pattern: new RegExp(String.raw`${B}(\d+(?:\.\d+)+)${E}(?!\.\d)`, 'gu'),
    speak: (m) => (/^\d{1,3}(?:\.\d{3})+$/.test(m[1] ?? '') ? undefined : version(m[1] ?? '')),
  },
  designationRule('es', cardinal, 'guion'),
  {
    name: 'measure',
    hint: /\d\s?[a-zA-Z°]/,
    pattern: unitPattern(NUMBER, SPANISH_UNITS),
    speak: (m) => measure(m[1], m[2] ?? '', m[3] ?? ''),
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
    speak: (m, text) => countOf(m[1] ?? '', nextWord(text, m.index + m[0].length)),
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
  ...capitalsRules('es'),
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
