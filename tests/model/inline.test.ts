import { describe, expect, it } from 'vitest';
import { inlineText, mapInlineText, mergeAdjacentText, sliceInlines } from '../../src/model/inline.js';
import type { Inline } from '../../src/model/types.js';

const runs: Inline[] = [
  { type: 'text', value: 'See ' },
  { type: 'link', url: 'https://example.org', children: [{ type: 'strong', children: [{ type: 'text', value: 'the report' }] }] },
  { type: 'text', value: ' and ' },
  { type: 'code', value: 'x<y' },
];

describe('inline helpers', () => {
  it('inlineText concatenates every run', () => {
    expect(inlineText(runs)).toBe('See the report and x<y');
  });
  it('sliceInlines keeps the formatting around a slice', () => {
    expect(sliceInlines(runs, 4, 8)).toEqual([
      { type: 'link', url: 'https://example.org', children: [{ type: 'strong', children: [{ type: 'text', value: 'the ' }] }] },
    ]);
    expect(inlineText(sliceInlines(runs, 2, 20))).toBe('e the report and x');
  });
  it('slices of a partition put together give back the text', () => {
    const text = inlineText(runs);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(inlineText(sliceInlines(runs, 0, cut)) + inlineText(sliceInlines(runs, cut, text.length))).toBe(text);
    }
  });
  it('mergeAdjacentText joins text runs and drops empty ones', () => {
    expect(mergeAdjacentText([{ type: 'text', value: 'a' }, { type: 'text', value: '' }, { type: 'text', value: 'b' }])).toEqual([{ type: 'text', value: 'ab' }]);
  });
  it('mapInlineText rewrites values in order, keeping the shape', () => {
    expect(inlineText(mapInlineText(runs, (v) => v.toUpperCase()))).toBe('SEE THE REPORT AND X<Y');
  });
});
