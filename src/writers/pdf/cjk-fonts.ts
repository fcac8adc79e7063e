import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { primarySubtag } from '../../shared/lang.js';
import { ttfFromWoff2 } from './woff2.js';

/**
 * Chinese, Japanese and Korean faces: Noto Sans SC, TC, JP and KR from the
 * `@fontsource-variable` packages, which split each font into about 120
 * WOFF2 files by Unicode range (20–80 kB each). An article loads only the
 * files holding its characters, so one Japanese name costs a few kilobytes to
 * read and, subset, a few hundred bytes in the PDF; a Latin article loads none.
 *
 * The fonts are variable: each file is instanced at weight 400 (text) or 700
 * (headings, bold). Ideographs are shared by the four languages but drawn
 * differently in each (Han unification), so the language of the text picks
 * the family first.
 */

export type CjkFamily = 'JP' | 'SC' | 'TC' | 'KR';
export type CjkWeight = 400 | 700;
/** A font of one file of one family at one weight, e.g. `NotoSansJP-119-400`. */
export type CjkFontName = `NotoSans${CjkFamily}-${string}-${CjkWeight}`;

const PACKAGES: Readonly<Record<CjkFamily, string>> = {
  JP: '@fontsource-variable/noto-sans-jp',
  SC: '@fontsource-variable/noto-sans-sc',
  TC: '@fontsource-variable/noto-sans-tc',
  KR: '@fontsource-variable/noto-sans-kr',
};

const require = createRequire(import.meta.url);


/** The families to try for text in `lang`, best first. */
export function cjkFamilies(lang: string | undefined): readonly CjkFamily[] {
  const tag = (lang ?? '').toLowerCase();
  switch (primarySubtag(tag)) {
    case 'ja':
      return ['JP', 'SC', 'TC', 'KR'];
    case 'ko':
      return ['KR', 'JP', 'SC', 'TC'];
    case 'zh':
    case 'yue':
      return /-(hant|tw|hk|mo)\b/.test(tag) || primarySubtag(tag) === 'yue' ? ['TC', 'SC', 'JP', 'KR'] : ['SC', 'TC', 'JP', 'KR'];
    default:
      return ['SC', 'JP', 'TC', 'KR'];
  }
}

interface Range {
  readonly from: number;
  readonly to: number;
  readonly chunk: string;
}

const rangeTables = new Map<CjkFamily, readonly Range[]>();

function packageDir(family: CjkFamily): string {
  return path.dirname(require.resolve(`${PACKAGES[family]}/package.json`));
}

/** The family's Unicode ranges by file, sorted for binary search (read once from its `unicode.json`). */
function rangesOf(family: CjkFamily): readonly Range[] {
  let ranges = rangeTables.get(family);
  if (ranges) return ranges;
  const table = JSON.parse(readFileSync(path.join(packageDir(family), 'unicode.json'), 'utf8')) as Record<string, string>;
  const list: Range[] = [];
  for (const [key, value] of Object.entries(table)) {
    const chunk = key.replace(/^\[(.*)\]$/, '$1');
    for (const part of value.split(',')) {
      const match = /U\+([0-9a-f]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
      if (!match?.[1]) continue;
      const from = parseInt(match[1], 16);
      list.push({ from, to: match[2] ? parseInt(match[2], 16) : from, chunk });
    }
  }
  ranges = list.sort((a, b) => a.from - b.from);
  rangeTables.set(family, ranges);
  return ranges;
}

function chunkOf(family: CjkFamily, cp: number): string | undefined {
  const ranges = rangesOf(family);
  let [lo, hi] = [0, ranges.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid] as Range;
    if (cp < range.from) hi = mid - 1;
    else if (cp > range.to) lo = mid + 1;
    else return range.chunk;
  }
  return undefined;
}

/**
 * The font of `family` whose file holds every character of the cluster, or
 * undefined. Combining marks and variation selectors may sit in another file;
 * the cluster's first character decides.
 */
export function cjkFontFor(family: CjkFamily, cluster: string, weight: CjkWeight): CjkFontName | undefined {
  const first = cluster.codePointAt(0);
  if (first === undefined) return undefined;
  const chunk = chunkOf(family, first);
  return chunk === undefined ? undefined : `NotoSans${family}-${chunk}-${weight}`;
}

/** The PostScript name of the instance, as the font file would call it (NotoSansJP-Regular, NotoSansJP-Bold). */
export function cjkPostscriptName(name: CjkFontName): string {
  const match = /^NotoSans(JP|SC|TC|KR)-[^-]+-(400|700)$/.exec(name);
  return `NotoSans${match?.[1] ?? ''}-${match?.[2] === '700' ? 'Bold' : 'Regular'}`;
}

export function isCjkFont(name: string): name is CjkFontName {
  return /^NotoSans(JP|SC|TC|KR)-[^-]+-(400|700)$/.test(name);
}

const ttfs = new Map<string, Uint8Array>();

/** A new font object for the name: its file decoded (once per thread) and instanced at the weight. */
export function openCjkFont(name: CjkFontName): fontkit.Font {
  const match = /^NotoSans(JP|SC|TC|KR)-([^-]+)-(400|700)$/.exec(name);
  if (!match) throw new Error(`not a CJK font name: ${name}`);
  const [, family, chunk, weight] = match as unknown as [string, CjkFamily, string, string];
  const key = `${family}-${chunk}`;
  let ttf = ttfs.get(key);
  if (!ttf) {
    const id = path.basename(PACKAGES[family]);
    const file = path.join(packageDir(family), 'files', `${id}-${chunk}-wght-normal.woff2`);
    ttf = ttfFromWoff2(readFileSync(file), file);
    ttfs.set(key, ttf);
  }
  const font = fontkit.create(Buffer.from(ttf));
  if (!('getVariation' in font)) throw new Error(`${name} is a font collection, not a single font`);
  return font.getVariation({ wght: Number(weight) });
}
