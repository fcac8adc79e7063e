import { primarySubtag } from './lang.js';

/*
 * Display typography: what the eye needs and the ear does not. French sets a
 * narrow no-break space (U+202F) inside « » and ‹ › and before ; ! ?, and a
 * no-break space (U+00A0) before the colon (Imprimerie nationale, Lexique des
 * règles typographiques). Articles typed on ordinary keyboards have a plain
 * space there, so an e-reader or the PDF's line breaker may start a line with
 * "»" or "?", leaving the mark alone at the start of the next line.
 *
 * Only a space the author typed is changed, never added: Swiss and Canadian
 * usage sets none before ; ! ?, and a text without the space keeps its look.
 * The EPUB and PDF writers apply it to the text they show, code aside; the
 * model's text, the SSML and the audio keep the space as written. Captions
 * keep it too (WebVTT players wrap no line of ours: writers/captions.ts cuts
 * them, and keeps each such mark on its word's line).
 */

const FRENCH_OPENING = /([«‹])[ \u00A0\u202F]+/gu;
const FRENCH_CLOSING = /[ \u00A0\u202F]+([»›;!?])/gu;
const FRENCH_COLON = /[ \u00A0\u202F]+:/gu;

/** `text` with the spaces its language's typography keeps from breaking made no-break; unchanged in other languages. */
export function displayText(text: string, lang: string): string {
  if (primarySubtag(lang) !== 'fr') return text;
  return text.replace(FRENCH_OPENING, '$1\u202F').replace(FRENCH_CLOSING, '\u202F$1').replace(FRENCH_COLON, '\u00A0:');
}
