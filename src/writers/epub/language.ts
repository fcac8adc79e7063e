import { primarySubtag, sameLanguage } from '../../shared/lang.js';
import { escapeText, langAttrs } from '../../shared/xml.js';

/** The language of the book's own interface text (navigation labels, the accessibility summary). */
export const UI_LANG = 'en';

/** The book's interface words, in the languages it has them in (English is the key). */
const UI_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  fr: { Contents: 'Sommaire', Landmarks: 'Repères', 'Start of the article': 'Début de l’article', By: 'Par', 'Image on the web': 'Image en ligne', 'Image not available': 'Image indisponible' },
  es: { Contents: 'Índice', Landmarks: 'Puntos de referencia', 'Start of the article': 'Inicio del artículo', By: 'Por', 'Image on the web': 'Imagen en la web', 'Image not available': 'Imagen no disponible' },
  de: { Contents: 'Inhalt', Landmarks: 'Orientierungspunkte', 'Start of the article': 'Beginn des Artikels', By: 'Von', 'Image on the web': 'Bild im Web', 'Image not available': 'Bild nicht verfügbar' },
};

/**
 * Interface text as XHTML inside a document in `docLang`: in the document's
 * language where the book has it, else English wrapped in a span declaring it
 * English, so assistive technology pronounces it right (WCAG 3.1.2).
 */
export function uiText(text: string, docLang: string): string {
  const translated = UI_WORDS[primarySubtag(docLang)]?.[text];
  if (translated !== undefined) return escapeText(translated);
  return sameLanguage(UI_LANG, docLang) ? escapeText(text) : `<span ${langAttrs(UI_LANG)}>${escapeText(text)}</span>`;
}
