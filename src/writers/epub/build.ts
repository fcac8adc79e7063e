import type { Document } from '../../model/types.js';
import { sentences } from '../../model/walk.js';
import type { Narration } from '../../speech/types.js';
import type { WriterOptions } from '../options.js';
import { accessibilityMetadata, type AccessibilityFacts, type MetaEntry } from './accessibility.js';
import { ACTIVE_CLASS, stylesheet } from './css.js';
import { GENERATOR_NAMES, generateContainer, type PackageFile } from './generator.js';
import { figuresOf, type FigureImages } from '../../shared/images.js';
import { bookImages, type BookImage, type EmbeddedImage } from './images.js';
import { navDocument, ncxDocument } from './nav.js';
import { AUDIO_HREF, clockValue, overlayDocument, overlayPars, OVERLAY_HREF } from './overlay.js';
import { packageDocument, type ManifestItem } from './package.js';
import { joinBytes } from '../../shared/bytes.js';
import { isoSeconds, outputInstant } from '../../shared/dates.js';
import { CONTENT_HREF, contentDocument, figureAlt } from './xhtml.js';
import { deterministicZip } from './zip.js';

export const DEFAULT_CERTIFIER = 'voxpress';
export const DEFAULT_NARRATOR = 'voxpress synthetic speech';

function imageFacts(doc: Document, images: ReadonlyMap<string, BookImage>): Pick<AccessibilityFacts, 'images' | 'imagesWithoutAlt' | 'linkedImages'> {
  let embedded = 0;
  let withoutAlt = 0;
  let linked = 0;
  for (const figure of figuresOf(doc.blocks)) {
    const kind = images.get(figure.id)?.kind;
    if (kind === 'remote') linked++;
    else if (kind === 'embedded') {
      embedded++;
      if (figureAlt(figure) === '') withoutAlt++;
    }
  }
  return { images: embedded, imagesWithoutAlt: withoutAlt, linkedImages: linked };
}

/** The embedded image files, each once, by name. */
function embeddedImages(images: ReadonlyMap<string, BookImage>): EmbeddedImage[] {
  const byHref = new Map<string, EmbeddedImage>();
  for (const image of images.values()) if (image.kind === 'embedded') byHref.set(image.image.href, image.image);
  return [...byHref.values()].sort((a, b) => (a.href < b.href ? -1 : 1));
}

/** The EPUB of `buildEpub` in one array of bytes, for callers that want it whole. */
export async function buildEpub(...args: Parameters<typeof epubParts>): Promise<Uint8Array> {
  return joinBytes(await epubParts(...args));
}

/**
 * The article as an accessible EPUB 3 (EPUB Accessibility 1.1, WCAG 2.2 AA),
 * with Media Overlays when a narration is given, as the zip's parts in order
 * (the narration's bytes not copied). Deterministic: the same document,
 * options and narration give the same bytes.
 */
export async function epubParts(doc: Document, options: Pick<WriterOptions, 'epub' | 'sourceDateEpoch'> = {}, figureImages: FigureImages = new Map(), narrated?: Narration | 'failed'): Promise<Uint8Array[]> {
  const narration = narrated === 'failed' ? undefined : narrated;
  const images = bookImages(doc, figureImages);
  const content = contentDocument(doc, images);
  const pars = narration ? overlayPars(narration, content.ids, sentences(doc).map((s) => s.id)) : undefined;
  const instant = outputInstant(doc, options.sourceDateEpoch);

  const facts: AccessibilityFacts = {
    ...imageFacts(doc, images),
    sections: content.sections.length,
    ...(pars ? { narrated: new Set(pars.map((p) => p.id)) } : {}),
    certifiedBy: options.epub?.certifiedBy?.trim() || doc.meta.source?.trim() || DEFAULT_CERTIFIER,
    languageKnown: doc.meta.langSource !== 'default',
    ...(narrated === 'failed' ? { narrationFailed: true } : {}),
  };
  const entries: MetaEntry[] = accessibilityMetadata(facts);
  const imageFiles = embeddedImages(images);
  const manifest: ManifestItem[] = [
    { id: 'nav', href: GENERATOR_NAMES.nav, mediaType: 'application/xhtml+xml', properties: 'nav' },
    { id: 'ncx', href: GENERATOR_NAMES.ncx, mediaType: 'application/x-dtbncx+xml' },
    { id: 'css', href: GENERATOR_NAMES.css, mediaType: 'text/css' },
    { id: 'content', href: CONTENT_HREF, mediaType: 'application/xhtml+xml', ...(pars ? { mediaOverlay: 'content-overlay' } : {}) },
    ...imageFiles.map((image, i) => ({ id: `image-${i + 1}`, href: image.href, mediaType: image.mediaType })),
  ];
  const resources: PackageFile[] = imageFiles.map((image) => ({ path: image.href, data: image.data }));
  const refinedEntries: (MetaEntry & { refines: string })[] = [];
  if (narration && pars) {
    const duration = clockValue(pars[pars.length - 1]?.endMs ?? 0);
    manifest.push(
      { id: 'content-overlay', href: OVERLAY_HREF, mediaType: 'application/smil+xml' },
      { id: 'narration', href: AUDIO_HREF, mediaType: 'audio/mpeg' },
    );
    entries.push(
      { property: 'media:duration', value: duration },
      { property: 'media:narrator', value: options.epub?.narrator?.trim() || DEFAULT_NARRATOR },
      { property: 'media:active-class', value: ACTIVE_CLASS },
    );
    refinedEntries.push({ property: 'media:duration', refines: 'content-overlay', value: duration });
    resources.push({ path: OVERLAY_HREF, data: overlayDocument(pars) }, { path: AUDIO_HREF, data: narration.mp3 });
  }

  const files = await generateContainer({
    title: doc.meta.title,
    lang: doc.meta.lang,
    authors: doc.meta.authors,
    ...(doc.meta.source ? { publisher: doc.meta.source } : {}),
    date: isoSeconds(instant),
    css: stylesheet(pars !== undefined),
    contentHref: CONTENT_HREF,
    contentXhtml: content.xhtml,
    packageDocument: packageDocument({ meta: doc.meta, modified: instant, entries, refinedEntries, manifest, spine: ['content'], ncxId: 'ncx' }),
    navDocument: navDocument(doc.meta, content.sections),
    ncxDocument: ncxDocument(doc.meta, content.sections),
    resources,
  });
  return deterministicZip(files, instant);
}
