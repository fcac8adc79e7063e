import { createHash } from 'node:crypto';

/** Why a metadata value was refused; readers and the CLI turn this into a one-line error. */
export class MetadataError extends Error {
  override name = 'MetadataError';
}

/** `tag` in canonical BCP 47 form (`en-us` → `en-US`), or a MetadataError. */
export function canonicalLang(tag: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    if (canonical) return canonical;
  } catch {
    // fall through to the error below
  }
  throw new MetadataError(`invalid language tag "${tag}" (expected BCP 47, e.g. en, fr-CA)`);
}

/** The primary language subtag, lower-cased: `fr` for `fr-CA`, `zh` for `zh_Hant`. */
export function primarySubtag(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** `date` if it is a real calendar date written `YYYY-MM-DD`, or a MetadataError. */
export function checkedDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const parsed = new Date(Date.UTC(y, m - 1, d));
    if (parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d) {
      return match[0];
    }
  }
  throw new MetadataError(`invalid date "${date}" (expected YYYY-MM-DD)`);
}

/** A UUID (RFC 9562 layout, version 8: custom) derived from `content`, as a `urn:uuid:` identifier. */
export function contentIdentifier(content: string): string {
  const bytes = createHash('sha256').update(content).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
