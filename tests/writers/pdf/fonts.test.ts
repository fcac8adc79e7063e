import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { describeCluster, FONT_FILES, FONT_NAMES, fontRuns, loadFont, registrationOrder, SUBSTITUTE } from '../../../src/writers/pdf/fonts.js';
import { woff2Ready } from '../../../src/writers/pdf/woff2.js';

const REAL = fileURLToPath(new URL('../../fixtures/real/', import.meta.url));

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
    expect(fontRuns('a \u{10000}\uE000 b', 'serif', (c) => missing.push(c))).toEqual([
      { font: 'NotoSerif', text: 'a ', source: 'a ' },
      { font: 'DejaVuSans', text: SUBSTITUTE, source: '\u{10000}', substituted: true },
      { font: 'DejaVuSans', text: SUBSTITUTE, source: '\uE000', substituted: true },
      { font: 'NotoSerif', text: ' b', source: ' b' },
    ]);
    expect(missing).toEqual(['\u{10000}', '\uE000']);
    expect(loadFont('DejaVuSans').hasGlyphForCodePoint(0xfffd)).toBe(true);
  });

  it('sets Indic scripts and Thai in their Noto faces, bold in their bold ones', () => {
    expect(fontRuns('नमस्ते', 'serif').map((r) => r.font)).toEqual(['NotoSansDevanagari']);
    expect(fontRuns('নমস্কার', 'sans-bold').map((r) => r.font)).toEqual(['NotoSansBengaliBold']);
    expect(fontRuns('வணக்கம்', 'serif').map((r) => r.font)).toEqual(['NotoSansTamil']);
    expect(fontRuns('สวัสดี', 'serif').map((r) => r.font)).toEqual(['NotoSansThai']);
    // The danda is a common character of several Indic scripts (Script_Extensions), not of Devanagari alone.
    expect(fontRuns('है।', 'serif').map((r) => r.font)).toEqual(['NotoSansDevanagari']);
  });

  it('picks the Chinese, Japanese or Korean face the language asks for, from the file that holds the character', async () => {
    await woff2Ready();
    const [zh] = fontRuns('骨', 'serif', undefined, 'zh-Hans');
    const [tw] = fontRuns('骨', 'serif', undefined, 'zh-TW');
    const [ja] = fontRuns('骨', 'serif', undefined, 'ja');
    const [ko] = fontRuns('한국', 'sans-bold', undefined, 'ko');
    expect(zh?.font).toMatch(/^NotoSansSC-\d+-400$/);
    expect(tw?.font).toMatch(/^NotoSansTC-\d+-400$/);
    expect(ja?.font).toMatch(/^NotoSansJP-\d+-400$/);
    expect(ko?.font).toMatch(/^NotoSansKR-\d+-700$/);
    // Kana in an English article: the Japanese face, and the character really is in the file chosen.
    const [kana] = fontRuns('らいどっと', 'serif', undefined, 'ja');
    expect(kana?.font).toMatch(/^NotoSansJP-/);
    expect(loadFont(kana!.font).hasGlyphForCodePoint(0x3089)).toBe(true);
    // Han unification: the same character is drawn from different outlines in Chinese and Japanese.
    const glyph = (font: string): string => JSON.stringify(loadFont(font as never).glyphForCodePoint(0x9aa8).path.commands);
    expect(glyph(zh!.font)).not.toBe(glyph(ja!.font));
  });

  it('draws an emoji with a skin-tone modifier as the emoji and its swatch, so neither is lost', () => {
    expect(fontRuns('👍🏽', 'serif')).toEqual([
      { font: 'NotoEmoji', text: '👍', source: '👍', separate: true },
      { font: 'NotoEmoji', text: '🏽', source: '🏽', separate: true },
    ]);
    // A ZWJ sequence has its own glyph, which maps back to all its characters: it stays whole.
    expect(fontRuns('👩🏻‍💻', 'serif')).toEqual([{ font: 'NotoEmoji', text: '👩🏻‍💻', source: '👩🏻‍💻' }]);
    expect(loadFont('NotoEmoji').layout('👩🏻‍💻').glyphs.map((g) => g.codePoints.length)).toEqual([4]);
  });
});

