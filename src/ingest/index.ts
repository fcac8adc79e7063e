import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildDocument, type MetadataOverrides } from '../model/build.js';
import type { Draft } from '../model/draft.js';
import { MetadataError } from '../model/metadata.js';
import type { Document } from '../model/types.js';
import { sentences } from '../model/walk.js';
import { decodeArticle, MAX_ARTICLE_BYTES } from './decode.js';
import { ArticleError } from './errors.js';
import { MarkdownError, readMarkdown } from './markdown.js';
import { readSidecar, SidecarError } from './sidecar.js';
import { readText } from './text.js';

export type InputFormat = 'text' | 'markdown';

/** File extensions picked up when a folder is given, and the reader each one uses. */
export const ARTICLE_EXTENSIONS: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
};

/** The reader for a file name; anything not Markdown is read as the plain-text format. */
export function formatOf(file: string): InputFormat {
  return ARTICLE_EXTENSIONS[path.extname(file).toLowerCase()] ?? 'text';
}

/** The draft of an article's text in the given format. */
export function readDraft(text: string, format: InputFormat): Draft {
  return format === 'markdown' ? readMarkdown(text) : readText(text);
}

/**
 * The document of an article's text. `file` names the article in errors.
 * Throws an ArticleError with a one-line reason for anything wrong with the input.
 */
export function parseArticle(text: string, options: { file?: string; format?: InputFormat; sidecar?: Draft['meta']; overrides?: MetadataOverrides } = {}): Document {
  const file = options.file ?? '<input>';
  let document: Document;
  try {
    const draft = readDraft(text, options.format ?? (options.file ? formatOf(options.file) : 'text'));
    const withSidecar: Draft = options.sidecar ? { ...draft, meta: { ...draft.meta, ...options.sidecar } } : draft;
    document = buildDocument(withSidecar, options.overrides);
  } catch (error) {
    if (error instanceof MetadataError || error instanceof MarkdownError || error instanceof SidecarError) {
      throw new ArticleError(file, error.message);
    }
    throw error;
  }
  if (sentences(document).length === 0) throw new ArticleError(file, 'no text to read (only markup or whitespace)');
  return document;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The sidecar metadata `<name>.json` next to a plain-text article, if there is one. */
async function sidecarOf(file: string): Promise<Draft['meta'] | undefined> {
  if (formatOf(file) !== 'text') return undefined;
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
export async function readArticle(file: string, overrides: MetadataOverrides = {}): Promise<Document> {
  const text = decodeArticle(await readArticleBytes(file), file);
  const sidecar = await sidecarOf(file);
  return parseArticle(text, { file, format: formatOf(file), overrides, ...(sidecar ? { sidecar } : {}) });
}
