import { describe, expect, it } from 'vitest';
import { segmentInlines } from '../../src/model/segment.js';

describe('segmentInlines', () => {
  it('keeps formatting across a sentence boundary and numbers sentences after the block id', () => {
    const result = segmentInlines(
      [
        { type: 'text', value: 'First ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'bold claim. Second' }] },
        { type: 'text', value: ' part.' },
      ],
      'p4',
      'en',
    );
    expect(result.map((s) => s.id)).toEqual(['p4s1', 'p4s2']);
    expect(result.map((s) => s.text)).toEqual(['First bold claim.', 'Second part.']);
    expect(result[0]?.inlines).toEqual([
      { type: 'text', value: 'First ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'bold claim.' }] },
    ]);
    expect(result[1]?.inlines).toEqual([
      { type: 'emphasis', children: [{ type: 'text', value: 'Second' }] },
      { type: 'text', value: ' part.' },
    ]);
  });
});

describe('segmentInlines on long paragraphs', () => {
  it('slices runs nested in one emphasis sentence by sentence without rescanning the paragraph (a hang guard, not a speed test)', () => {
    // 40,000 sentences inside one emphasis, every other one also strong: rescanning the emphasis's children for each sentence took minutes.
    const sentence = (i: number): string => `The council met on day ${i} and agreed.`;
    // Every read of the emphasis's children is counted, and past a budget linear in their number the walk stops
    // with an error: a rescan fails at once instead of running for minutes.
    let reads = 0;
    const budget = 40_000 * 40;
    const counted = <T extends object>(items: T[]): T[] =>
      new Proxy(items, {
        get(target, key, receiver) {
          if (++reads > budget) throw new Error(`more than ${budget} reads of the children: the paragraph is rescanned`);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const children = counted(Array.from({ length: 40_000 }, (_, i) =>
      i % 2 ? { type: 'strong' as const, children: [{ type: 'text' as const, value: sentence(i) }] } : { type: 'text' as const, value: ` ${sentence(i)} ` },
    ));
    const result = segmentInlines([{ type: 'emphasis', children }], 'p1', 'en');
    expect(reads).toBeGreaterThan(40_000);
    expect(result).toHaveLength(40_000);
    expect(result[39_999]).toEqual({ id: 'p1s40000', text: sentence(39_999), inlines: [{ type: 'emphasis', children: [{ type: 'strong', children: [{ type: 'text', value: sentence(39_999) }] }] }] });
    expect(result[20_000]?.inlines).toEqual([{ type: 'emphasis', children: [{ type: 'text', value: sentence(20_000) }] }]);
  });
});
