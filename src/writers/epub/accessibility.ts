/**
 * EPUB Accessibility 1.1 discovery and conformance metadata, derived from
 * what this particular book contains so that every statement is true of it.
 */

/** What the accessibility metadata is stated from. */
export interface AccessibilityFacts {
  /** Images embedded in the book. */
  readonly images: number;
  /** Embedded images that have no text alternative. */
  readonly imagesWithoutAlt: number;
  /** Images on the web, shown as links (EPUB does not allow fetching them). */
  readonly linkedImages: number;
  /** Section headings below the title. */
  readonly sections: number;
  /** Ids of the narrated elements when the book has Media Overlays, else undefined. */
  readonly narrated?: ReadonlySet<string>;
  /** Who states the conformance (`a11y:certifiedBy`). */
  readonly certifiedBy: string;
  /** False when the article's language was neither stated nor recognised from its text (WCAG 3.1.1 cannot be claimed). */
  readonly languageKnown?: boolean;
  /** True when the run was to narrate the book but the audio could not be made. */
  readonly narrationFailed?: boolean;
}

/** One `<meta property>` of the package metadata. */
export interface MetaEntry {
  readonly property: string;
  readonly value: string;
  /** Language of the value when it is prose. */
  readonly lang?: string;
}

/** The exact conformance string EPUB Accessibility 1.1 defines for WCAG 2.2 Level AA. */
export const CONFORMS_TO = 'EPUB Accessibility 1.1 - WCAG 2.2 Level AA';

/** Whether the book can claim WCAG 2.2 AA: its language is known and every embedded image has a text alternative (the rest is by construction). */
export function meetsWcagAA(facts: AccessibilityFacts): boolean {
  return facts.imagesWithoutAlt === 0 && facts.languageKnown !== false;
}

/** Why the book does not meet WCAG 2.2 AA, one clause per reason. */
function failures(facts: AccessibilityFacts): string[] {
  return [
    ...(facts.languageKnown === false ? ['its language was neither stated nor recognised from the text (WCAG 3.1.1)'] : []),
    ...(facts.imagesWithoutAlt > 0 ? [`${plural(facts.imagesWithoutAlt, 'image has', 'images have')} no text alternative`] : []),
  ];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A plain-English summary of the book's accessibility, true of this book. */
export function accessibilitySummary(facts: AccessibilityFacts): string {
  const parts: string[] = [];
  parts.push(
    meetsWcagAA(facts)
      ? 'This publication meets EPUB Accessibility 1.1 and WCAG 2.2 Level AA.'
      : `This publication does not meet WCAG 2.2 Level AA: ${failures(facts).join('; ')}.`,
  );
  parts.push(
    `It is a single reflowable text document in reading order, with a title heading${facts.sections > 0 ? `, ${plural(facts.sections, 'section heading', 'section headings')}` : ''} and a table of contents, and it leaves typeface, text size and colours to the reader's settings.`,
  );
  const described = facts.images - facts.imagesWithoutAlt;
  if (described > 0) parts.push(`${described === facts.images ? (facts.images === 1 ? 'Its image has' : `All ${facts.images} images have`) : `${described} of its ${facts.images} images have`} a text alternative.`);
  if (facts.linkedImages > 0) parts.push(`${plural(facts.linkedImages, 'image is', 'images are')} not included but linked to where ${facts.linkedImages === 1 ? 'it is' : 'they are'} on the web.`);
  if (facts.narrated) {
    const extras = ['title', 'date'].filter((id) => facts.narrated?.has(id));
    const what = extras.length > 0 ? `The ${extras.join(' and ')} and every sentence` : 'Every sentence';
    parts.push(`${what} of the text can also be listened to: an audio narration is synchronised with the text sentence by sentence (EPUB Media Overlays), and the sentence being read is highlighted.`);
  }
  if (facts.narrationFailed) parts.push('Its audio narration could not be made, so this edition has no synchronised narration.');
  parts.push('It contains no flashing, motion or sound hazards.');
  return parts.join(' ');
}

/** The schema.org and conformance metadata for the package document. */
export function accessibilityMetadata(facts: AccessibilityFacts): MetaEntry[] {
  const modes = ['textual', ...(facts.images > 0 ? ['visual'] : []), ...(facts.narrated ? ['auditory'] : [])];
  const sufficient = [...(facts.imagesWithoutAlt === 0 ? ['textual'] : []), ...(facts.images > 0 ? ['textual,visual'] : [])];
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    'ARIA',
    ...(facts.images - facts.imagesWithoutAlt > 0 ? ['alternativeText'] : []),
    ...(facts.narrated ? ['synchronizedAudioText'] : []),
  ];
  const entries: MetaEntry[] = [
    ...modes.map((value) => ({ property: 'schema:accessMode', value })),
    ...sufficient.map((value) => ({ property: 'schema:accessModeSufficient', value })),
    ...features.map((value) => ({ property: 'schema:accessibilityFeature', value })),
    { property: 'schema:accessibilityHazard', value: 'none' },
    { property: 'schema:accessibilitySummary', value: accessibilitySummary(facts), lang: 'en' },
  ];
  if (meetsWcagAA(facts)) {
    entries.push({ property: 'dcterms:conformsTo', value: CONFORMS_TO }, { property: 'a11y:certifiedBy', value: facts.certifiedBy });
  }
  return entries;
}