describe('font registration', () => {
  it('registers only the fonts drawn, file fonts in a fixed order and CJK files sorted', () => {
    expect(registrationOrder(new Set(['NotoEmoji', 'NotoSansJP-9-400', 'NotoSerif', 'NotoSansJP-10-400']))).toEqual(['NotoSerif', 'NotoEmoji', 'NotoSansJP-10-400', 'NotoSansJP-9-400']);
  });
});

describe('variable-font glyphs', () => {
  it('encodes an outline as a TrueType simple glyph that reads back as the same points', async () => {
    const { encodeSimpleGlyph } = await import('../../../src/writers/pdf/pdfkit-fixes.js');
    const square = { commands: [{ command: 'moveTo', args: [10, 20] }, { command: 'lineTo', args: [110, 20] }, { command: 'quadraticCurveTo', args: [130, 70, 110, 120] }, { command: 'lineTo', args: [10.4, 119.6] }, { command: 'closePath', args: [] }] };
    const bytes = encodeSimpleGlyph(square);
    const view = new DataView(bytes.buffer);
    expect(bytes.length % 4).toBe(0);
    expect([view.getInt16(0), view.getInt16(2), view.getInt16(4), view.getInt16(6), view.getInt16(8)]).toEqual([1, 10, 20, 130, 120]);
    // One contour ending at point 4; no instructions; flags: on, on, off, on, on.
    expect([view.getUint16(10), view.getUint16(12)]).toEqual([4, 0]);
    expect([...bytes.subarray(14, 19)]).toEqual([1, 1, 0, 1, 1]);
    const dx = [0, 1, 2, 3, 4].map((i) => view.getInt16(19 + 2 * i));
    expect(dx.reduce((xs: number[], d) => [...xs, (xs[xs.length - 1] ?? 0) + d], [])).toEqual([10, 110, 130, 110, 10]);
  });
});

describe('shaping without the idle mark features', () => {
  /** Glyphs and positions of a run, as text, to compare two shapings of one text. */
  const shaped = (font: fontkit.Font, text: string): string => {
    const run = font.layout(text);
    return JSON.stringify([run.glyphs.map((g) => g.id), run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]), run.advanceWidth]);
  };

  it("gives what fontkit's defaults give, for every character of every file font alone and between letters, and for real text", () => {
    const words = new Set(
      readdirSync(REAL)
        .filter((f) => f.endsWith('.md'))
        .flatMap((f) => readFileSync(path.join(REAL, f), 'utf8').split(/\s+/)),
    );
    const differing: string[] = [];
    let compared = 0;
    for (const name of FONT_NAMES) {
      const fontkitDefaults = fontkit.create(readFileSync(FONT_FILES[name])) as fontkit.Font;
      const ours = loadFont(name);
      const chars = fontkitDefaults.characterSet.filter((cp) => cp > 0x20).map((cp) => String.fromCodePoint(cp));
      // The fallback faces draw single characters the text face lacks; the Noto faces draw words.
      const texts = name.startsWith('Noto') ? [...chars, ...chars.map((c) => `n${c}n`), ...words] : chars;
      for (const text of texts) {
        if (shaped(ours, text) !== shaped(fontkitDefaults, text)) differing.push(`${name} ${describeCluster(text)}`);
        compared++;
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(60_000);
  });

  it('keeps the mark features for text with a combining mark, and places the mark', () => {
    const font = loadFont('NotoSerif');
    const decomposed = 'e\u0301';
    expect(shaped(font, decomposed)).toEqual(shaped(fontkit.create(readFileSync(FONT_FILES.NotoSerif)) as fontkit.Font, decomposed));
    const [, accent] = font.layout(decomposed).positions;
    expect(accent?.xOffset !== 0 || accent?.yOffset !== 0).toBe(true);
  });
});
