import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block, Document, Figure } from '../../model/types.js';

/** An image file that goes inside the book. */
export interface EmbeddedImage {
  /** Path inside the package folder, e.g. `images/f1.png`. */
  readonly href: string;
  readonly mediaType: string;
  readonly data: Uint8Array;
}

/**
 * What a figure shows: an embedded image, or (for an image on the web, which
 * EPUB does not allow to be fetched at reading time and which we do not
 * download, so the book stays reproducible) a link to it.
 */
export type FigureImage = { readonly kind: 'embedded'; readonly image: EmbeddedImage } | { readonly kind: 'remote'; readonly url: string };

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
export function sniffImage(data: Uint8Array): { mediaType: string; extension: string } | 'webp' | undefined {
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

/** Whether `src` names a resource on the web rather than a local file. */
function isRemote(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

function localPath(src: string, resourceDir: string): string {
  if (/^file:/i.test(src)) return fileURLToPath(src);
  // Markdown image paths are URL-ish: `my%20photo.png` names `my photo.png`.
  let decoded = src;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  return path.resolve(resourceDir, decoded.replace(/[?#].*$/, ''));
}

/**
 * Loads every figure's image. A local image that is missing or not a
 * PNG/JPEG/GIF/SVG is an error naming the figure and the file: a book must
 * never ship an empty or mistyped image. The same source used twice is
 * embedded once.
 */
export async function loadFigureImages(doc: Pick<Document, 'blocks'>, resourceDir = '.'): Promise<Map<string, FigureImage>> {
  const byFigure = new Map<string, FigureImage>();
  const bySource = new Map<string, FigureImage>();
  for (const figure of figuresOf(doc.blocks)) {
    const known = bySource.get(figure.src);
    if (known) {
      byFigure.set(figure.id, known);
      continue;
    }
    let image: FigureImage;
    if (isRemote(figure.src)) {
      image = { kind: 'remote', url: figure.src };
    } else if (/^[a-z][a-z0-9+.-]*:/i.test(figure.src) && !/^file:/i.test(figure.src)) {
      throw new Error(`figure ${figure.id}: image "${figure.src}" uses an unsupported URL scheme; give a local file or an http(s) URL`);
    } else {
      const file = localPath(figure.src, resourceDir);
      let data: Uint8Array;
      try {
        data = new Uint8Array(await readFile(file));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
        throw new Error(`figure ${figure.id}: image "${figure.src}" ${reason} (${file})`);
      }
      const type = sniffImage(data);
      if (type === 'webp') throw new Error(`figure ${figure.id}: image "${figure.src}" is WebP, which EPUB 3.2 reading systems need not support; convert it to PNG or JPEG`);
      if (!type) throw new Error(`figure ${figure.id}: "${figure.src}" is not a PNG, JPEG, GIF or SVG image${data.length === 0 ? ' (the file is empty)' : ''}`);
      image = { kind: 'embedded', image: { href: `images/${figure.id}.${type.extension}`, mediaType: type.mediaType, data } };
    }
    bySource.set(figure.src, image);
    byFigure.set(figure.id, image);
  }
  return byFigure;
}
