import type { Lexicon } from '../lexicon.js';
import { lexiconApplies } from '../lexicon.js';
import type { Normaliser } from '../normalise/types.js';

/** A written span of a sentence and how to say it: words (`<sub>`) or a transcription (`<phoneme>`). */
export interface Reading {
  readonly start: number;
  readonly end: number;
  readonly spoken?: string;
  readonly phoneme?: string;
  readonly alphabet?: string;
}

interface LexiconMatch {
  readonly pattern: RegExp;
  readonly entries: ReadonlyMap<string, { alias?: string; phoneme?: string; alphabet?: string }>;
}

/** One pattern matching every grapheme of the lexicons in the article's language (longest first, whole words). */
export function lexiconMatcher(lexicons: readonly Lexicon[], lang: string): LexiconMatch | undefined {
  const entries = new Map<string, { alias?: string; phoneme?: string; alphabet?: string }>();
  // Earlier lexicons win, as in SSML where the first <lexicon> is searched first.
  for (const lexicon of lexicons.filter((l) => lexiconApplies(l.lang, lang))) {
    for (const entry of lexicon.entries) {
      for (const grapheme of entry.graphemes) if (!entries.has(grapheme)) entries.set(grapheme, entry);
    }
  }
  if (entries.size === 0) return undefined;
  const alternatives = [...entries.keys()].sort((a, b) => b.length - a.length).map((g) => g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'gu'), entries };
}

/**
 * How to say the spans of `text` that need help: lexicon entries first (the
 * user's word is final), then the language's normalisation rules on what is left.
 */
export function readingsOf(text: string, normaliser: Normaliser, lexicon: LexiconMatch | undefined): Reading[] {
  const readings: Reading[] = [];
  if (lexicon) {
    lexicon.pattern.lastIndex = 0;
    for (let m = lexicon.pattern.exec(text); m; m = lexicon.pattern.exec(text)) {
      const entry = lexicon.entries.get(m[0]);
      if (!entry) continue;
      readings.push({
        start: m.index,
        end: m.index + m[0].length,
        ...(entry.alias !== undefined ? { spoken: entry.alias } : {}),
        ...(entry.phoneme !== undefined ? { phoneme: entry.phoneme, alphabet: entry.alphabet ?? 'ipa' } : {}),
      });
    }
  }
  for (const expansion of normaliser.expansions(text)) {
    if (readings.every((r) => expansion.end <= r.start || expansion.start >= r.end)) readings.push(expansion);
  }
  return readings.sort((a, b) => a.start - b.start);
}
