import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MetadataOverrides } from '../model/build.js';
import type { Document } from '../model/types.js';
import type { ReaderOptions } from '../readers/types.js';
import type { FigureImages } from '../shared/images.js';
import { VERSION } from '../shared/version.js';
import type { WriterOptions } from '../writers/index.js';

/** Everything that decides an article's outputs besides the article itself. */
export interface ArticleOptions {
  readonly formats: readonly string[];
  readonly overrides: MetadataOverrides;
  readonly writer: WriterOptions;
  /** Reader options (structure inference); absent means the defaults. */
  readonly reader?: ReaderOptions;
}

/** Records what the outputs in a folder were built from, so unchanged articles are not rebuilt. */
export const MANIFEST = '.voxpress.json';

export interface Manifest {
  readonly key: string;
  readonly outputs: readonly string[];
}

/**
 * A hash of everything the outputs depend on: tool version, document,
 * options (formats in a fixed order: asking for `pdf,json` or `json,pdf` is
 * the same run) and each figure's image as the resolver loaded it.
 */
export function buildKey(doc: Document, options: ArticleOptions, images: FigureImages): string {
  const canonical = { ...options, formats: [...new Set(options.formats)].sort() };
  const hash = createHash('sha256').update(JSON.stringify({ version: VERSION, doc, options: canonical }));
  for (const [id, image] of [...images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`\0${id}\0${image.kind}\0`);
    if (image.kind === 'embedded') hash.update(image.data);
    else hash.update(image.kind === 'remote' ? image.url : image.reason);
  }
  return hash.digest('hex');
}

/** The outputs recorded in `outDir`'s manifest when it was built with `key` and all of them are still there. */
export async function reusableOutputs(outDir: string, key: string): Promise<readonly string[] | undefined> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.key !== key || !Array.isArray(manifest.outputs)) return undefined;
  for (const name of manifest.outputs) {
    try {
      await stat(path.join(outDir, name));
    } catch {
      return undefined;
    }
  }
  return manifest.outputs;
}
