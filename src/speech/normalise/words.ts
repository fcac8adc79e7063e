import { createRequire } from 'node:module';

/*
 * "Is this token a word of the language?", asked of a word written in
 * capitals ("THE PEOPLE", "DATA Act") to read it as a word rather than spell
 * it. The answer comes from a word list package per language (the Letterpress
 * lists packaged by the `words` project, with inflected forms: "things",
 * "données", "mujeres"). The hunspell `dictionary-*` packages with `nspell`
 * were measured first: nspell expands every affix on load, 0.13 s for English
 * but 4.0 s and 440 MB of heap for French, 0.9 s and 500 MB for Spanish. A
 * list loads in 0.15-0.35 s. It is loaded on the first capitalised token of
 * its language only, and kept for the life of the process.
 */

const PACKAGES: Readonly<Record<string, string>> = {
  en: 'an-array-of-english-words',
  fr: 'an-array-of-french-words',
  es: 'an-array-of-spanish-words',
};

const loaded = new Map<string, ReadonlyMap<string, string>>();
const load = createRequire(import.meta.url);

/** Lower case without accents: capitals often drop them ("ETATS" for "États"). */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  // Most words are ASCII: skipping the decomposition for them halves the time the lists take to load.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The package's list, by key. Its JSON is the package's own data (an array of strings), checked as it is read. */
function wordMap(lang: string): ReadonlyMap<string, string> | undefined {
  const cached = loaded.get(lang);
  if (cached) return cached;
  const name = PACKAGES[lang];
  if (!name) return undefined;
  const list: unknown = load(name);
  if (!Array.isArray(list)) throw new Error(`${name} is not an array of words`);
  const words = new Map<string, string>();
  // Where two spellings share a key ("les", "lès"), the one without accents wins: it is the one a word written
  // without them is. Otherwise the accented one stands for it ("ETATS" is "états").
  for (const word of list) {
    if (typeof word !== 'string') continue;
    const key = wordKey(word);
    if (!words.has(key) || word === key) words.set(key, word);
  }
  loaded.set(lang, words);
  return words;
}

/** The word as the list of `lang` spells it ("ETATS" -> "états", "NACIÓN" -> "nación"), or undefined when it is not a word of the language. */
export function dictionaryForm(word: string, lang: string): string | undefined {
  const key = wordKey(word);
  const form = wordMap(lang)?.get(key);
  if (form === undefined) return undefined;
  // Written with its accents ("NACIÓN"): those are the ones to say, whatever the list holds (the Spanish list has none).
  const lower = word.toLowerCase();
  return lower !== key ? lower : form;
}

/** The languages that have a word list. */
export const WORD_LIST_LANGUAGES: readonly string[] = Object.keys(PACKAGES);
