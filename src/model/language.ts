import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { primarySubtag } from './metadata.js';

/*
 * Language detection, for articles that do not state their language and for
 * passages in another language inside an article. The detector is eld
 * (Nito-ELD, n-gram based), chosen by measurement on news-like text in en,
 * fr, es, de, pt, it and nl (docs/dependencies.md): 100 % of whole articles
 * and 99.8 % of 40-200 character passages right, against 96.8 % for franc-min
 * and 97.6 % for CLD3, with the fewest confident wrong guesses.
 *
 * Its 'extrasmall' data (the same 60 languages as 'small') is still loaded on first use only: an article that
 * states its language never pays for it.
 */

export interface EldResult {
  readonly language: string;
  getScores(): Record<string, number>;
}

export interface Eld {
  detect(text: string): EldResult;
  setLanguageSubset(languages: readonly string[] | false): unknown;
}

let detector: Eld | undefined;

// eld is ESM-only; Node >= 20.19 loads it synchronously through require, so buildDocument stays synchronous.
const load = createRequire(import.meta.url);
const ELD_ENTRY = import.meta.resolve('eld/extrasmall');

/** The n-gram data, written by the build (scripts/eld-ngrams.mjs); the same path from src/ and dist/. */
const NGRAMS_JSON = new URL('../../dist/data/eld-extrasmall.json', import.meta.url);

/** The build's compact form of eld's data: every n-gram in one sorted string, each pointing to a shared score set kept as text. */
interface CompactNgrams {
  readonly type: string;
  readonly languages: Record<string, string>;
  readonly isSubset: boolean;
  /** The n-grams, sorted by UTF-16 code units, joined by NUL. */
  readonly keys: string;
  /** The width of each n-gram's score-set index in `setOfKey`. */
  readonly setDigits: number;
  /** For each n-gram, the index of its score set, as `setDigits` base-36 digits. */
  readonly setOfKey: string;
  /** The score sets, `|`-separated, each `language:score` pairs, comma-separated. */
  readonly sets: string;
}

/** The JSON data, through require (a module load, like eld's own), or undefined when the build did not write it. */
function jsonData(): CompactNgrams | undefined {
  try {
    return load(fileURLToPath(NGRAMS_JSON)) as CompactNgrams;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

/** A score set's text as the object eld expects: scores by language index. */
function scoreSet(text: string): Record<number, number> {
  const scores: Record<number, number> = {};
  for (const pair of text.split(',')) {
    const colon = pair.indexOf(':');
    scores[Number(pair.slice(0, colon))] = Number(pair.slice(colon + 1));
  }
  return scores;
}

/**
 * eld's `ngrams` table over the compact data: a read-only object whose
 * properties are looked up by binary search and decoded on first use. eld
 * reads the table only as `ngrams[ngram]` (calculateScores), and a text of
 * up to 1000 characters asks for a few hundred n-grams, so this costs
 * microseconds per detection against the 36 ms and 23 MB of heap that
 * building all 49 553 objects would take on every worker's start.
 */
function ngramTable(data: CompactNgrams): Record<string, Record<number, number> | undefined> {
  const keys = data.keys.split('\0');
  const setTexts = data.sets.split('|');
  const decoded = new Map<number, Record<number, number>>();
  const lookup = (ngram: string): Record<number, number> | undefined => {
    let low = 0;
    let high = keys.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const key = keys[middle]!;
      if (key === ngram) {
        const set = parseInt(data.setOfKey.slice(middle * data.setDigits, (middle + 1) * data.setDigits), 36);
        let scores = decoded.get(set);
        if (!scores) decoded.set(set, (scores = scoreSet(setTexts[set]!)));
        return scores;
      }
      if (key < ngram) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  };
  return new Proxy({}, { get: (_target, property) => (typeof property === 'string' ? lookup(property) : undefined) });
}

/**
 * A detector with the build's data, made by eld's own `createEld` (not in
 * the package's exports, so reached by path from its public entry);
 * undefined without the data.
 */
function detectorFromJson(): Eld | undefined {
  const data = jsonData();
  if (data === undefined) return undefined;
  const { createEld } = load(fileURLToPath(new URL('../languageDetector.js', ELD_ENTRY))) as { createEld: () => { instance: Eld; loadData(data: unknown): unknown } };
  const { instance, loadData } = createEld();
  return loadData({ type: data.type, languages: data.languages, isSubset: data.isSubset, ngrams: ngramTable(data) }) ? instance : undefined;
}

/** eld's own 'extrasmall' detector, as the package exports it. */
export function packagedDetector(): Eld {
  return (load(fileURLToPath(ELD_ENTRY)) as { eld: Eld }).eld;
}

/**
 * The detector in use. eld ships its data as a 950 KB JavaScript object
 * literal, which takes V8 about 250 ms to load; the build writes the same data
 * compactly (about 10 ms to load, see ngramTable). Without it, eld's own module.
 * tests/model/language.test.ts checks that both give the same scores.
 */
export function loadedDetector(): Eld {
  detector ??= detectorFromJson() ?? packagedDetector();
  return detector;
}

export interface LanguageGuess {
  /** ISO 639-1 code. */
  readonly lang: string;
  /** (best score − second best) / best score: 0 when two languages tie, 1 when only one scores. */
  readonly confidence: number;
}

/** Below this confidence an article keeps the default language (no wrong guess on the measured articles came near it). */
export const ARTICLE_CONFIDENCE = 0.05;

/** A passage is tagged with another language only from this confidence up (0 false switches on 804 same-language passages). */
export const PASSAGE_CONFIDENCE = 0.08;

/** Shorter passages are never tagged: too few n-grams to tell languages apart reliably. */
export const PASSAGE_MIN_CHARS = 40;

/** The languages a passage may be told apart in: the ones measured (and spoken with their own rules or voice). */
export const PASSAGE_LANGUAGES: readonly string[] = ['en', 'fr', 'es', 'de', 'pt', 'it', 'nl'];

/** Less text than this is too little to tell an article's language from (a headline alone): the default stands. */
export const ARTICLE_MIN_CHARS = 100;

/** Enough text to decide an article's language: more adds time, not accuracy. */
const SAMPLE_CHARS = 20_000;

/** The most likely language of `text`, optionally among `among` only; undefined when nothing scores. */
export function detectLanguage(text: string, among?: readonly string[]): LanguageGuess | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (!/\p{L}/u.test(sample)) return undefined;
  const detect = loadedDetector();
  if (among) detect.setLanguageSubset(among);
  try {
    const result = detect.detect(sample);
    if (!result.language) return undefined;
    const scores = Object.values(result.getScores()).sort((a, b) => b - a);
    const best = scores[0] ?? 0;
    const second = scores[1] ?? 0;
    // Rounded so that document.json reads well and stays byte-identical across platforms' float printing.
    return { lang: result.language, confidence: best > 0 ? Math.round(((best - second) / best) * 1000) / 1000 : 0 };
  } finally {
    if (among) detect.setLanguageSubset(false);
  }
}

/** The language of a passage when it is confidently another than the article's `docLang`, else undefined. */
export function passageLanguage(text: string, docLang: string): string | undefined {
  if (text.length < PASSAGE_MIN_CHARS) return undefined;
  const home = primarySubtag(docLang);
  if (!PASSAGE_LANGUAGES.includes(home)) return undefined;
  const guess = detectLanguage(text, PASSAGE_LANGUAGES);
  return guess && guess.lang !== home && guess.confidence >= PASSAGE_CONFIDENCE ? guess.lang : undefined;
}
