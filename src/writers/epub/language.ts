import { sameLanguage } from '../../shared/lang.js';
import { escapeText, langAttrs } from '../../shared/xml.js';

/** The language of the book's own interface text (navigation labels, the accessibility summary). */
export const UI_LANG = 'en';

/**
 * Interface text (written in English) as XHTML inside a document in `docLang`:
 * wrapped in a span declaring it English when the document is in another
 * language, so assistive technology pronounces it right (WCAG 3.1.2).
 */
export function uiText(text: string, docLang: string): string {
  return sameLanguage(UI_LANG, docLang) ? escapeText(text) : `<span ${langAttrs(UI_LANG)}>${escapeText(text)}</span>`;
}
