import { escapeText, langAttrs } from './xml.js';

/** The language of the book's own interface text (navigation labels, the accessibility summary). */
export const UI_LANG = 'en';

/** `rtl` for languages written right to left (Arabic, Hebrew, Persian, Urdu, ...), else `ltr`. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(lang).maximize() as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    // V8 exposes `textInfo` as a getter (Node 20) and later as `getTextInfo()`.
    // The script decides first: V8 answers `ltr` for e.g. `az-Arab`.
    if (['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr'].includes(locale.script ?? '')) return 'rtl';
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** Whether text in `lang` may sit in a document of language `docLang` without its own language tag. */
export function sameLanguage(lang: string, docLang: string): boolean {
  const primary = (tag: string): string => tag.toLowerCase().split('-')[0] ?? tag;
  return primary(lang) === primary(docLang);
}

/**
 * Interface text (written in English) as XHTML inside a document in `docLang`:
 * wrapped in a span declaring it English when the document is in another
 * language, so assistive technology pronounces it right (WCAG 3.1.2).
 */
export function uiText(text: string, docLang: string): string {
  return sameLanguage(UI_LANG, docLang) ? escapeText(text) : `<span ${langAttrs(UI_LANG)}>${escapeText(text)}</span>`;
}
