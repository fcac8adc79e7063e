/**
 * Grapheme clusters (what a reader sees as one character), by
 * `Intl.Segmenter`, in time and memory linear in the text. V8's segmenter
 * slows down on very long strings and its segment objects each keep the
 * input, so a 100 kB unbroken token held gigabytes; the text is cut into
 * windows at positions that are always cluster boundaries, and only the
 * clusters' strings are kept.
 */

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });
const WINDOW = 4096;

/** A character that always starts and ends a cluster of its own: printable ASCII, ideographs, kana, Hangul syllables. */
function isSimple(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    (code >= 0xac00 && code <= 0xd7a3)
  );
}

/** Where the next window may end: the first cluster boundary between two simple characters at or after `from`. */
function cutAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (isSimple(text.charCodeAt(i - 1)) && isSimple(text.charCodeAt(i))) return i;
  return text.length;
}

/**
 * Calls `visit` with each segment of `text` and where it starts, for any
 * segmenter, window by window. For words, a window ends at a space when it
 * can, so that at most one boundary per window (between two ideographs, where
 * lines may break anyway) is not the segmenter's own.
 */
export function forEachSegment(text: string, by: Intl.Segmenter, visit: (segment: string, index: number) => void): void {
  for (let start = 0; start < text.length; ) {
    let end = text.length;
    if (text.length - start > WINDOW) {
      const space = text.indexOf(' ', start + WINDOW);
      end = space > 0 && space < start + 2 * WINDOW ? space + 1 : cutAfter(text, start + WINDOW);
    }
    for (const { segment, index } of by.segment(text.slice(start, end))) visit(segment, start + index);
    start = end;
  }
}

/** Calls `visit` with each cluster of `text`, in order. */
export function forEachGrapheme(text: string, visit: (cluster: string) => void): void {
  forEachSegment(text, segmenter, (cluster) => visit(cluster));
}

/** The clusters of `text`, in order. */
export function graphemes(text: string): string[] {
  const clusters: string[] = [];
  forEachGrapheme(text, (cluster) => clusters.push(cluster));
  return clusters;
}

/** Whether `text` is more than one cluster (without segmenting all of it). */
export function severalGraphemes(text: string): boolean {
  if (text.length <= 1) return false;
  const first = segmenter.segment(text.slice(0, 64))[Symbol.iterator]().next();
  return !first.done && first.value.segment.length < text.length;
}
