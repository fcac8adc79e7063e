import path from 'node:path';
import type { MetadataOverrides } from '../model/build.js';
import type { DraftMetadata } from '../model/draft.js';
import type { Document } from '../model/types.js';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../readers/decode.js';
import { parseWith } from '../readers/parse.js';
import { readerEntryForFile } from '../readers/registry.js';
import type { ReaderOptions } from '../readers/types.js';
import { readSidecar } from '../readers/sidecar.js';
import { ArticleError } from '../shared/errors.js';
import { FileRefused, readBoundedFile } from './files.js';

/** Metadata is a few hundred bytes; a larger sidecar is not one. */
export const MAX_SIDECAR_BYTES = 256 * 1024;

/** Probe results that mean "there is no sidecar" (a name too long for one, a path through a file). */
const NO_SIDECAR = new Set(['ENOENT', 'ENAMETOOLONG', 'ENOTDIR']);

/** The sidecar metadata `<name>.json` next to an article whose reader takes one, if there is one. */
async function sidecarOf(file: string): Promise<DraftMetadata | undefined> {
  if (!readerEntryForFile(file).sidecar) return undefined;
  const sidecarPath = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.json`);
  let json: string;
  try {
    json = (await readBoundedFile(sidecarPath, MAX_SIDECAR_BYTES)).toString('utf8');
  } catch (error) {
    if (error instanceof FileRefused && error.code !== undefined && NO_SIDECAR.has(error.code)) return undefined;
    throw new ArticleError(sidecarPath, error instanceof Error ? error.message : String(error));
  }
  try {
    return readSidecar(json);
  } catch (error) {
    throw new ArticleError(sidecarPath, error instanceof Error ? error.message : String(error));
  }
}

/** The raw bytes of an article file: a regular file of at most MAX_ARTICLE_BYTES, refused before reading otherwise. */
export async function readArticleBytes(file: string): Promise<Buffer> {
  try {
    return await readBoundedFile(file, MAX_ARTICLE_BYTES);
  } catch (error) {
    throw new ArticleError(file, error instanceof Error ? error.message : String(error));
  }
}

/** Reads one article file (and its sidecar metadata) into the document model. */
export async function readArticle(file: string, overrides: MetadataOverrides = {}, reader: ReaderOptions = {}): Promise<Document> {
  const text = decodeArticle(await readArticleBytes(file), file);
  const sidecar = await sidecarOf(file);
  // Only this article's reader is loaded (a plain-text article never loads the Markdown parser).
  const read = await readerEntryForFile(file).load();
  return parseWith(read, text, { file, overrides, reader, ...(sidecar ? { sidecar } : {}) });
}
