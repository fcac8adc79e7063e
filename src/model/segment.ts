import { inlineText, sliceInlines } from './inline.js';
import { splitSentences } from './sentences.js';
import type { Inline, Sentence } from './types.js';

export { splitSentences } from './sentences.js';

/**
 * The sentences of a paragraph given as inline runs: each sentence keeps the
 * formatting of the characters it covers. Ids are `${blockId}s1`, `${blockId}s2`, ...
 */
export function segmentInlines(inlines: readonly Inline[], blockId: string, lang: string): Sentence[] {
  const text = inlineText(inlines);
  const result: Sentence[] = [];
  let cursor = 0;
  for (const piece of splitSentences(text, lang)) {
    const found = text.indexOf(piece, cursor);
    // Sentences are substrings of the paragraph by contract; if one ever were not, keep the rest of the paragraph whole rather than lose it.
    const start = found >= 0 ? found : cursor;
    const end = found >= 0 ? found + piece.length : text.trimEnd().length;
    if (end <= start) continue;
    // sliceInlines finds the sentence's first run by binary search at each level: linear in the paragraph overall, however the runs nest.
    const slice = sliceInlines(inlines, start, end);
    result.push({ id: `${blockId}s${result.length + 1}`, text: inlineText(slice), inlines: slice });
    cursor = end;
    if (found < 0) break;
  }
  return result;
}
