/**
 * Which characters text in the model may hold. One rule, used by the readers'
 * clean-up and by every XML writer's escaper: XML 1.0 forbids most C0
 * controls, unpaired UTF-16 surrogates and the non-characters U+FFFE/U+FFFF
 * even as character references, so a string holding one cannot be written as
 * a well-formed document at all.
 */

/** A UTF-16 surrogate without its pair (only a JSON or YAML `\u` escape can make one). */
export const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const XML_ILLEGAL = new RegExp(String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|${UNPAIRED_SURROGATE.source}`, 'g');

/** U+FFFD REPLACEMENT CHARACTER: what an illegal character becomes, one UTF-16 unit for one, so offsets into the text hold. */
export const REPLACEMENT = '\uFFFD';

/** `text` with each character XML 1.0 cannot hold replaced by U+FFFD (same length, every offset kept). */
export function xmlSafeText(text: string): string {
  return text.replace(XML_ILLEGAL, REPLACEMENT);
}
