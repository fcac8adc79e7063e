import { cleanText } from '../model/clean.js';
import type { Draft, DraftBlock } from '../model/draft.js';

/**
 * The sample's date marker: `date YYYY-MM-DD` at the very start, possibly after
 * whitespace. Only something shaped like a date counts ("Date 2 of the tour" is
 * text); an impossible one (2024-13-45) is an error, not silently text.
 */
const DATE_MARKER = /^\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|$)[ \t]*/i;

/**
 * Reads the plain-text article format: an optional leading `date YYYY-MM-DD`
 * marker (on the same line as the first paragraph), paragraphs separated by
 * blank lines, single line breaks inside a paragraph read as spaces.
 */
export function readText(source: string): Draft {
  let text = cleanText(source.replace(/^\uFEFF/, ''));
  let date: string | undefined;
  const marker = DATE_MARKER.exec(text);
  if (marker) {
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
