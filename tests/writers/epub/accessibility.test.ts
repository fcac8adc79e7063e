import { describe, expect, it } from 'vitest';
import { accessibilityMetadata, accessibilitySummary, CONFORMS_TO, type AccessibilityFacts } from '../../../src/writers/epub/accessibility.js';

const base: AccessibilityFacts = { images: 0, imagesWithoutAlt: 0, linkedImages: 0, sections: 0, certifiedBy: 'Daily Example' };
const props = (facts: AccessibilityFacts, property: string) => accessibilityMetadata(facts).filter((e) => e.property === property).map((e) => e.value);

describe('accessibility metadata', () => {
  it('has every EPUB Accessibility 1.1 MUST and SHOULD for a conforming book', () => {
    const entries = accessibilityMetadata(base);
    for (const property of ['schema:accessMode', 'schema:accessModeSufficient', 'schema:accessibilityFeature', 'schema:accessibilityHazard', 'schema:accessibilitySummary', 'dcterms:conformsTo', 'a11y:certifiedBy']) {
      expect(entries.some((e) => e.property === property)).toBe(true);
    }
    expect(props(base, 'dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.2 Level AA']);
    expect(CONFORMS_TO).toBe('EPUB Accessibility 1.1 - WCAG 2.2 Level AA');
    expect(props(base, 'a11y:certifiedBy')).toEqual(['Daily Example']);
    expect(props(base, 'schema:accessMode')).toEqual(['textual']);
    expect(props(base, 'schema:accessibilityHazard')).toEqual(['none']);
  });

  it('mentions the narration only when there is one', () => {
    expect(accessibilitySummary(base)).not.toMatch(/narration|listen/i);
    const narrated = { ...base, narrated: new Set(['title', 'p1s1']) };
    expect(accessibilitySummary(narrated)).toMatch(/The title and every sentence of the text can also be listened to/);
    expect(props(narrated, 'schema:accessibilityFeature')).toContain('synchronizedAudioText');
    expect(props(narrated, 'schema:accessMode')).toContain('auditory');
  });

  it('describes images truthfully, and drops the conformance claim when an image has no text alternative', () => {
    const described = { ...base, images: 2 };
    expect(accessibilitySummary(described)).toMatch(/All 2 images have a text alternative/);
    expect(props(described, 'schema:accessibilityFeature')).toContain('alternativeText');
    expect(props(described, 'schema:accessModeSufficient')).toEqual(['textual', 'textual,visual']);
    const undescribed = { ...base, images: 1, imagesWithoutAlt: 1 };
    expect(accessibilitySummary(undescribed)).toMatch(/does not meet WCAG 2.2 Level AA: 1 image has no text alternative/);
    expect(props(undescribed, 'dcterms:conformsTo')).toEqual([]);
    expect(props(undescribed, 'schema:accessibilityFeature')).not.toContain('alternativeText');
    expect(props(undescribed, 'schema:accessModeSufficient')).toEqual(['textual,visual']);
    expect(accessibilitySummary({ ...base, linkedImages: 1 })).toMatch(/1 image is not included but linked/);
  });

  it('drops the conformance claim when the article language is unknown (WCAG 3.1.1), saying why', () => {
    const unknown = { ...base, languageKnown: false };
    expect(props(unknown, 'dcterms:conformsTo')).toEqual([]);
    expect(props(unknown, 'a11y:certifiedBy')).toEqual([]);
    expect(accessibilitySummary(unknown)).toMatch(/does not meet WCAG 2.2 Level AA: its language was neither stated nor recognised from the text \(WCAG 3\.1\.1\)/);
    expect(accessibilitySummary({ ...unknown, images: 1, imagesWithoutAlt: 1 })).toMatch(/\(WCAG 3\.1\.1\); 1 image has no text alternative\./);
  });

  it('says so when the narration was to be made but failed', () => {
    expect(accessibilitySummary({ ...base, narrationFailed: true })).toMatch(/audio narration could not be made, so this edition has no synchronised narration/);
    expect(props({ ...base, narrationFailed: true }, 'schema:accessMode')).toEqual(['textual']);
  });
});
