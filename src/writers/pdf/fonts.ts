import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * The embedded typefaces and the choice of font for every character.
 *
 * Body text is Noto Serif, headings Noto Sans (the same design family, so the
 * two match), code DejaVu Sans Mono. Noto covers Latin with accents, Greek and
 * Cyrillic; a character it lacks falls back to DejaVu (Serif, then Sans, which
 * covers arrows, maths and many scripts) and then to Noto Emoji. A character
 * none of them has is an error naming it: a PDF never shows a missing glyph.
 */

/** A typographic face of the layout; each maps to a chain of embedded fonts. */
export type Face = 'serif' | 'serif-italic' | 'serif-bold' | 'serif-bold-italic' | 'sans' | 'sans-bold' | 'sans-bold-italic' | 'mono';

const require = createRequire(import.meta.url);

function packageFile(pkg: string, file: string): string {
  return require.resolve(`${pkg}/${file}`);
}

/** Every font file the PDF may embed, by the name it is registered under. */
const FONT_FILES = {
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
  NotoEmoji: packageFile('@expo-google-fonts/noto-emoji', '400Regular/NotoEmoji_400Regular.ttf'),
} as const;

export type FontName = keyof typeof FONT_FILES;

/** For each face, the fonts tried in order for each character. */
const CHAINS: Readonly<Record<Face, readonly FontName[]>> = {
  serif: ['NotoSerif', 'DejaVuSerif', 'DejaVuSans', 'NotoEmoji'],
  'serif-italic': ['NotoSerifItalic', 'DejaVuSerifItalic', 'DejaVuSans', 'NotoEmoji'],
  'serif-bold': ['NotoSerifBold', 'DejaVuSerifBold', 'DejaVuSansBold', 'DejaVuSans', 'NotoEmoji'],
  'serif-bold-italic': ['NotoSerifBoldItalic', 'DejaVuSerifBoldItalic', 'DejaVuSansBoldOblique', 'DejaVuSans', 'NotoEmoji'],
  sans: ['NotoSans', 'DejaVuSans', 'NotoEmoji'],
  'sans-bold': ['NotoSansBold', 'DejaVuSansBold', 'DejaVuSans', 'NotoEmoji'],
  'sans-bold-italic': ['NotoSansBoldItalic', 'DejaVuSansBoldOblique', 'DejaVuSans', 'NotoEmoji'],
  mono: ['DejaVuSansMono', 'DejaVuSans', 'NotoEmoji'],
};

const parsed = new Map<FontName, fontkit.Font>();
const fileBytes = new Map<FontName, Buffer>();

function bytesOf(name: FontName): Buffer {
  let bytes = fileBytes.get(name);
  if (!bytes) {
    bytes = readFileSync(FONT_FILES[name]);
    fileBytes.set(name, bytes);
  }
  return bytes;
}

function parse(name: FontName): fontkit.Font {
  const created = fontkit.create(bytesOf(name));
  if (!('hasGlyphForCodePoint' in created)) throw new Error(`${FONT_FILES[name]} is a font collection, not a single font`);
  return created;
}

const embedded = new Map<FontName, fontkit.Font>();

/**
 * The font object pdfkit embeds from, one per process and separate from the
 * measuring one (parsing a font's tables per document would cost ~300 ms).
 * `registerFont` in pdfkit-fixes clears its glyph cache for each document.
 */
export function embeddingFont(name: FontName): fontkit.Font {
  let font = embedded.get(name);
  if (!font) {
    font = parse(name);
    embedded.set(name, font);
  }
  return font;
}

/** The parsed font for measuring and coverage, read once per process (never handed to pdfkit). */
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
}

/** What is drawn for a character no embedded font has: the replacement character, from the widest fallback font. */
export const SUBSTITUTE = '\uFFFD';
const SUBSTITUTE_FONT: FontName = 'DejaVuSans';

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** `U+3089` notation for the code points of a cluster, for messages. */
export function describeCluster(cluster: string): string {
  return [...cluster].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/**
 * The text split into runs of one font each: every grapheme cluster goes to
 * the first font of the face's chain that has all its glyphs. A cluster no
 * font has is drawn as a visible substitute (its own run, so the caller can
 * give it `/ActualText`), and `onMissing` is told: a character never fails the PDF.
 */
export function fontRuns(text: string, face: Face, onMissing?: (cluster: string) => void): FontRun[] {
  const chain = CHAINS[face];
  const primary = chain[0] as FontName;
  if (primaryCoversAll(primary, text)) return text === '' ? [] : [{ font: primary, text, source: text }];
  const runs: { font: FontName; text: string; source: string; substituted?: true }[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const font = chain.find((name) => covers(loadFont(name), segment));
    if (!font) {
      onMissing?.(segment);
      runs.push({ font: SUBSTITUTE_FONT, text: SUBSTITUTE, source: segment, substituted: true });
      continue;
    }
    const last = runs[runs.length - 1];
    if (last?.substituted) {
      runs.push({ font, text: drawable(loadFont(font), segment), source: segment });
      continue;
    }
    const drawn = drawable(loadFont(font), segment);
    if (last && last.font === font) {
      last.text += drawn;
      last.source += segment;
    } else {
      runs.push({ font, text: drawn, source: segment });
    }
  }
  return runs;
}

/** Every font name, for registering them with a document. */
export const FONT_NAMES = Object.keys(FONT_FILES) as FontName[];
