import { cleanText } from '../text/clean.js';
import type { Draft, DraftBlock } from '../model/draft.js';

/** The sample's date marker: `date YYYY-MM-DD` at the very start, possibly after whitespace. */
const DATE_MARKER = /^\s*date[ \t]+(\S+)[ \t]*/i;

/**
 * Reads the plain-text article format: an optional leading `date YYYY-MM-DD`
 * marker (on the same line as the first paragraph), paragraphs separated by
 * blank lines, single line breaks inside a paragraph read as spaces.
 */
export function readText(source: string): Draft {
  let text = cleanText(source.replace(/^\uFEFF/, ''));
  let date: string | undefined;
  const marker = DATE_MARKER.exec(text);
  if (marker && /^\d/.test(marker[1] ?? '')) {
    date = marker[1];
    text = text.slice(marker[0].length);
  }
  const blocks: DraftBlock[] = text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => ({ type: 'paragraph', inlines: [{ type: 'text', value: paragraph }] }));
  return { meta: date !== undefined ? { date } : {}, blocks, warnings: [] };
}
