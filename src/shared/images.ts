import type { Block, Figure } from '../model/types.js';

/**
 * What a figure shows, as the pipeline's one resource resolver
 * (`io/resources.ts`) found it. Every writer reads this and none reads a
 * file: the EPUB, the PDF and the cache key agree on every image.
 */
export type FigureImage =
  /** A local image inside the article's folder, recognised from its bytes. */
  | { readonly kind: 'embedded'; readonly data: Uint8Array; readonly mediaType: ImageMediaType; readonly extension: string }
  /** An image on the web: linked, never downloaded (the outputs stay reproducible). */
  | { readonly kind: 'remote'; readonly url: string }
  /** An image that could not be used: left out with a warning, its text alternative shown in its place. */
  | { readonly kind: 'missing'; readonly reason: string };

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/svg+xml';

/** Images by figure id. */
export type FigureImages = ReadonlyMap<string, FigureImage>;

/** Every figure in reading order, including those inside lists and quotes. */
export function figuresOf(blocks: readonly Block[]): Figure[] {
  return blocks.flatMap((block): Figure[] => {
    switch (block.type) {
      case 'figure':
        return [block];
      case 'list':
        return block.items.flatMap((item) => figuresOf(item.blocks));
      case 'quote':
        return figuresOf(block.blocks);
      default:
        return [];
    }
  });
}

/** The image media type of `data` from its first bytes (never its name), with the file extension to use. */
export function sniffImage(data: Uint8Array): { mediaType: ImageMediaType; extension: string } | 'webp' | undefined {
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => data[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { mediaType: 'image/png', extension: 'png' };
  if (starts(0xff, 0xd8, 0xff)) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (starts(0x47, 0x49, 0x46, 0x38)) return { mediaType: 'image/gif', extension: 'gif' };
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...data.subarray(8, 12)) === 'WEBP') return 'webp';
  const head = new TextDecoder().decode(data.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if ((head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!--')) && /<svg[\s>]/.test(head)) {
    return { mediaType: 'image/svg+xml', extension: 'svg' };
  }
  return undefined;
}
