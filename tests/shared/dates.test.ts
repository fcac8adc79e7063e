import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { displayDate, isoDay, isoSeconds, outputInstant } from '../../src/shared/dates.js';

describe('output dates', () => {
  const dated = parseArticle('date 2024-10-08 Text.', { format: 'text' });
  const undated = parseArticle('Text.', { format: 'text' });

  it('dates outputs by the article, else SOURCE_DATE_EPOCH, else the epoch; never the clock', () => {
    expect(outputInstant(dated, 1_700_000_000).toISOString()).toBe('2024-10-08T00:00:00.000Z');
    expect(outputInstant(undated, 1_700_000_000).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(outputInstant(undated, undefined).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('keeps whole seconds of a fractional SOURCE_DATE_EPOCH, so the EPUB and the PDF agree', () => {
    expect(outputInstant(undated, 1_700_000_000.7).toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('formats to the second and to the day in UTC', () => {
    expect(isoSeconds(new Date(1_700_000_000_123))).toBe('2023-11-14T22:13:20Z');
    expect(isoDay(new Date(1_700_000_000_123))).toBe('2023-11-14');
  });

  it('shows a date as readers of the article language write it, and as written when it cannot', () => {
    expect(displayDate('2024-10-08', 'en')).toBe('October 8, 2024');
    expect(displayDate('2024-10-08', 'fr')).toBe('8 octobre 2024');
    expect(displayDate('2024-10-08', 'de-CH')).toBe('8. Oktober 2024');
    expect(displayDate('2024-13-45', 'en')).toBe('2024-13-45');
    expect(displayDate('2024-10-08', 'not a tag')).toBe('2024-10-08');
  });
});
