import { describe, expect, it } from 'vitest';
import { hasRightToLeft, mirrored, reversedNeutrals, visualRuns } from '../../../src/writers/pdf/bidi.js';

/** The line as it is seen, left to right: each run's text, reversed when it runs right to left. */
function seen(text: string, direction: 'ltr' | 'rtl', cuts: number[] = []): string[] {
  return visualRuns(text, direction, cuts).map((r) => {
    const part = text.slice(r.start, r.end);
    return r.rightToLeft ? `<${part}>` : part;
  });
}

describe('bidi', () => {
  it('finds right-to-left text', () => {
    expect(hasRightToLeft('plain Latin, Ελληνικά')).toBe(false);
    expect(hasRightToLeft('a שלום')).toBe(true);
    expect(hasRightToLeft('مرحبا')).toBe(true);
  });

  it('puts a Hebrew phrase inside English in visual order, as one right-to-left run', () => {
    expect(seen('say שלום עולם now', 'ltr')).toEqual(['say ', '<שלום עולם>', ' now']);
  });

  it('keeps numbers left to right inside a right-to-left paragraph, and orders the runs right to left', () => {
    // Logical: "in 1948 in Paris" in Hebrew; seen left to right: Paris-in (with the space before it), 1948, in.
    expect(seen('ב־1948 בפריז', 'rtl')).toEqual(['< בפריז>', '1948', '<ב־>']);
  });

  it('cuts a run where the caller needs a boundary (a font change), keeping the visual order', () => {
    expect(seen('אבג דה', 'rtl', [4])).toEqual(['<דה>', '<אבג >']);
  });

  it('mirrors brackets in a right-to-left run and reverses one with no letters', () => {
    expect(mirrored('(217)')).toBe(')217(');
    expect(reversedNeutrals(' (')).toBe(') ');
  });
});
