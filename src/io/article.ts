import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MetadataOverrides } from '../model/build.js';
import type { DraftMetadata } from '../model/draft.js';
import type { Document } from '../model/types.js';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../readers/decode.js';
import { parseArticle, readerForFile, type ReaderOptions } from '../readers/index.js';
import { readSidecar } from '../readers/sidecar.js';
import { ArticleError } from '../shared/errors.js';
import { describeFsError } from './errors.js';

/** The sidecar metadata `<name>.json` next to an article whose reader takes one, if there is one. */
async function sidecarOf(file: string): Promise<DraftMetadata | undefined> {
  if (!readerForFile(file).sidecar) return undefined;
  const sidecarPath = path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.json`);
  let json: string;
  try {
    json = await readFile(sidecarPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ArticleError(sidecarPath, describeFsError(error));
  }
  try {
    return readSidecar(json);
  } catch (error) {
    throw new ArticleError(sidecarPath, error instanceof Error ? error.message : String(error));
  }
}

/** The raw bytes of an article file, refusing folders and oversized files before reading them. */
export async function readArticleBytes(file: string): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ArticleError(file, 'is a folder, not a file');
    if (info.size > MAX_ARTICLE_BYTES) {
      throw new ArticleError(file, `file is too large (${info.size} bytes; the limit is ${MAX_ARTICLE_BYTES})`);
    }
    return await readFile(file);
  } catch (error) {
    if (error instanceof ArticleError) throw error;
    throw new ArticleError(file, describeFsError(error));
  }
}

/** Reads one article file (and its sidecar metadata) into the document model. */
export async function readArticle(file: string, overrides: MetadataOverrides = {}, reader: ReaderOptions = {}): Promise<Document> {
  const text = decodeArticle(await readArticleBytes(file), file);
  const sidecar = await sidecarOf(file);
  return parseArticle(text, { file, overrides, reader, ...(sidecar ? { sidecar } : {}) });
}
