import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { graphemes } from '../../shared/graphemes.js';
import { CJK_CHARACTER } from '../../shared/lang.js';
import { cjkFamilies, cjkFontFor, isCjkFont, openCjkFont, type CjkFontName } from './cjk-fonts.js';

/**
 * The embedded typefaces and the choice of font for every character.
 *
 * Body text is Noto Serif, headings Noto Sans (the same design family, so the
 * two match), code DejaVu Sans Mono. Noto covers Latin with accents, Greek and
 * Cyrillic; a character it lacks falls back to DejaVu (Serif, then Sans, which
 * covers Arabic, Hebrew, arrows, maths and many scripts), then to the Noto
 * faces of Devanagari, Bengali, Tamil and Thai, then to Chinese, Japanese and
 * Korean (cjk-fonts.ts, in the order the text's language prefers), and last to
 * Noto Emoji. Each font is read when a character first needs it, so a Latin
 * article opens only its own faces. A character none of them has is drawn as
 * a visible substitute (see `fontRuns`): a PDF never shows a missing glyph.
 */

/** A typographic face of the layout; each maps to a chain of embedded fonts. */
export type Face = 'serif' | 'serif-italic' | 'serif-bold' | 'serif-bold-italic' | 'sans' | 'sans-bold' | 'sans-bold-italic' | 'mono';

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return require.resolve(`${pkg}/${file}`);
}

/** Every font file the PDF may embed, by the name it is registered under. */
export const FONT_FILES = {
  NotoSerif: packageFile('@expo-google-fonts/noto-serif', '400Regular/NotoSerif_400Regular.ttf'),
  NotoSerifItalic: packageFile('@expo-google-fonts/noto-serif', '400Regular_Italic/NotoSerif_400Regular_Italic.ttf'),
  NotoSerifBold: packageFile('@expo-google-fonts/noto-serif', '700Bold/NotoSerif_700Bold.ttf'),
  NotoSerifBoldItalic: packageFile('@expo-google-fonts/noto-serif', '700Bold_Italic/NotoSerif_700Bold_Italic.ttf'),
  NotoSans: packageFile('@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'),
  NotoSansBold: packageFile('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'),
  NotoSansBoldItalic: packageFile('@expo-google-fonts/noto-sans', '700Bold_Italic/NotoSans_700Bold_Italic.ttf'),
  DejaVuSerif: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSerif.ttf'),
  DejaVuSerifItalic: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSerif-Italic.ttf'),
  DejaVuSerifBold: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSerif-Bold.ttf'),
  DejaVuSerifBoldItalic: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSerif-BoldItalic.ttf'),
  DejaVuSans: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans.ttf'),
  DejaVuSansBold: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans-Bold.ttf'),
  DejaVuSansBoldOblique: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSans-BoldOblique.ttf'),
  DejaVuSansMono: packageFile('dejavu-fonts-ttf', 'ttf/DejaVuSansMono.ttf'),
  NotoSansDevanagari: packageFile('@expo-google-fonts/noto-sans-devanagari', '400Regular/NotoSansDevanagari_400Regular.ttf'),
  NotoSansDevanagariBold: packageFile('@expo-google-fonts/noto-sans-devanagari', '700Bold/NotoSansDevanagari_700Bold.ttf'),
  NotoSansBengali: packageFile('@expo-google-fonts/noto-sans-bengali', '400Regular/NotoSansBengali_400Regular.ttf'),
  NotoSansBengaliBold: packageFile('@expo-google-fonts/noto-sans-bengali', '700Bold/NotoSansBengali_700Bold.ttf'),
  NotoSansTamil: packageFile('@expo-google-fonts/noto-sans-tamil', '400Regular/NotoSansTamil_400Regular.ttf'),
  NotoSansTamilBold: packageFile('@expo-google-fonts/noto-sans-tamil', '700Bold/NotoSansTamil_700Bold.ttf'),
  NotoSansThai: packageFile('@expo-google-fonts/noto-sans-thai', '400Regular/NotoSansThai_400Regular.ttf'),
  NotoSansThaiBold: packageFile('@expo-google-fonts/noto-sans-thai', '700Bold/NotoSansThai_700Bold.ttf'),
  NotoEmoji: packageFile('@expo-google-fonts/noto-emoji', '400Regular/NotoEmoji_400Regular.ttf'),
} as const;

