import sbd from 'sbd';
import { inlineText, sliceInlines, textLength } from './inline.js';
import { primarySubtag } from './metadata.js';
import type { Inline, Sentence } from './types.js';

/**
 * Sentence segmentation. `sbd` splits the hard English cases right (initials,
 * "U.S.", "5 p.m. He", quotes; see DESIGN.md); what it lacks is fixed here, in
 * one place: abbreviations of other languages and a few English ones, and a
 * split after an ellipsis followed by a new sentence.
 */

/** sbd's own English list (it replaces rather than extends it when given one). */
const SBD_ENGLISH = [
  'al', 'adj', 'assn', 'Ave', 'BSc', 'MSc', 'Cell', 'Ch', 'Co', 'cc', 'Corp', 'Dem', 'Dept', 'ed', 'eg', 'Eq',
  'Eqs', 'est', 'etc', 'Ex', 'ext', 'Fig', 'fig', 'Figs', 'figs', 'i.e', 'ie', 'Inc', 'inc', 'Jan', 'Feb', 'Mar',
  'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'jr', 'mi', 'Miss', 'Mrs', 'Mr', 'Ms', 'Mol',
  'mt', 'mts', 'no', 'Nos', 'PhD', 'MD', 'BA', 'MA', 'MM', 'pl', 'pop', 'pp', 'Prof', 'Dr', 'pt', 'Ref', 'Refs',
  'Rep', 'repr', 'rev', 'Sec', 'Secs', 'Sgt', 'Col', 'Gen', 'Sen', 'Gov', 'Lt', 'Maj', 'Capt', 'St', 'Sr', 'sr',
  'Jr', 'Rev', 'Sun', 'Mon', 'Tu', 'Tue', 'Tues', 'Wed', 'Th', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'trans',
  'Univ', 'Viz', 'vs', 'v',
];

const EXTRA_ABBREVIATIONS: Record<string, readonly string[]> = {
  en: ['approx', 'Adm', 'Brig', 'Cmdr', 'Cpl', 'Det', 'Hon', 'Insp', 'Mt', 'Pres', 'Supt', 'Messrs', 'No'],
  fr: ['M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Me', 'Mgr', 'Pr', 'av', 'bd', 'env', 'etc', 'p', 'cf', 'St', 'Ste'],
  es: ['Sr', 'Sra', 'Srta', 'Sres', 'Sras', 'Dr', 'Dra', 'Lic', 'Ing', 'Av', 'Avda', 'Ud', 'Uds', 'Vd', 'Vds', 'pág', 'núm', 'etc', 'aprox', 'Gral', 'Cnel'],
  de: ['Hr', 'Hrn', 'Fr', 'Dr', 'Prof', 'bzw', 'ca', 'usw', 'vgl', 'z', 'Nr', 'Str'],
};

const abbreviationCache = new Map<string, string[]>();

/** The abbreviations that do not end a sentence in `lang` (English ones always apply: names travel). */
function abbreviationsFor(lang: string): string[] {
  const primary = primarySubtag(lang) || 'en';
  let list = abbreviationCache.get(primary);
  if (!list) {
    list = [...new Set([...SBD_ENGLISH, ...(EXTRA_ABBREVIATIONS.en ?? []), ...(EXTRA_ABBREVIATIONS[primary] ?? [])])];
    abbreviationCache.set(primary, list);
  }
  return list;
}

/** An ellipsis, then space, then what starts a sentence: sbd keeps these together. */
const ELLIPSIS_BREAK = /(?:…|\.\.\.)["'”’»)]?\s+(?=["'“‘«¿¡(]?\p{Lu})/gu;

function splitAfterEllipses(sentence: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const match of sentence.matchAll(ELLIPSIS_BREAK)) {
    const end = match.index + match[0].length;
    parts.push(sentence.slice(start, end));
    start = end;
  }
  parts.push(sentence.slice(start));
  return parts;
}

/** The sentences of one paragraph's plain text, trimmed, in order, none empty. */
export function splitSentences(text: string, lang = 'en'): string[] {
  const raw = sbd.sentences(text, {
    preserve_whitespace: true,
    newline_boundaries: false,
    html_boundaries: false,
    sanitize: false,
    abbreviations: abbreviationsFor(lang),
  });
  return raw
    .flatMap(splitAfterEllipses)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The sentences of a paragraph given as inline runs: each sentence keeps the
 * formatting of the characters it covers. Ids are `${blockId}s1`, `${blockId}s2`, ...
 */
export function segmentInlines(inlines: readonly Inline[], blockId: string, lang: string): Sentence[] {
  const text = inlineText(inlines);
  // Where each top-level run starts, so each sentence slices only the runs it covers (linear, not quadratic, in long paragraphs).
  const runStarts: number[] = [];
  let total = 0;
  for (const node of inlines) {
    runStarts.push(total);
    total += textLength(node);
  }
  const result: Sentence[] = [];
  let cursor = 0;
  let firstRun = 0;
  for (const piece of splitSentences(text, lang)) {
    const found = text.indexOf(piece, cursor);
    // sbd only removes whitespace; if it ever rewrote text, keep the rest of the paragraph whole rather than lose it.
    const start = found >= 0 ? found : cursor;
    const end = found >= 0 ? found + piece.length : text.trimEnd().length;
    if (end <= start) continue;
    while (firstRun + 1 < inlines.length && (runStarts[firstRun + 1] ?? Infinity) <= start) firstRun++;
    let endRun = firstRun;
    while (endRun < inlines.length && (runStarts[endRun] ?? Infinity) < end) endRun++;
    const base = runStarts[firstRun] ?? 0;
    const slice = sliceInlines(inlines.slice(firstRun, endRun), start - base, end - base);
    result.push({ id: `${blockId}s${result.length + 1}`, text: inlineText(slice), inlines: slice });
    cursor = end;
    if (found < 0) break;
  }
  return result;
}
