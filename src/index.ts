/**
 * voxpress as a library: read an article into the document model, then render
 * the model with any of the registered writers. Everything else is internal.
 *
 *   import { readArticle, renderDocument } from 'voxpress';
 *   const doc = await readArticle('input/story.txt');
 *   const files = await renderDocument(doc, ['json', 'ssml']);
 */
export type * from './model/types.js';
export { MODEL_VERSION } from './model/types.js';
export type { Draft, DraftBlock, DraftMetadata } from './model/draft.js';
export { buildDocument, type MetadataOverrides } from './model/build.js';
export { documentProblems } from './model/validate.js';
export { ArticleError } from './shared/errors.js';
export type { FigureImage, FigureImages } from './shared/images.js';
export { VERSION } from './shared/version.js';
export { READERS, parseArticle, formatOf, type InputFormat, type ParseOptions, type Reader } from './readers/index.js';
export { ENGINES, engineFor, SpeechError, type Engine, type EngineEntry, type EngineCapabilities, type SpeechOptions } from './speech/engines/index.js';
export type { SpokenUnit } from './speech/types.js';
export { parseLexicon, LexiconError, type Lexicon } from './speech/lexicon.js';
export { WRITERS, FORMATS, DEFAULT_FORMATS, writerFor, type OutputFile, type Writer, type WriterContext, type WriterOptions, type EpubOptions, type PdfOptions, type Paper, type ResourceNeed } from './writers/index.js';
export { renderDocument, WriterError, type RenderResources } from './pipeline/render.js';
export { processArticle, type ArticleOptions, type ArticleResult, type ArticleTask } from './pipeline/article.js';
export { runBatch, expandInputs, type BatchOptions, type BatchSummary } from './pipeline/batch.js';
export { readArticle } from './io/article.js';
export { readLexicon } from './io/lexicon.js';
export { loadImages, type LoadedImages } from './io/resources.js';
export { main } from './cli/main.js';
