import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { asDocument, documentProblems } from '../../src/model/validate.js';

const doc = parseArticle('date 2024-10-08 The cat sat. The dog ran.\n\nThe bird flew.');

describe('documentProblems', () => {
  it('accepts a built document', () => {
    expect(documentProblems(doc)).toEqual([]);
    expect(asDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });
  it('finds duplicate ids, text that differs from inlines, and bad shapes', () => {
    const broken = JSON.parse(JSON.stringify(doc));
    broken.blocks[1].id = 'p1';
    broken.blocks[1].sentences[0].id = 'p1s1';
    broken.blocks[0].sentences[1].text = 'Changed.';
    expect(documentProblems(broken)).toEqual(expect.arrayContaining([expect.stringMatching(/duplicate id p1/), expect.stringMatching(/p1s2: text differs/)]));
    expect(documentProblems({ ...doc, meta: { ...doc.meta, identifier: 'x' } })).toContain('meta.identifier malformed');
    expect(documentProblems([])).toEqual(['document is not an object']);
    const oddId = JSON.parse(JSON.stringify(doc));
    oddId.blocks[0].id = 'p1(';
    expect(documentProblems(oddId)).toEqual(expect.arrayContaining([expect.stringMatching(/malformed id "p1\("/)]));
    expect(() => asDocument({})).toThrow(/not a voxpress document/);
  });
});
