import { xmlSafeText } from '../model/chars.js';

/**
 * The one XML escaper of every XML output (SSML, XHTML, nav, NCX, OPF, SMIL,
 * XMP). A character XML cannot carry becomes U+FFFD (the model's rule, see
 * `model/chars.ts`): visible, and the same in every output.
 */

export { xmlSafeText } from '../model/chars.js';

/** `value` safe as XML character data. */
export function escapeText(value: string): string {
  return xmlSafeText(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `value` safe inside a single- or double-quoted XML attribute. Tabs and line
 * breaks are written as references because attribute-value normalisation
 * would otherwise turn them into spaces.
 */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** The `lang` and `xml:lang` pair an XHTML element needs to declare its language. */
export function langAttrs(lang: string): string {
  const tag = escapeAttr(lang);
  return `lang="${tag}" xml:lang="${tag}"`;
}
