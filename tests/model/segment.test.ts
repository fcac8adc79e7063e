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