type FileFontName = keyof typeof FONT_FILES;
/** An embedded font: one of the files above, or one file of a CJK family at one weight. */
export type FontName = FileFontName | CjkFontName;

const REGULAR_SCRIPTS: readonly FileFontName[] = ['NotoSansDevanagari', 'NotoSansBengali', 'NotoSansTamil', 'NotoSansThai'];
const BOLD_SCRIPTS: readonly FileFontName[] = ['NotoSansDevanagariBold', 'NotoSansBengaliBold', 'NotoSansTamilBold', 'NotoSansThaiBold'];

/** For each face, the file fonts tried in order for each character (CJK faces come before the emoji font). */
const CHAINS: Readonly<Record<Face, readonly FileFontName[]>> = {
  serif: ['NotoSerif', 'DejaVuSerif', 'DejaVuSans', ...REGULAR_SCRIPTS],
  'serif-italic': ['NotoSerifItalic', 'DejaVuSerifItalic', 'DejaVuSans', ...REGULAR_SCRIPTS],
  'serif-bold': ['NotoSerifBold', 'DejaVuSerifBold', 'DejaVuSansBold', 'DejaVuSans', ...BOLD_SCRIPTS],
  'serif-bold-italic': ['NotoSerifBoldItalic', 'DejaVuSerifBoldItalic', 'DejaVuSansBoldOblique', 'DejaVuSans', ...BOLD_SCRIPTS],
  sans: ['NotoSans', 'DejaVuSans', ...REGULAR_SCRIPTS],
  'sans-bold': ['NotoSansBold', 'DejaVuSansBold', 'DejaVuSans', ...BOLD_SCRIPTS],
  'sans-bold-italic': ['NotoSansBoldItalic', 'DejaVuSansBoldOblique', 'DejaVuSans', ...BOLD_SCRIPTS],
  mono: ['DejaVuSansMono', 'DejaVuSans', ...REGULAR_SCRIPTS],
};

function isBold(face: Face): boolean {
  return face.includes('bold');
}

/** The fonts to try for one cluster, in order: the face's chain, the CJK families for the language, emoji. */
function candidates(face: Face, cluster: string, lang: string | undefined): FontName[] {
  const chain: FontName[] = [...CHAINS[face]];
  if (CJK_CHARACTER.test(cluster)) {
    for (const family of cjkFamilies(lang)) {
      const font = cjkFontFor(family, cluster, isBold(face) ? 700 : 400);
      if (font) chain.push(font);
    }
  }
  chain.push('NotoEmoji');
  return chain;
}

const parsed = new Map<FontName, fontkit.Font>();
const fileBytes = new Map<FontName, Buffer>();

function bytesOf(name: FileFontName): Buffer {
  let bytes = fileBytes.get(name);
  if (!bytes) {
    bytes = readFileSync(FONT_FILES[name]);
    fileBytes.set(name, bytes);
  }
  return bytes;
}

function parse(name: FontName): fontkit.Font {
  if (isCjkFont(name)) return withIdleMarksSkipped(openCjkFont(name));
  const created = fontkit.create(bytesOf(name));
  if (!('hasGlyphForCodePoint' in created)) throw new Error(`${FONT_FILES[name]} is a font collection, not a single font`);
  return withIdleMarksSkipped(created);
}

const COMBINING_MARK = /\p{M}/u;
const WITHOUT_MARK_FEATURES: Readonly<Record<string, boolean>> = { mark: false, mkmk: false };

/** A glyph's GDEF class (3: a mark), as fontkit's OpenType processor reads it; 0 without a class table. */
interface ClassDef {
  readonly version: number;
  readonly startGlyph?: number;
  readonly classValueArray?: readonly number[];
  readonly classRangeRecord?: readonly { readonly start: number; readonly end: number; readonly class: number }[];
}

