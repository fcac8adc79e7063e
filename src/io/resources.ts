import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../model/types.js';
import { figuresOf, sniffImage, type FigureImage } from '../shared/images.js';
import { describeFsError } from './errors.js';
import { FileRefused, readBoundedFile } from './files.js';

/*
 * The one resource resolver. An image `src` is resolved here and nowhere
 * else, for the cache key, the EPUB and the PDF alike. The policy for an
 * image that cannot be used (missing, outside the article's folder, not a
 * regular file, too large, not an image): the article is still made, every
 * format leaves the image out and shows its text alternative in its place,
 * and one warning names the figure, the source and the reason.
 */

/** Bounds on what one article may embed. */
export interface ResourceLimits {
  readonly maxImageBytes: number;
  readonly maxArticleImageBytes: number;
}

export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxImageBytes: 20 * 1024 * 1024, maxArticleImageBytes: 100 * 1024 * 1024 };

/** Where an image source points, before anything is read. */
export type ResolvedSource =
  | { readonly kind: 'local'; readonly candidates: readonly string[] }
  | { readonly kind: 'remote'; readonly url: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * Where `src` points for an article in `articleDir`. A relative path is
 * URL-ish in Markdown (`my%20photo.png` names `my photo.png`), but a file may
 * really be called `50%.png`: both readings are candidates, decoded first.
 */
export function resolveSource(src: string, articleDir: string): ResolvedSource {
  if (/^https?:\/\//i.test(src)) return { kind: 'remote', url: src };
  if (/^file:/i.test(src)) {
    try {
      return { kind: 'local', candidates: [fileURLToPath(src)] };
    } catch {
      return { kind: 'unsupported', reason: 'is not a usable file: URL' };
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return { kind: 'unsupported', reason: 'uses an unsupported URL scheme; give a local file or an http(s) URL' };
  const written = src.replace(/[?#].*$/, '');
  let decoded: string | undefined;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    // Not percent-encoded after all (`50%.png`): only the name as written.
  }
  const names = [...new Set([decoded, written].filter((n): n is string => n !== undefined && n !== ''))];
  return { kind: 'local', candidates: names.map((n) => path.resolve(articleDir, n)) };
}

/** Whether `file` lies inside `root` (both already real paths). */
function inside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

class RefusedResource extends Error {}

/** The bytes of a regular file inside `root`, at most `limit` of them; symlinks are followed only while they stay inside. */
async function readContained(file: string, root: string, limit: number): Promise<Uint8Array> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    throw new RefusedResource((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : describeFsError(error));
  }
  if (!inside(root, real)) throw new RefusedResource("is outside the article's folder");
  // The one bounded read (io/files.ts): regular files only, checked on the descriptor, never a hang on a FIFO.
  try {
    return new Uint8Array(await readBoundedFile(real, limit));
  } catch (error) {
    if (!(error instanceof FileRefused)) throw error;
    throw new RefusedResource(error.code === 'EISDIR' ? 'is not a regular file' : error.message.replace(/^file is too large/, 'is too large'));
  }
}

async function loadLocal(candidates: readonly string[], root: string, limit: number): Promise<FigureImage> {
  let refusal: RefusedResource | undefined;
  for (const file of candidates) {
    let data: Uint8Array;
    try {
      data = await readContained(file, root, limit);
    } catch (error) {
      if (!(error instanceof RefusedResource)) throw error;
      // A later candidate may exist; the first reason other than "not found" is the one to report.
      if (!refusal || refusal.message === 'not found') refusal = error;
      continue;
    }
    const type = sniffImage(data);
    if (type === 'webp') return { kind: 'missing', reason: 'is WebP, which EPUB reading systems need not support; convert it to PNG or JPEG' };
    if (!type) return { kind: 'missing', reason: `is not a PNG, JPEG, GIF or SVG image${data.length === 0 ? ' (the file is empty)' : ''}` };
    return { kind: 'embedded', data, mediaType: type.mediaType, extension: type.extension };
  }
  return { kind: 'missing', reason: refusal?.message ?? 'not found' };
}

export interface LoadedImages {
  readonly images: ReadonlyMap<string, FigureImage>;
  /** One line per image left out, naming the figure and its source. */
  readonly warnings: readonly string[];
}

/**
 * Every figure's image for an article in `articleDir`, read only from inside
 * `root` (the article's folder unless the user named another). The same
 * source used twice is read once.
 */
export async function loadImages(doc: Pick<Document, 'blocks'>, articleDir: string, options: { root?: string; limits?: ResourceLimits } = {}): Promise<LoadedImages> {
  const limits = options.limits ?? DEFAULT_RESOURCE_LIMITS;
  const figures = figuresOf(doc.blocks);
  if (figures.length === 0) return { images: new Map(), warnings: [] };
  const root = await realpath(options.root ?? articleDir).catch(() => path.resolve(options.root ?? articleDir));
  const images = new Map<string, FigureImage>();
  const bySource = new Map<string, FigureImage>();
  const warnings: string[] = [];
  let budget = limits.maxArticleImageBytes;
  for (const figure of figures) {
    let image = bySource.get(figure.src);
    if (!image) {
      const resolved = resolveSource(figure.src, articleDir);
      image =
        resolved.kind === 'remote'
          ? { kind: 'remote', url: resolved.url }
          : resolved.kind === 'unsupported'
            ? { kind: 'missing', reason: resolved.reason }
            : await loadLocal(resolved.candidates, root, Math.min(limits.maxImageBytes, budget));
      if (image.kind === 'embedded') budget -= image.data.length;
      if (image.kind === 'missing') warnings.push(`figure ${figure.id}: image "${figure.src}" left out: ${image.reason}`);
      bySource.set(figure.src, image);
    }
    images.set(figure.id, image);
  }
  return { images, warnings };
}
