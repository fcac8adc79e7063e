/**
 * voxpress as a library: read an article into the document model, then hand
 * the model to any writer.
 *
 *   import { readArticle, renderDocument } from 'voxpress';
 *   const doc = await readArticle('input/story.txt');
 *   const files = await renderDocument(doc, ['json']);
 */
export type * from './model/types.js';
export { MODEL_VERSION } from './model/types.js';
export type { Draft, DraftBlock, DraftMetadata } from './model/draft.js';
export { buildDocument, type MetadataOverrides } from './model/build.js';
export { inlineText } from './model/inline.js';
export { sentences, textBlocks, allIds } from './model/walk.js';
export { readArticle, parseArticle, readDraft, formatOf, type InputFormat } from './ingest/index.js';
export { readText } from './ingest/text.js';
export { readMarkdown } from './ingest/markdown.js';
export { ArticleError } from './ingest/errors.js';
export { splitSentences } from './text/sentences.js';
export { WRITERS, FORMATS, writerFor, type OutputFile, type Writer, type WriterContext, type WriterOptions } from './writers/index.js';
export { processArticle, renderDocument, type ArticleOptions, type ArticleResult, type ArticleTask } from './pipeline.js';
export { runBatch, expandInputs, type BatchOptions, type BatchSummary } from './batch.js';
export { VERSION } from './version.js';
export { renderPdf, pdfWriter, PAPERS, MissingGlyphError, type PdfOptions, type Paper } from './writers/pdf/index.js';