function glyphClass(classDef: ClassDef | undefined, glyph: number): number {
  if (classDef?.version === 1) return classDef.classValueArray?.[glyph - (classDef.startGlyph ?? 0)] ?? 0;
  if (classDef?.version === 2) return classDef.classRangeRecord?.find((r) => r.start <= glyph && glyph <= r.end)?.class ?? 0;
  return 0;
}

/**
 * The font, shaping text that has no combining mark without the GPOS `mark`
 * and `mkmk` features. fontkit decodes a feature's lookups whole on its first
 * use, and these place combining marks on their base: Noto Serif's take 44-51
 * ms a face to decode (the sample's PDF took 400-520 ms from cold against
 * 17-33 ms warm, most of the difference in shaping's first use), and they
 * change nothing where no mark glyph is drawn. If the text's glyphs include
 * one anyway (a substitution may make one), it is shaped again with every
 * feature, so the result is always what fontkit's defaults give
 * (tests/writers/pdf/fonts.test.ts checks every character of every file font).
 * A font without a GDEF class table has no mark glyph by this test, as for
 * fontkit, which then tells marks by their characters. A caller's own
 * features are left as they are.
 */
function withIdleMarksSkipped(font: fontkit.Font): fontkit.Font {
  const layout = font.layout.bind(font);
  const classes = (): ClassDef | undefined => (font as unknown as { GDEF?: { glyphClassDef?: ClassDef } }).GDEF?.glyphClassDef;
  font.layout = (text, features, ...rest) => {
    if (features !== undefined || COMBINING_MARK.test(text)) return layout(text, features, ...rest);
    const run = layout(text, WITHOUT_MARK_FEATURES as Record<string, boolean>, ...rest);
    const classDef = classes();
    return run.glyphs.some((glyph) => glyphClass(classDef, glyph.id) === 3) ? layout(text, features, ...rest) : run;
  };
  return font;
}

/**
 * The parsed font for measuring, coverage and embedding, read once per
 * process. pdfkit embeds from this same object: a second parse per face held
 * its decoded GSUB and GPOS tables twice (3.5 MB of heap per face once a text
 * was shaped). `registerFont` in pdfkit-fixes empties its glyph cache for
 * each document, which measuring does not depend on: it reads advance widths
 * and the character map, not the glyphs' characters.
 */
export function loadFont(name: FontName): fontkit.Font {
  let font = parsed.get(name);
  if (!font) {
    font = parse(name);
    parsed.set(name, font);
  }
  return font;
}

/** Code points drawn as nothing and never needing a glyph of their own (joiners, variation selectors). */
function isIgnorable(cp: number): boolean {
  return cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xad;
}

const coverage = new Map<FontName, Map<number, boolean>>();

/** Whether the font has a glyph for the code point, remembered per process (cmap lookups are slow). */
function hasGlyph(name: FontName, cp: number): boolean {
  let known = coverage.get(name);
  if (!known) {
    known = new Map();
    coverage.set(name, known);
  }
  let has = known.get(cp);
  if (has === undefined) {
    has = loadFont(name).hasGlyphForCodePoint(cp);
    known.set(cp, has);
  }
  return has;
}

/** Whether the first font of the chain draws the whole text (the common case, checked without segmenting). */
function primaryCoversAll(name: FontName, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = text.codePointAt(i) ?? cp;
      i++;
    }
    if (!hasGlyph(name, cp)) return false;
  }
  return true;
}

function covers(font: fontkit.Font, cluster: string): boolean {
  for (const char of cluster) {
    const cp = char.codePointAt(0) ?? 0;
    if (!isIgnorable(cp) && !font.hasGlyphForCodePoint(cp)) return false;
  }
  return true;
}

/** The text a font draws for a cluster: ignorable code points it has no glyph for are left out. */
function drawable(font: fontkit.Font, cluster: string): string {
  let out = '';
  for (const char of cluster) {
    const cp = char.codePointAt(0) ?? 0;
    if (!isIgnorable(cp) || font.hasGlyphForCodePoint(cp)) out += char;
  }
  return out;
}

