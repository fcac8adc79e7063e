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
export { buildEpub, bookInstant, type EpubBuildOptions, type EpubOptions } from './writers/epub/index.js';
export { processArticle, renderDocument, type ArticleOptions, type ArticleResult, type ArticleTask } from './pipeline.js';
export { runBatch, expandInputs, type BatchOptions, type BatchSummary } from './batch.js';
export { spokenUnits, type ScriptOptions } from './speech/script.js';
export type { SpokenUnit } from './speech/types.js';
export { parseLexicon, readLexicon, LexiconError, type Lexicon, type LexiconEntry } from './speech/lexicon.js';
export { normaliserFor, type Normaliser, type Expansion } from './speech/normalise/index.js';
export { ssmlFiles } from './speech/ssml/writer.js';
export { PROFILE_NAMES, PROFILES, type Profile, type ProfileName } from './speech/ssml/profiles.js';
export { ssmlProblems, assertValidSsml, SsmlValidationError, type SsmlProblem } from './speech/validate.js';
export { VERSION } from './version.js';
export { narrationOf, synthesisOf, synthesize, encodeNarration, chaptersOf, type Synthesis, type TimedNarration, type UnitSpan } from './speech/narration.js';
export { engineFor, ENGINE_NAMES, SpeechError, type Engine, type EngineName, type Pcm, type SpeakableUnit, type SpeechOptions, type VoiceRequest } from './speech/engines/index.js';
export { espeakVoices, voiceForLang } from './speech/engines/espeak.js';
export { speakAloud } from './speech/engines/say.js';
export { parseWav, writeWav } from './speech/audio/wav.js';
export { encodeMp3, mp3Layout, MP3_DECODER_DELAY_SAMPLES } from './speech/audio/mp3.js';
export { readTags, type Chapter } from './speech/audio/id3.js';
export { renderVtt } from './writers/vtt.js';
export { timingJson } from './writers/audio.js';
export { renderPdf, pdfWriter, PAPERS, MissingGlyphError, type PdfOptions, type Paper } from './writers/pdf/index.js';
