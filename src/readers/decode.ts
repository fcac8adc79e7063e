import { ArticleError } from '../shared/errors.js';

/** Articles larger than this are refused: no news article is, and it protects the batch's memory. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Share of C0 control bytes (other than tab, newline, carriage return, form feed) above which a file is binary (a stray one in text is dropped, not fatal). */
const BINARY_CONTROL_RATIO = 0.1;

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls / Math.max(sample.length, 1) > BINARY_CONTROL_RATIO;
}

/** The byte offset of the first invalid UTF-8 sequence, for the error message (the decoder does not say). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** `utf-16le` or `utf-16be` when the bytes start with that byte-order mark. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * The text of an article file's bytes (UTF-8, with or without BOM), or an
 * ArticleError naming the reason: empty, too large, binary, not UTF-8.
 */
export function decodeArticle(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new ArticleError(file, `file is too large (${bytes.length} bytes; the limit is ${MAX_ARTICLE_BYTES})`);
  }
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    // UTF-16 with a byte-order mark (Windows editors save it): read as the user meant it.
    const text = new TextDecoder(utf16, { fatal: false }).decode(bytes);
    if (text.trim() === '') throw new ArticleError(file, 'empty file: no text to read');
    return text;
  }
  if (looksBinary(bytes)) throw new ArticleError(file, 'binary file, not text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ArticleError(file, `not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})`);
  }
  if (text.trim() === '') throw new ArticleError(file, 'empty file: no text to read');
  return text;
}
