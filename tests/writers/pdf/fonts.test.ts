import { describe, expect, it } from 'vitest';
import { fontRuns, loadFont, SUBSTITUTE } from '../../../src/writers/pdf/fonts.js';

describe('PDF fonts', () => {
  it('sets Latin with accents, Greek and Cyrillic in the Noto text face itself', () => {
    const text = 'Crème brûlée Łódź Dvořák Ελληνικά Кириллица їжак';
    expect(fontRuns(text, 'serif')).toEqual([{ font: 'NotoSerif', text, source: text }]);
    expect(fontRuns(text, 'sans-bold')).toEqual([{ font: 'NotoSansBold', text, source: text }]);
  });

  it('falls back character by character to a font that has the glyph', () => {
    expect(fontRuns('a → b 🦀', 'serif')).toEqual([
      { font: 'NotoSerif', text: 'a ', source: 'a ' },
      { font: 'DejaVuSerif', text: '→', source: '→' },
      { font: 'NotoSerif', text: ' b ', source: ' b ' },
      { font: 'NotoEmoji', text: '🦀', source: '🦀' },
    ]);
    for (const run of fontRuns('a → b 😀 ★ ∑', 'serif-italic')) {
      for (const ch of run.text) expect(loadFont(run.font).hasGlyphForCodePoint(ch.codePointAt(0) as number)).toBe(true);
    }
  });

  it('drops a variation selector the chosen font lacks, keeping it in the source', () => {
    const [run] = fontRuns('\u2764\ufe0f', 'serif');
    expect(run?.source).toBe('\u2764\ufe0f');
    for (const ch of run?.text ?? '') expect(loadFont(run!.font).hasGlyphForCodePoint(ch.codePointAt(0) as number)).toBe(true);
  });

  it('draws a visible substitute for a character no embedded font has, as its own run, and says which', () => {
    const missing: string[] = [];
    expect(fontRuns('a 中\uE000 b', 'serif', (c) => missing.push(c))).toEqual([
      { font: 'NotoSerif', text: 'a ', source: 'a ' },
      { font: 'DejaVuSans', text: SUBSTITUTE, source: '中', substituted: true },
      { font: 'DejaVuSans', text: SUBSTITUTE, source: '\uE000', substituted: true },
      { font: 'NotoSerif', text: ' b', source: ' b' },
    ]);
    expect(missing).toEqual(['中', '\uE000']);
    expect(loadFont('DejaVuSans').hasGlyphForCodePoint(0xfffd)).toBe(true);
  });
});
