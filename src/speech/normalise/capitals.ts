import { initials, spelled } from './rules.js';
import { dictionaryForm } from './words.js';

/*
 * A token written in capitals is one of three things: a word set in capitals
 * ("THE PEOPLE", "DATA Act"), an acronym said as a word (NASA, NOAA, OTAN),
 * or initials spelled letter by letter (FBI, SNCF). The order of the checks:
 *  1. a short curated list per decision, for the cases the rules get wrong;
 *  2. a word of the language (its word list) is read as a word when it has
 *     four letters or more, or stands among other words in capitals (a
 *     heading); "US", "IT", "WHO" alone stay initials;
 *  3. letters that can be said as one word (vowels, and consonant clusters a
 *     syllable can start or end with) are said as a word;
 *  4. everything else is spelled.
 */

/** Said as words although rule 3 would spell them (or spelled in some languages). */
const SAID_AS_WORDS = new Set([
  'NATO', 'NASA', 'NOAA', 'USAID', 'FISMA', 'NARA', 'IARPA', 'UNESCO', 'UNICEF', 'OPEC', 'AIDS', 'COVID', 'ASEAN', 'FIFA', 'UEFA', 'NAFTA',
  'SWAT', 'SARS', 'MERS', 'INTERPOL', 'ISIS', 'IKEA', 'LASER', 'RADAR', 'SCUBA', 'NASDAQ', 'FEMA', 'OSHA', 'DARPA', 'CERN', 'MENA', 'BRICS',
  'GAVI', 'ICE', 'PIN', 'GIF', 'JPEG', 'SIM', 'ROM', 'RAM', 'LAN', 'GNU', 'GNOME', 'APT', 'ARM', 'JSON', 'YAML', 'TOML', 'ICANN', 'HIPAA', 'FOIA', 'NIST', 'WASM',
  'OTAN', 'ONU', 'SIDA', 'UNAM', 'PSOE', 'INSEE', 'UNEF', 'FIDE',
]);

/** Spelled although rule 3 would say them as a word. */
const SPELLED = new Set(['USA', 'USDA', 'ACLU', 'AARP', 'API', 'EPA', 'UEFI', 'OECD', 'IEEE', 'UE', 'EU', 'IA', 'AI', 'OMS', 'ISO', 'URL']);

/** Capitals that are not initials: interjections, the pronoun, clock abbreviations. */
const NOT_INITIALS = new Set(['OK', 'I', 'A', 'AM', 'PM', 'TV']);

const ROMAN = /^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

const VOWEL = /[AEIOUYÁÉÍÓÚÀÈÌÒÙÂÊÎÔÛÄËÏÖÜ]/u;
/** Two consonants a syllable may start with, or end with (English, French and Spanish share these). */
const ONSETS = new Set(['BL', 'BR', 'CH', 'CL', 'CR', 'DR', 'FL', 'FR', 'GL', 'GR', 'PH', 'PL', 'PR', 'SC', 'SH', 'SK', 'SL', 'SM', 'SN', 'SP', 'ST', 'SW', 'TH', 'TR', 'TW', 'WH']);
const CODAS = new Set(['CH', 'CK', 'CT', 'FT', 'LD', 'LF', 'LK', 'LM', 'LP', 'LT', 'MP', 'NC', 'ND', 'NG', 'NK', 'NT', 'PT', 'RB', 'RC', 'RD', 'RK', 'RL', 'RM', 'RN', 'RP', 'RS', 'RT', 'SH', 'SK', 'SP', 'ST', 'TH', 'PS', 'TS', 'KS', 'NS', 'MS', 'LL']);

/**
 * Whether capitals can be said as one word: a vowel and a consonant, at most
 * three vowels in a row, at most two consonants in a row, and a pair of
 * consonants at the start or the end only where a syllable can have one.
 * English says three letters as initials (CIA, EPA); French and Spanish say a
 * vowel-consonant-vowel trio as a word (ONU, IVA).
 */
export function pronounceable(letters: string, lang: string): boolean {
  const shape = [...letters].map((c) => (VOWEL.test(c) ? 'V' : 'C')).join('');
  if (!shape.includes('V') || !shape.includes('C')) return false;
  if (letters.length < 3) return false;
  if (letters.length === 3) return lang !== 'en' && shape === 'VCV';
  if (/VVVV|CCC/.test(shape)) return false;
  const onset = /^C+/.exec(shape)?.[0].length ?? 0;
  const coda = /C+$/.exec(shape)?.[0].length ?? 0;
  if (onset === 2 && !ONSETS.has(letters.slice(0, 2))) return false;
  if (coda === 2 && !CODAS.has(letters.slice(-2))) return false;
  return true;
}

/**
 * Whether the capital word at `start`..`end` stands next to another word in
 * capitals that is a word of the language ("ALL THE THINGS"): initials next to
 * initials ("GSA IT") stay initials.
 */
function amongCapitalWords(text: string, start: number, end: number, lang: string): boolean {
  const before = /(?<![\p{L}\p{N}])(\p{Lu}{2,})[\s\-–—:,]+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^[\s\-–—:,]+(\p{Lu}{2,})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 40))?.[1];
  return [before, after].some((word) => word !== undefined && dictionaryForm(word, lang) !== undefined);
}

/** The last text asked about and the answer: the rule asks once per match, and counting letters is linear. */
let headlineMemo: { text: string; headline: boolean } | undefined;

/** Whether a sentence is a headline set in capitals (its capital words are words, not initials). */
export function isHeadline(text: string): boolean {
  if (headlineMemo?.text !== text) {
    const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    headlineMemo = { text, headline: letters > 12 && capitals / letters > 0.6 };
  }
  return headlineMemo.headline;
}

/** What to say for a token in capitals: `word` (the word's letters, lower case), `acronym` (said as a word), `spelled` ("F.B.I" in English, "S N C F" in French and Spanish), or `leave` for the engine. */
export type CapitalsReading = { readonly kind: 'word' | 'acronym' | 'spelled'; readonly spoken: string } | { readonly kind: 'leave' };

/** How to read `letters` (capitals only), found at `start` in `text`, in language `lang` (en, fr, es). */
export function readCapitals(letters: string, text: string, start: number, lang: string): CapitalsReading {
  if (NOT_INITIALS.has(letters) || ROMAN.test(letters)) return { kind: 'leave' };
  const asAcronym = { kind: 'acronym', spoken: `${letters.charAt(0)}${letters.slice(1).toLowerCase()}` } as const;
  if (SAID_AS_WORDS.has(letters)) return asAcronym;
  const asInitials = { kind: 'spelled', spoken: lang === 'en' ? initials(letters) : spelled(letters) } as const;
  if (SPELLED.has(letters)) return asInitials;
  const end = start + letters.length;
  if (letters.length >= 4 || amongCapitalWords(text, start, end, lang) || isHeadline(text)) {
    const word = dictionaryForm(letters, lang);
    if (word !== undefined) return { kind: 'word', spoken: word };
  }
  if (pronounceable(letters, lang)) return asAcronym;
  // Long runs of capitals that are neither words nor sayable are more likely shouting or a code than initials.
  if (letters.length > 6) return { kind: 'leave' };
  return asInitials;
}
