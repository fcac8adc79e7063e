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
