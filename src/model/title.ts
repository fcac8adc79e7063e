import { primarySubtag } from './metadata.js';

/*
 * A title for an article that has none, made from its first sentence. It
 * must read as a headline: a complete phrase, never cut after "the" or "to",
 * never with a quotation mark or bracket left open, at most about 100
 * characters (the whole sentence when it is short enough, else cut at the
 * last clause boundary, else at a word boundary with trailing function words
 * taken off).
 */

/** Longest derived title, in characters. */
export const TITLE_MAX = 100;

/** A clause shorter than this is no headline ("In 2024,"): cut later. */
const MIN_CLAUSE = 24;

/*
 * Words a headline cannot end on: articles, prepositions, conjunctions,
 * determiners, auxiliaries and clitics of each language (lower case). A small
 * closed class per language, so a list is the right tool here.
 */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'so', 'yet', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without', 'into', 'onto', 'over', 'under', 'about', 'after', 'before', 'between', 'through', 'during', 'against', 'among', 'as', 'than', 'that', 'which', 'who', 'whom', 'whose', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'not', 'if', 'when', 'while', 'where', 'whether', 'because', 'since', 'until', 'per', 'via', 'amid', 'including', 'such', 'very', 'more', 'most', 'also'],
  fr: ['le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'd', 'au', 'aux', 'à', 'et', 'ou', 'mais', 'donc', 'or', 'ni', 'car', 'en', 'dans', 'sur', 'sous', 'par', 'pour', 'avec', 'sans', 'chez', 'entre', 'vers', 'contre', 'selon', 'depuis', 'pendant', 'avant', 'après', 'que', 'qu', 'qui', 'dont', 'où', 'ce', 'cet', 'cette', 'ces', 'son', 'sa', 'ses', 'leur', 'leurs', 'notre', 'nos', 'votre', 'vos', 'mon', 'ma', 'mes', 'est', 'sont', 'a', 'ont', 'été', 'être', 'avoir', 'se', 's', 'ne', 'n', 'pas', 'plus', 'très', 'si', 'comme', 'lors', 'dès'],
  es: ['el', 'la', 'los', 'las', 'lo', 'un', 'una', 'unos', 'unas', 'de', 'del', 'al', 'a', 'y', 'e', 'o', 'u', 'pero', 'sino', 'ni', 'en', 'con', 'sin', 'por', 'para', 'sobre', 'entre', 'hacia', 'hasta', 'desde', 'durante', 'contra', 'según', 'tras', 'ante', 'bajo', 'que', 'quien', 'quienes', 'cuyo', 'cuya', 'donde', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'su', 'sus', 'nuestro', 'nuestra', 'mi', 'mis', 'tu', 'tus', 'es', 'son', 'fue', 'ha', 'han', 'ser', 'estar', 'se', 'no', 'más', 'muy', 'si', 'como', 'cuando', 'mientras'],
  de: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines', 'und', 'oder', 'aber', 'sondern', 'denn', 'in', 'im', 'an', 'am', 'auf', 'aus', 'bei', 'mit', 'nach', 'von', 'vom', 'zu', 'zum', 'zur', 'für', 'über', 'unter', 'vor', 'durch', 'gegen', 'ohne', 'um', 'dass', 'ob', 'wenn', 'als', 'wie', 'ist', 'sind', 'war', 'waren', 'hat', 'haben', 'wird', 'werden', 'sein', 'ihr', 'ihre', 'sein', 'seine', 'nicht', 'sich'],
  pt: ['o', 'a', 'os', 'as', 'um', 'uma', 'de', 'do', 'da', 'dos', 'das', 'em', 'no', 'na', 'nos', 'nas', 'e', 'ou', 'mas', 'com', 'sem', 'por', 'para', 'pelo', 'pela', 'sobre', 'entre', 'que', 'se', 'é', 'são', 'foi'],
  it: ['il', 'lo', 'la', 'i', 'gli', 'le', 'un', 'uno', 'una', 'di', 'del', 'della', 'dei', 'delle', 'a', 'al', 'alla', 'da', 'in', 'nel', 'nella', 'con', 'su', 'per', 'tra', 'fra', 'e', 'o', 'ma', 'che', 'è', 'sono'],
};

