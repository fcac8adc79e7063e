import { MAX_LINE_CHARS } from '../shared/captions.js';
import { primarySubtag } from '../shared/lang.js';

/**
 * Readable captions: a sentence's timed words cut into cues of at most two
 * lines of at most 42 characters (the BBC's and Netflix's limit for Latin
 * scripts), cut where a reader pauses: after a sentence end first, then after
 * a comma, semicolon, colon or dash, then before a conjunction or
 * preposition; never inside a word. Among the cuttings that fit, the one with
 * the best breaks and the fewest, fullest cues wins; the same words always
 * give the same cues.
 */

export { MAX_LINE_CHARS, MAX_LINES } from '../shared/captions.js';

/** A written word as shown, with when it is heard. */
export interface CaptionWord {
  readonly text: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** One cue: its lines, the words it shows (`[first, last]`, indices into the sentence's words) and their times. */
export interface Caption {
  readonly lines: readonly string[];
  readonly first: number;
  readonly last: number;
  readonly startMs: number;
  readonly endMs: number;
}

/*
 * Words a new phrase starts with: coordinating and common subordinating
 * conjunctions, relative pronouns and prepositions. A line or cue may begin
 * with one; that keeps "the Minister for Defence" on one line rather than
 * "the Minister / for Defence" only when nothing better fits.
 */
const PHRASE_STARTS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    'and but or nor so yet because although though while whereas if unless until since after before when where whether which who whom whose that than as with without within from into onto upon over under about above below across against along among around at before behind below beneath beside besides between beyond by during for in including inside of off on outside through throughout to toward towards via amid despite except like near per'.split(' '),
  ),
  fr: new Set(
    'et mais ou donc or ni car que qui dont où lorsque quand puisque comme si parce afin pour avec sans sous sur dans par entre vers chez contre depuis pendant avant après selon malgré dès jusqu auprès envers hors parmi à au aux de des du en'.split(' '),
  ),
  es: new Set(
    'y e o u pero sino ni que quien quienes cuyo donde cuando como porque aunque mientras si pues para por con sin sobre bajo entre hacia hasta desde durante ante tras contra según mediante a al de del en'.split(' '),
  ),
};

/*
 * Words that lean on the word after them: articles and determiners, and the
 * phrase words above. A line or cue never ends with one when it can help it
 * ("between the / two countries" reads as a broken phrase).
 */
const LEANING: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set('the a an this that these those its his her their our your my some any each every no'.split(' ')),
  fr: new Set('le la les l un une des ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes d'.split(' ')),
  es: new Set('el la los las lo un una unos unas este esta estos estas ese esa esos esas su sus nuestro nuestra mi mis'.split(' ')),
};

