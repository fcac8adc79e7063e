import { describe, expect, it } from 'vitest';
import { canonicalLang, checkedDate, contentIdentifier, MetadataError } from '../../src/model/metadata.js';

describe('metadata', () => {
  it('canonicalises BCP 47 tags and refuses bad ones', () => {
    expect(canonicalLang('en-us')).toBe('en-US');
    expect(canonicalLang('FR')).toBe('fr');
    expect(() => canonicalLang('not a tag')).toThrow(MetadataError);
    expect(() => canonicalLang('')).toThrow(MetadataError);
  });
  it('accepts real dates only', () => {
    expect(checkedDate('2024-10-08')).toBe('2024-10-08');
    expect(checkedDate('2024-02-29')).toBe('2024-02-29');
    expect(() => checkedDate('2023-02-29')).toThrow(/invalid date/);
    expect(() => checkedDate('2024-13-01')).toThrow(/invalid date/);
    expect(() => checkedDate('08/10/2024')).toThrow(/YYYY-MM-DD/);
  });
  it('makes a stable, content-derived urn:uuid', () => {
    const a = contentIdentifier('hello');
    expect(a).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contentIdentifier('hello')).toBe(a);
    expect(contentIdentifier('hello!')).not.toBe(a);
  });
});
