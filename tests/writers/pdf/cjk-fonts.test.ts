import { beforeAll, describe, expect, it } from 'vitest';
import { cjkFamilies, cjkFontFor, cjkPostscriptName, isCjkFont, openCjkFont } from '../../../src/writers/pdf/cjk-fonts.js';
import { woff2Ready } from '../../../src/writers/pdf/woff2.js';

describe('CJK fonts', () => {
  beforeAll(() => woff2Ready());

  it('orders the families by language, simplified Chinese first when the language says nothing', () => {
    expect(cjkFamilies('ja')[0]).toBe('JP');
    expect(cjkFamilies('ko-KR')[0]).toBe('KR');
    expect(cjkFamilies('zh-Hant')[0]).toBe('TC');
    expect(cjkFamilies('zh-TW')[0]).toBe('TC');
    expect(cjkFamilies('yue')[0]).toBe('TC');
    expect(cjkFamilies('zh')[0]).toBe('SC');
    expect(cjkFamilies('en')[0]).toBe('SC');
    expect(new Set(cjkFamilies(undefined))).toEqual(new Set(['JP', 'SC', 'TC', 'KR']));
  });

  it('finds the one file of a family that holds a character, and that file has its glyph', () => {
    const name = cjkFontFor('JP', 'ら', 400);
    expect(name && isCjkFont(name)).toBe(true);
    expect(openCjkFont(name!).hasGlyphForCodePoint(0x3089)).toBe(true);
    expect(cjkFontFor('JP', 'ら', 700)).toBe(name?.replace(/-400$/, '-700'));
    expect(isCjkFont('NotoSerif')).toBe(false);
    expect(cjkPostscriptName(name!)).toBe('NotoSansJP-Regular');
    expect(cjkPostscriptName('NotoSansKR-3-700')).toBe('NotoSansKR-Bold');
  });

  it('instances the variable font at the weight asked for: bold strokes are wider', () => {
    const name = cjkFontFor('SC', '国', 400)!;
    const regular = openCjkFont(name).glyphForCodePoint(0x56fd).bbox;
    const bold = openCjkFont(name.replace(/-400$/, '-700') as typeof name).glyphForCodePoint(0x56fd).bbox;
    expect(bold.maxX - bold.minX).toBeGreaterThan(regular.maxX - regular.minX);
  });
});
