import { buildDocument, type MetadataOverrides } from '../model/build.js';
import type { Draft, DraftMetadata } from '../model/draft.js';
import { MetadataError } from '../model/metadata.js';
import type { Document } from '../model/types.js';
import { sentences } from '../model/walk.js';
import { ArticleError } from '../shared/errors.js';
import type { InputFormat } from './registry.js';
import { ReaderError, type Read, type ReaderOptions } from './types.js';

export interface ParseOptions {
  /** Names the article in errors (and picks the reader when `format` is not given). */
  readonly file?: string;
  readonly format?: InputFormat;
  /** Metadata from a sidecar file, over the article's own. */
  readonly sidecar?: DraftMetadata;
  readonly overrides?: MetadataOverrides;
  readonly reader?: ReaderOptions;
}

/**
 * The document of an article's text read by `read`. Throws an ArticleError
 * with a one-line reason for anything wrong with the input.
 */
export function parseWith(read: Read, text: string, options: ParseOptions = {}): Document {
  const file = options.file ?? '<input>';
  let document: Document;
  try {
    const draft = read(text, options.reader);
    const withSidecar: Draft = options.sidecar ? { ...draft, meta: { ...draft.meta, ...options.sidecar } } : draft;
    document = buildDocument(withSidecar, options.overrides);
  } catch (error) {
    if (error instanceof MetadataError || error instanceof ReaderError) throw new ArticleError(file, error.message);
    throw error;
  }
  if (sentences(document).length === 0) throw new ArticleError(file, 'no text to read (only markup or whitespace)');
  return document;
}