/** A word that ends a sentence or clause, ignoring closing quotes and brackets after the mark. */
const ENDS_SENTENCE = /[.!?…]["'”’»)\]]*$/u;
const ENDS_CLAUSE = /[,;:—–]["'”’»)\]]*$/u;
const OPENS_ASIDE = /^[—–(["“‘«¿¡]/u;

/*
 * A full stop inside one sentence unit is almost always an abbreviation or an
 * initial ("Albert P. Khorev", "Mr.", "U.S."): breaking there would read as a
 * sentence end, so it is the worst place.
 */
const ABBREVIATION = /^(?:[\p{L}]{1,3}|(?:\p{L}\.)+\p{L})\.$/u;

/** A word as the lists above hold it: lower case, without punctuation around it; "jusqu'à" and "l'État" by the part before the apostrophe. */
function bareForms(word: string): string[] {
  const bare = word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [bare, bare.split(/['’]/u)[0] ?? bare];
}

interface Words {
  readonly phraseStarts: ReadonlySet<string>;
  readonly leaning: ReadonlySet<string>;
}

/**
 * The cost of a break after word `k`: 0 after a sentence end, 1 after a
 * clause, 2 before a phrase word, 4 elsewhere, 6 after an abbreviation or a
 * word that leans on the next.
 */
function breakCost(words: readonly CaptionWord[], k: number, lists: Words): number {
  const here = words[k]?.text ?? '';
  const next = words[k + 1]?.text ?? '';
  if (ABBREVIATION.test(here.replace(/^[^\p{L}]+/u, ''))) return 6;
  if (ENDS_SENTENCE.test(here)) return 0;
  if (ENDS_CLAUSE.test(here) || OPENS_ASIDE.test(next)) return 1;
  // The word itself, whole: "l’ambassadeur" carries its article and leans on nothing.
  const [whole = ''] = bareForms(here);
  if (lists.leaning.has(whole) || lists.phraseStarts.has(whole)) return 6;
  return bareForms(next).some((w) => lists.phraseStarts.has(w)) ? 2 : 4;
}

const length = (text: string): number => [...text].length;

/** The lines of words `[a, b]` and what their inner break costs; undefined when they do not fit in two lines. */
function linesOf(words: readonly CaptionWord[], a: number, b: number, lists: Words): { lines: string[]; cost: number } | undefined {
  const join = (from: number, to: number): string => words.slice(from, to + 1).map((w) => w.text).join(' ');
  const whole = join(a, b);
  // One word longer than a line is shown whole: a word is never cut.
  if (length(whole) <= MAX_LINE_CHARS || a === b) return { lines: [whole], cost: 0 };
  let best: { lines: string[]; cost: number } | undefined;
  for (let m = a; m < b; m++) {
    const top = join(a, m);
    const bottom = join(m + 1, b);
    if (length(top) > MAX_LINE_CHARS && m > a) break;
    if (length(top) > MAX_LINE_CHARS || length(bottom) > MAX_LINE_CHARS) continue;
    // A good break first; between equal breaks, lines of even length.
    const cost = breakCost(words, m, lists) + Math.abs(length(top) - length(bottom)) / (4 * MAX_LINE_CHARS);
    if (!best || cost < best.cost) best = { lines: [top, bottom], cost };
  }
  return best;
}

/** Cues shorter than this (in characters) cost extra: a cue flashing two words is hard to read. */
const SHORT_CUE_CHARS = 30;

/** A sentence's timed words as cues (none for no words). */
export function captionsOf(words: readonly CaptionWord[], lang: string): Caption[] {
  const language = PHRASE_STARTS[primarySubtag(lang)] ? primarySubtag(lang) : 'en';
  const lists: Words = { phraseStarts: PHRASE_STARTS[language] ?? new Set(), leaning: LEANING[language] ?? new Set() };
  const n = words.length;
  // best[j]: the cheapest cutting of words [0, j), with the start of its last cue.
  const best: { cost: number; from: number; lines: string[] }[] = [{ cost: 0, from: 0, lines: [] }];
  for (let j = 1; j <= n; j++) {
    let choice: { cost: number; from: number; lines: string[] } | undefined;
    for (let i = j - 1; i >= 0; i--) {
      const lines = linesOf(words, i, j - 1, lists);
      if (!lines) {
        if (j - 1 > i) break; // more words will not fit either
        continue;
      }
      const before = best[i];
      if (!before) continue;
      const chars = lines.lines.reduce((sum, l) => sum + length(l), 0);
      const end = j < n ? 3 * breakCost(words, j - 1, lists) : 0;
      const short = j - i < n && chars < SHORT_CUE_CHARS ? (SHORT_CUE_CHARS - chars) / 10 : 0;
      const cost = before.cost + 2 + end + lines.cost + short;
      if (!choice || cost < choice.cost) choice = { cost, from: i, lines: lines.lines };
    }
    if (!choice) throw new Error('captions: no cutting fits (a single word always does)');
    best.push(choice);
  }
  const captions: Caption[] = [];
  for (let j = n; j > 0; ) {
    const cut = best[j];
    if (!cut) break;
    const first = words[cut.from];
    const last = words[j - 1];
    if (first && last) captions.unshift({ lines: cut.lines, first: cut.from, last: j - 1, startMs: first.startMs, endMs: last.endMs });
    j = cut.from;
  }
  return captions;
}
