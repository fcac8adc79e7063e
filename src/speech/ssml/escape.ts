/*
 * Text as XML can carry it. XML 1.0 forbids most C0 controls, lone UTF-16
 * surrogates and U+FFFE/U+FFFF; a string holding one cannot be written as a
 * well-formed document at all. They carry no speech, so each becomes a space
 * (controls) or U+FFFD (a broken surrogate or non-character), and the rest of
 * the text is kept exactly.
 */

// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** `text` with every character XML 1.0 cannot hold replaced (controls by a space, broken surrogates by U+FFFD). */
export function xmlSafeText(text: string): string {
  return text.replace(XML_ILLEGAL, (c) => (c.charCodeAt(0) < 0x20 ? ' ' : '\uFFFD'));
}

/** Character data for element content. */
export function escapeText(text: string): string {
  return xmlSafeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An attribute value for a double- or single-quoted attribute. Tabs and line
 * breaks are written as references because attribute normalisation would
 * otherwise turn them into spaces.
 */
export function escapeAttribute(value: string): string {
  return xmlSafeText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
