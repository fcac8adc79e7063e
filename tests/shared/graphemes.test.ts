import { describe, expect, it } from 'vitest';
import { forEachSegment, graphemes, severalGraphemes } from '../../src/shared/graphemes.js';

const reference = (text: string): string[] => [...new Intl.Segmenter('und', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

describe('graphemes', () => {
  it('gives the same clusters as Intl.Segmenter, also across window edges', () => {
    const pieces = ['a', 'é', 'e\u0301', '👍🏽', '👨‍👩‍👧‍👦', '🇫🇷', 'क्षि', '한', '\u1100\u1161\u11a8', 'か\u3099', ' ', '中', '\r\n', 'ข้'];
    let text = '';
    for (let i = 0; text.length < 20_000; i++) text += pieces[(i * 7) % pieces.length];
    expect(graphemes(text)).toEqual(reference(text));
  });

  it('cuts a long unbroken token into windows and keeps every character', () => {
    const token = 'a'.repeat(300_000) + '中'.repeat(100_000);
    const clusters = graphemes(token);
    expect(clusters.length).toBe(400_000);
    expect(clusters.join('')).toBe(token);
  });

  it('says whether a text is more than one cluster', () => {
    expect(severalGraphemes('')).toBe(false);
    expect(severalGraphemes('👨‍👩‍👧‍👦')).toBe(false);
    expect(severalGraphemes('ab')).toBe(true);
  });

  it('gives word segments with their offsets in the whole text', () => {
    const text = `${'東京は日本の首都です。'.repeat(1000)} and more words`;
    const starts: number[] = [];
    forEachSegment(text, new Intl.Segmenter('ja', { granularity: 'word' }), (segment, index) => {
      expect(text.slice(index, index + segment.length)).toBe(segment);
      starts.push(index);
    });
    expect(starts[0]).toBe(0);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });
});
