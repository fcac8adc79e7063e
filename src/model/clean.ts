import { xmlSafeText } from './chars.js';

/**
 * Character-level clean-up shared by every reader: what the model may contain.
 *
 * C0/C1 control characters (other than newline and tab, which the readers use
 * for structure), DEL, and the XML non-characters U+FFFE/U+FFFF are dropped:
 * none of them is visible, and any of them would make an XML output (SSML,
 * XHTML, SMIL, XMP) ill-formed.
 */
// eslint-disable-next-line no-control-regex
const DROPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/**
 * `text` in Unicode NFC with invisible control characters removed and line
 * ends as `\n`; an unpaired surrogate (from a JSON or YAML escape) becomes
 * U+FFFD, the model's one rule for characters no output can carry.
 */
export function cleanText(text: string): string {
  return xmlSafeText(text.replace(/\r\n?/g, '\n').replace(DROPPED, '')).normalize('NFC');
}

/** `text` with every run of whitespace (including line breaks and tabs) as one space, trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
