import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { allIds, sentenceChars, sentences, textBlocks } from '../../src/model/walk.js';

const doc = parseArticle('# T\n\n## H\n\nAlpha. Beta.\n\n- item\n\n> quoted\n\n![alt](x.png)\n', { format: 'markdown' });

describe('walk', () => {
  it('visits text blocks inside lists and quotes in reading order', () => {
    expect(textBlocks(doc).map((b) => b.id)).toEqual(['h1', 'p1', 'p2', 'p3']);
    expect(sentences(doc).map((s) => s.text)).toEqual(['H', 'Alpha.', 'Beta.', 'item', 'quoted']);
    expect(allIds(doc)).toEqual(['h1', 'h1s1', 'p1', 'p1s1', 'p1s2', 'l1', 'l1i1', 'p2', 'p2s1', 'q1', 'p3', 'p3s1', 'f1']);
  });

  it('counts the characters of every sentence, headings, lists and quotes included, and no figure text', () => {
    expect(sentenceChars(doc)).toBe('H'.length + 'Alpha.'.length + 'Beta.'.length + 'item'.length + 'quoted'.length);
  });
});
