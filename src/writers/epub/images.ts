import type { Document } from '../../model/types.js';
import { figuresOf, type FigureImage, type FigureImages } from '../../shared/images.js';

/** An image file that goes inside the book. */
export interface EmbeddedImage {
  /** Path inside the package folder, e.g. `images/f1.png`. */
  readonly href: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

/** What a figure shows in the book: an embedded file, a link to the web, or (image left out) its text alternative. */
export type BookImage = { readonly kind: 'embedded'; readonly image: EmbeddedImage } | Exclude<FigureImage, { kind: 'embedded' }>;

/**
 * The book's image for every figure. An image used by several figures is one
 * file, named after the first figure that shows it.
 */
export function bookImages(doc: Pick<Document, 'blocks'>, images: FigureImages): Map<string, BookImage> {
  const byFigure = new Map<string, BookImage>();
  const bySource = new Map<FigureImage, BookImage>();
  for (const figure of figuresOf(doc.blocks)) {
    const image: FigureImage = images.get(figure.id) ?? { kind: 'missing', reason: 'not loaded' };
    let book = bySource.get(image);
    if (!book) {
      book = image.kind === 'embedded' ? { kind: 'embedded', image: { href: `images/${figure.id}.${image.extension}`, mediaType: image.mediaType, data: image.data } } : image;
      bySource.set(image, book);
    }
    byFigure.set(figure.id, book);
  }
  return byFigure;
}