/** Brackets and quotation marks that must be closed in a title (opening → closing). Apostrophe-like ’ is left out: it is mostly an apostrophe. */
const BRACKETS: ReadonlyMap<string, string> = new Map([['(', ')'], ['[', ']'], ['«', '»'], ['“', '”'], ['„', '“']]);
const CLOSERS: ReadonlySet<string> = new Set(BRACKETS.values());

function functionWords(lang: string): ReadonlySet<string> {
  return new Set([...(FUNCTION_WORDS[primarySubtag(lang)] ?? []), ...(FUNCTION_WORDS.en ?? [])]);
}

/** Whether every quotation mark and bracket opened in `text` is closed in it, in order. */
export function balanced(text: string): boolean {
  if ((text.match(/"/g)?.length ?? 0) % 2 !== 0) return false;
  const open: string[] = [];
  for (const char of text) {
    const top = open[open.length - 1];
    if (top !== undefined && BRACKETS.get(top) === char) open.pop();
    else if (BRACKETS.has(char)) open.push(char);
    else if (CLOSERS.has(char)) return false;
  }
  return open.length === 0;
}

/** The last word of `text`, lower case, apostrophe elisions split off (`l'`, `d'`). */
function lastWord(text: string): string {
  const words = text.toLowerCase().split(/[\s'’]+/u);
  return (words[words.length - 1] ?? '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** `text` without trailing function words, spaces and clause punctuation. */
function trimEnd(text: string, words: ReadonlySet<string>): string {
  let out = text.replace(/[\s,;:—–-]+$/u, '');
  for (let word = lastWord(out); words.has(word) && out.length > 0; word = lastWord(out)) {
    out = out.slice(0, out.length - out.split(/[\s'’]/u).pop()!.length).replace(/[\s,;:—–'’-]+$/u, '');
  }
  return out;
}

/** Whether `title` is a usable headline: not empty, balanced, not ending on a function word. */
function usable(title: string, words: ReadonlySet<string>): boolean {
  return title.length > 0 && balanced(title) && !words.has(lastWord(title));
}

/** A headline made from the article's first sentence (see the module comment); "Untitled" for an empty one. */
export function titleFromSentence(sentence: string, lang = 'en'): string {
  const words = functionWords(lang);
  const whole = sentence.trim().replace(/[\s.,;:…·]+$/u, '');
  // The whole sentence is a complete phrase by definition: only an unclosed quotation or bracket disqualifies it.
  if (whole.length <= TITLE_MAX && whole !== '' && balanced(whole)) return whole;
  const head = whole.slice(0, TITLE_MAX + 1);
  // Clause boundaries, last first: a comma, semicolon, colon or dash followed by a space.
  const clauses = [...head.matchAll(/[,;:]\s|\s[—–-]\s/gu)].map((m) => m.index).filter((at) => at >= MIN_CLAUSE && at <= TITLE_MAX);
  for (const at of clauses.reverse()) {
    const title = trimEnd(head.slice(0, at), words);
    if (title.length >= MIN_CLAUSE && usable(title, words)) return title;
  }
  // No clause boundary: the longest run of whole words, less trailing function words.
  const spaces = [...head.matchAll(/\s/gu)].map((m) => m.index).filter((at) => at <= TITLE_MAX);
  for (const at of spaces.reverse()) {
    const title = trimEnd(head.slice(0, at), words);
    if (usable(title, words)) return title;
  }
  const fallback = trimEnd(whole.slice(0, TITLE_MAX), words);
  return fallback === '' ? 'Untitled' : fallback;
}
