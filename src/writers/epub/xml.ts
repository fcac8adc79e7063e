/**
 * XML escaping for every document of the book (XHTML, nav, NCX, OPF, SMIL).
 * One place, so no writer can forget a character.
 */

// Characters XML 1.0 forbids even as references: C0 controls except tab/newline/return,
// unpaired surrogates and the non-characters U+FFFE/U+FFFF. The model drops most of
// them at ingest; a lone surrogate can still arrive through an API caller.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `value` without characters that XML 1.0 cannot carry. */
export function xmlChars(value: string): string {
  return value.replace(NOT_XML, '');
}

/** `value` safe as XML character data. */
export function escapeText(value: string): string {
  return xmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `value` safe inside a double-quoted XML attribute (line breaks kept as references, not normalised away). */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** The `lang` and `xml:lang` pair an XHTML element needs to declare its language. */
export function langAttrs(lang: string): string {
  const tag = escapeAttr(lang);
  return `lang="${tag}" xml:lang="${tag}"`;
}
