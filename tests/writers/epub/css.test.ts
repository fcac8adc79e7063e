import { describe, expect, it } from 'vitest';
import { ACTIVE_CLASS, stylesheet } from '../../../src/writers/epub/css.js';

describe('stylesheet', () => {
  it('leaves fonts, sizes and colours to the reader: no typefaces, pixel sizes or fixed colours', () => {
    const css = stylesheet(true);
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|\b(black|white)\b/i);
    expect(css).not.toMatch(/\d+(px|pt)\b/);
    expect(css).not.toMatch(/font-family:(?!\s*monospace)/);
    expect(css).not.toMatch(/!important/);
    expect(css).toMatch(/color-scheme: light dark/);
  });

  it('styles the read-aloud highlight with system colours, and only when the book has overlays', () => {
    expect(stylesheet(true)).toContain(`.${ACTIVE_CLASS} {\n  background-color: Highlight;\n  color: HighlightText;`);
    expect(stylesheet(false)).not.toContain(ACTIVE_CLASS);
  });
});
