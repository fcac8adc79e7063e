/** Link schemes a reader may follow out of an EPUB or PDF; anything else (javascript:, file:, relative) is shown as plain text. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The absolute URL to make a live link of, or undefined when the link must stay plain text. */
export function linkTarget(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
