import { primarySubtag } from '../model/metadata.js';

/*
 * Languages, scripts and directions: the one module every reader, speech
 * component and writer asks.
 *
 * Language of runs written in another script than the article's language, so
 * that a screen reader switches voice (`/Lang` on a Span). The model records
 * one language per article, so only a change of script can be seen: Greek is
 * `el`; Cyrillic is told apart by letters only some alphabets have (Ukrainian
 * і ї є ґ, Belarusian ў, Serbian ђ ћ џ љ њ ј, Macedonian ѓ ќ ѕ) and is `ru`
 * otherwise. Latin words in a non-Latin article get no tag (mostly names).
 */

type Script = 'Latin' | 'Greek' | 'Cyrillic' | 'Hebrew' | 'Arabic' | 'Armenian' | 'Georgian' | 'CJK' | 'Devanagari' | 'Bengali' | 'Tamil' | 'Thai';

/** A character of Chinese, Japanese or Korean text: ideographs, kana, hangul, bopomofo, their punctuation and full-width forms. */
export const CJK_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\u3190-\u31ff\uff00-\uffef]/u;

const SCRIPTS: readonly [Script, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  // Chinese, Japanese and Korean are one script here: they share the ideographs, and the kana or hangul in a run tell them apart.
  ['CJK', CJK_CHARACTER],
  ['Devanagari', /\p{Script=Devanagari}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Tamil', /\p{Script=Tamil}/u],
  ['Thai', /\p{Script=Thai}/u],
];

const LANG_SCRIPT: Readonly<Record<string, Script>> = {
  el: 'Greek', grc: 'Greek',
  ru: 'Cyrillic', uk: 'Cyrillic', be: 'Cyrillic', bg: 'Cyrillic', sr: 'Cyrillic', mk: 'Cyrillic', kk: 'Cyrillic', ky: 'Cyrillic', mn: 'Cyrillic', tg: 'Cyrillic',
  he: 'Hebrew', yi: 'Hebrew',
  ar: 'Arabic', fa: 'Arabic', ur: 'Arabic', ps: 'Arabic',
  hy: 'Armenian', ka: 'Georgian',
  zh: 'CJK', ja: 'CJK', ko: 'CJK', yue: 'CJK',
  hi: 'Devanagari', mr: 'Devanagari', ne: 'Devanagari', sa: 'Devanagari',
  bn: 'Bengali', as: 'Bengali', ta: 'Tamil', th: 'Thai',
};

function scriptOf(char: string): Script | undefined {
  for (const [script, re] of SCRIPTS) if (re.test(char)) return script;
  return undefined;
}

/** The script an article in `lang` is written in (Latin unless known otherwise). */
export function scriptOfLang(lang: string): Script {
  const primary = primarySubtag(lang);
  if (/-cyrl\b/i.test(lang)) return 'Cyrillic';
  if (/-latn\b/i.test(lang)) return 'Latin';
  return LANG_SCRIPT[primary] ?? 'Latin';
}

function cyrillicLang(text: string): string {
  if (/[іїєґ]/iu.test(text)) return 'uk';
  if (/ў/iu.test(text)) return 'be';
  if (/[ђћџљњј]/iu.test(text)) return 'sr';
  if (/[ѓќѕ]/iu.test(text)) return 'mk';
  return 'ru';
}

/** Kana make a run Japanese and hangul Korean; ideographs alone are taken for Chinese. */
function cjkLang(text: string): string {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  return 'zh';
}

function langOfRun(script: Script, text: string): string | undefined {
  switch (script) {
    case 'Greek':
      return 'el';
    case 'Cyrillic':
      return cyrillicLang(text);
    case 'Hebrew':
      return 'he';
    case 'Arabic':
      return 'ar';
    case 'Armenian':
      return 'hy';
    case 'Georgian':
      return 'ka';
    case 'CJK':
      return cjkLang(text);
    case 'Devanagari':
      return 'hi';
    case 'Bengali':
      return 'bn';
    case 'Tamil':
      return 'ta';
    case 'Thai':
      return 'th';
    case 'Latin':
      return undefined;
  }
}

export interface LangRun {
  readonly text: string;
  /** Set only when the run is in another language than the article. */
  readonly lang?: string;
}

/**
 * The text split where the script changes away from the article's own.
 * Spaces, digits and punctuation between two words of the same foreign
 * script stay inside its run; at its edges they belong to the article.
 */
export function langRuns(text: string, docLang: string): LangRun[] {
  const home = scriptOfLang(docLang);
  if (home === 'Latin' && /^[\u0000-\u024f\u2000-\u206f]*$/.test(text)) return [{ text }];
  const chars = [...text];
  const scripts = chars.map((c) => {
    const s = scriptOf(c);
    return s === home ? undefined : s;
  });
  if (scripts.every((s) => s === undefined)) return [{ text }];
  // A combining mark belongs to the letter before it.
  chars.forEach((c, i) => {
    if (i > 0 && /\p{M}/u.test(c)) scripts[i] = scripts[i - 1];
  });
  // A neutral character joins a foreign run only when the same script follows it.
  for (let i = 0; i < chars.length; i++) {
    if (scripts[i] !== undefined || scriptOf(chars[i] ?? '') !== undefined || /\p{M}/u.test(chars[i] ?? '')) continue;
    const before = scripts[i - 1];
    let j = i;
    while (j < chars.length && scripts[j] === undefined && scriptOf(chars[j] ?? '') === undefined) j++;
    const after = scripts[j];
    if (before !== undefined && before === after) for (let k = i; k < j; k++) scripts[k] = before;
    i = j - 1;
  }
  const runs: { text: string; script: Script | undefined }[] = [];
  chars.forEach((char, i) => {
    const script = scripts[i];
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += char;
    else runs.push({ text: char, script });
  });
  return runs.map(({ text: t, script }) => {
    const lang = script ? langOfRun(script, t) : undefined;
    return lang ? { text: t, lang } : { text: t };
  });
}

export { primarySubtag };

/** Whether text in `lang` may sit in a document of language `docLang` without its own language tag (same primary language). */
export function sameLanguage(lang: string, docLang: string): boolean {
  return primarySubtag(lang) === primarySubtag(docLang);
}

const RTL_SCRIPTS: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr']);

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian, Urdu, Dhivehi, Sorani, ...), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(lang).maximize() as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    // The script decides first: V8 answers `ltr` for e.g. `az-Arab`.
    if (RTL_SCRIPTS.has(locale.script ?? '')) return 'rtl';
    // V8 exposes `textInfo` as a getter (Node 20) and later as `getTextInfo()`.
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Whether a language tag names a right-to-left language. */
export function isRightToLeft(lang: string): boolean {
  return textDirection(lang) === 'rtl';
}
