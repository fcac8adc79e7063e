import type { Document } from '../model/types.js';

/*
 * Dates of the outputs. Nothing here reads the clock: the same article and
 * options give the same bytes on any day.
 */

/**
 * The instant every output is dated with (EPUB `dcterms:modified` and zip
 * entries, PDF creation date and XMP): the article's date at midnight UTC,
 * else `SOURCE_DATE_EPOCH` in whole seconds, else the Unix epoch.
 */
export function outputInstant(doc: Pick<Document, 'meta'>, sourceDateEpoch: number | undefined): Date {
  if (doc.meta.date) {
    const date = new Date(`${doc.meta.date}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  if (sourceDateEpoch !== undefined && Number.isFinite(sourceDateEpoch)) return new Date(Math.trunc(sourceDateEpoch) * 1000);
  return new Date(0);
}

/** `CCYY-MM-DDThh:mm:ssZ`: the form EPUB's `dcterms:modified` requires, and what XMP dates use. */
export function isoSeconds(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/** `CCYY-MM-DD`, the model's date form. */
export function isoDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

const longFormats = new Map<string, Intl.DateTimeFormat | null>();

function longFormat(lang: string): Intl.DateTimeFormat | null {
  let format = longFormats.get(lang);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    } catch {
      // A tag ICU refuses: the date is shown as written rather than in a language the article is not in.
      format = null;
    }
    longFormats.set(lang, format);
  }
  return format;
}

/** A model date (`YYYY-MM-DD`) as readers of `lang` write it, e.g. "8 octobre 2024"; the date as written when it is not a real day or `lang` is not a tag ICU knows. */
export function displayDate(date: string, lang: string): string {
  const instant = new Date(`${date}T00:00:00Z`);
  const format = longFormat(lang);
  return format && !Number.isNaN(instant.getTime()) ? format.format(instant) : date;
}