/** A stretch of text set in one font. `text` is what is drawn, `source` the text it stands for. */
export interface FontRun {
  readonly font: FontName;
  readonly text: string;
  readonly source: string;
  /** True when no embedded font has the source's glyphs and a visible substitute is drawn instead. */
  readonly substituted?: true;
  /** Drawn on its own, never joined to the run before it (so that no ligature swallows it). */
  readonly separate?: true;
}

/** What is drawn for a character no embedded font has: the replacement character, from the widest fallback font. */
export const SUBSTITUTE = '\uFFFD';
const SUBSTITUTE_FONT: FontName = 'DejaVuSans';


/** `U+3089` notation for the code points of a cluster, for messages. */
export function describeCluster(cluster: string): string {
  return [...cluster].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/** The script a script font is for: it is opened only for clusters of that script. */
const FONT_SCRIPT: Partial<Record<FontName, RegExp>> = {
  NotoSansDevanagari: /\p{scx=Devanagari}/u,
  NotoSansDevanagariBold: /\p{scx=Devanagari}/u,
  NotoSansBengali: /\p{scx=Bengali}/u,
  NotoSansBengaliBold: /\p{scx=Bengali}/u,
  NotoSansTamil: /\p{scx=Tamil}/u,
  NotoSansTamilBold: /\p{scx=Tamil}/u,
  NotoSansThai: /\p{scx=Thai}/u,
  NotoSansThaiBold: /\p{scx=Thai}/u,
};

function fontFor(face: Face, cluster: string, lang: string | undefined): FontName | undefined {
  return candidates(face, cluster, lang).find((name) => (FONT_SCRIPT[name]?.test(cluster) ?? true) && covers(loadFont(name), cluster));
}

/**
 * An emoji with a skin-tone modifier and nothing else. The monochrome emoji
 * font draws it as the bare emoji and maps that glyph back to the bare emoji
 * only, so the tone would vanish from print and text alike; drawn apart, the
 * modifier shows as its colour swatch and both extract (UTS #51, 2.4: the
 * fallback display of a modifier sequence).
 */
const TONED_EMOJI = /^(\p{Extended_Pictographic}\uFE0F?)([\u{1F3FB}-\u{1F3FF}])$/u;

/**
 * The text split into runs of one font each: every grapheme cluster goes to
 * the first font of the face's chain that has all its glyphs (for Chinese,
 * Japanese and Korean, in the order `lang` prefers). A cluster no font has is
 * drawn as a visible substitute (its own run, so the caller can give it
 * `/ActualText`), and `onMissing` is told: a character never fails the PDF.
 */
export function fontRuns(text: string, face: Face, onMissing?: (cluster: string) => void, lang?: string): FontRun[] {
  const primary = CHAINS[face][0] as FontName;
  if (primaryCoversAll(primary, text)) return text === '' ? [] : [{ font: primary, text, source: text }];
  const runs: { font: FontName; text: string; source: string; substituted?: true; separate?: true }[] = [];
  for (const segment of graphemes(text)) {
    const font = fontFor(face, segment, lang);
    if (!font) {
      onMissing?.(segment);
      runs.push({ font: SUBSTITUTE_FONT, text: SUBSTITUTE, source: segment, substituted: true });
      continue;
    }
    const toned = font === 'NotoEmoji' ? TONED_EMOJI.exec(segment) : null;
    if (toned?.[1] && toned[2]) {
      runs.push({ font, text: toned[1], source: toned[1], separate: true }, { font, text: toned[2], source: toned[2], separate: true });
      continue;
    }
    const last = runs[runs.length - 1];
    const drawn = drawable(loadFont(font), segment);
    if (last && last.font === font && !last.substituted && !last.separate) {
      last.text += drawn;
      last.source += segment;
    } else {
      runs.push({ font, text: drawn, source: segment });
    }
  }
  return runs;
}

/** Every file font's name, in the order documents register them (CJK fonts follow, sorted by name). */
export const FONT_NAMES = Object.keys(FONT_FILES) as FileFontName[];

/** The fonts to register with a document that draws in `used`: a fixed order, so the same article gives the same resource names. */
export function registrationOrder(used: ReadonlySet<FontName>): FontName[] {
  const cjk = [...used].filter(isCjkFont).sort();
  return [...FONT_NAMES.filter((name) => used.has(name)), ...cjk];
}
