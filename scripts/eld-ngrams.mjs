// Build step (npm run build): eld's 'extrasmall' n-gram data, written compactly as JSON to dist/data/eld-extrasmall.json.
// The package ships the data as a 950 KB JavaScript object literal of 49 553 small objects, which takes V8 about 250 ms
// to compile and run (36 ms and 23 MB of heap as plain JSON). Here the n-grams are one sorted string, each pointing to
// one of the 12 588 distinct score sets, kept as text until a lookup needs it: about 10 ms to load.
// src/model/language.ts reads this file (or eld's own module without it); a test checks the scores are identical.
import { mkdirSync, writeFileSync } from 'node:fs';

const entry = import.meta.resolve('eld/extrasmall');
const { ngramsData } = await import(new URL('../ngrams/extrasmall.js', entry).href);

/** A score set as text: `language:score` pairs, comma-separated, in the object's own (ascending language) order. */
const scoreText = (scores) => Object.entries(scores).map(([language, score]) => `${language}:${score}`).join(',');

// Sorted by UTF-16 code units, the order of JavaScript's `<`, which the lookup's binary search uses.
const keys = Object.keys(ngramsData.ngrams).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
if (keys.some((key) => key.includes('\0'))) throw new Error('an eld n-gram contains NUL, the separator of the compact form');
const sets = [];
const setIndex = new Map();
const setOfKey = keys.map((key) => {
  const text = scoreText(ngramsData.ngrams[key]);
  let index = setIndex.get(text);
  if (index === undefined) {
    index = sets.length;
    sets.push(text);
    setIndex.set(text, index);
  }
  return index;
});

// Each n-gram's score-set index as SET_DIGITS base-36 digits, read only when that n-gram is looked up.
const SET_DIGITS = 3;
if (sets.length > 36 ** SET_DIGITS) throw new Error(`${sets.length} score sets do not fit in ${SET_DIGITS} base-36 digits`);

const compact = {
  type: ngramsData.type,
  languages: ngramsData.languages,
  isSubset: ngramsData.isSubset,
  keys: keys.join('\0'),
  setDigits: SET_DIGITS,
  setOfKey: setOfKey.map((index) => index.toString(36).padStart(SET_DIGITS, '0')).join(''),
  sets: sets.join('|'),
};
const out = new URL('../dist/data/eld-extrasmall.json', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, JSON.stringify(compact));
