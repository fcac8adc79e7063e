import type { Document, Inline, TextBlock } from '../../model/types.js';
import { textBlocks } from '../../model/walk.js';
import { displayDate } from '../../shared/dates.js';
import type { Lexicon } from '../lexicon.js';
import { normaliserFor, type Normaliser } from '../normalise/index.js';
import { lexiconMatcher, readingsOf, type Reading } from './readings.js';

/*
 * The narration as a list of blocks (title, date, headings, paragraphs), each
 * with its sentences and how to read them. It does not depend on the profile:
 * the SSML of every profile, and the spoken units, are rendered from it.
 */

/**
 * Silences in milliseconds: after the title and date, between sentences and
 * paragraphs, around headings. They are exactly what is heard: the narration
 * cuts each engine's own silence around a unit before inserting them.
 *
 * Chosen for news read aloud at ~175 words a minute, after how broadcast
 * readers pace a bulletin: a full stop is a breath (~0.4 s), a new paragraph a
 * turn of thought (~0.75 s, clearly longer, so the listener hears the
 * structure), a new section or the move from headline to story a beat longer
 * still (~1 s). Inside a sentence, commas keep the engine's own short pauses.
 */
export const PAUSES = {
  afterTitle: 1000,
  afterDate: 750,
  betweenSentences: 400,
  betweenParagraphs: 750,
  beforeHeading: 1000,
  afterHeading: 650,
} as const;

export interface ScriptSentence {
  /** `title`, `date`, or the model's sentence id. */
  readonly id: string;
  readonly text: string;
  readonly inlines: readonly Inline[];
  readonly readings: readonly Reading[];
}

export interface ScriptBlock {
  readonly kind: 'title' | 'date' | 'heading' | 'paragraph';
  /** The block's language when it differs from the script's (a passage in another language). */
  readonly lang?: string;
  readonly sentences: readonly ScriptSentence[];
  /** Silence after the block (0 after the last). */
  readonly pauseAfterMs: number;
}

export interface NarrationScript {
  readonly lang: string;
  readonly blocks: readonly ScriptBlock[];
}

/** The parts of the script options the script model reads. */
export interface ScriptModelOptions {
  readonly lexicons?: readonly Lexicon[];
}

function blockPause(kind: ScriptBlock['kind'], next: ScriptBlock['kind'] | undefined): number {
  if (next === undefined) return 0;
  const after = kind === 'title' ? PAUSES.afterTitle : kind === 'date' ? PAUSES.afterDate : kind === 'heading' ? PAUSES.afterHeading : PAUSES.betweenParagraphs;
  return next === 'heading' ? Math.max(after, PAUSES.beforeHeading) : after;
}

/*
 * The SSML writer and the audio (through spokenUnits) both need the script of
 * the same document: it is built once per document object and lexicon set.
 * Documents are immutable data, so the cache cannot go stale.
 */
const scripts = new WeakMap<Document, { lexicons: readonly Lexicon[] | undefined; script: NarrationScript }>();

/** The narration script of a document: title, date, then every heading and paragraph in reading order. */
export function narrationScript(doc: Document, options: ScriptModelOptions = {}): NarrationScript {
  const cached = scripts.get(doc);
  if (cached && cached.lexicons === options.lexicons) return cached.script;
  const script = buildScript(doc, options);
  scripts.set(doc, { lexicons: options.lexicons, script });
  return script;
}

/** Letters and digits only, lower case: what a listener would hear as the same words. */
function heard(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Whether the title is read as its own unit. A title derived from the first
 * sentence is not when the narration opens with the same words: no listener
 * hears the opening twice.
 */
export function titleIsNarrated(doc: Document): boolean {
  if (doc.meta.title.trim() === '') return false;
  if (!doc.meta.titleDerived) return true;
  const first = textBlocks(doc)[0]?.sentences[0]?.text ?? '';
  return !heard(first).startsWith(heard(doc.meta.title));
}

/** The reading rules of the article's language, settled by all of its sentences in that language (`Normaliser.forArticle`). */
function articleNormaliser(doc: Document): Normaliser {
  const normaliser = normaliserFor(doc.meta.lang);
  if (!normaliser.forArticle) return normaliser;
  const texts = [doc.meta.title];
  for (const block of textBlocks(doc) as TextBlock[]) if (!passageLang(block)) texts.push(...block.sentences.map((s) => s.text));
  return normaliser.forArticle(texts);
}

/** The language of a passage in another language than the article's: read with that language's rules (and lexicons). */
function passageLang(block: TextBlock): string | undefined {
  return block.type === 'paragraph' ? block.lang : undefined;
}

function buildScript(doc: Document, options: ScriptModelOptions): NarrationScript {
  const lang = doc.meta.lang;
  const normaliser = articleNormaliser(doc);
  const lexicon = lexiconMatcher(options.lexicons ?? [], lang);
  const plain = (id: string, text: string): ScriptSentence => ({ id, text, inlines: [{ type: 'text', value: text }], readings: readingsOf(text, normaliser, lexicon) });

  const drafts: { kind: ScriptBlock['kind']; sentences: ScriptSentence[]; lang?: string }[] = [];
  if (titleIsNarrated(doc)) drafts.push({ kind: 'title', sentences: [plain('title', doc.meta.title)] });
  if (doc.meta.date) {
    // Written as the page shows it ("17 juin 2017", not "2017-06-17"): captions and timing.json show the unit's text.
    const shown = displayDate(doc.meta.date, lang);
    const spoken = normaliser.spokenDate(doc.meta.date);
    const readings: Reading[] = spoken !== shown ? [{ start: 0, end: shown.length, spoken }] : [];
    drafts.push({ kind: 'date', sentences: [{ id: 'date', text: shown, inlines: [{ type: 'text', value: shown }], readings }] });
  }
  for (const block of textBlocks(doc) as TextBlock[]) {
    const passage = passageLang(block);
    const rules = passage ? normaliserFor(passage) : normaliser;
    const words = passage ? lexiconMatcher(options.lexicons ?? [], passage) : lexicon;
    const sentences = block.sentences
      .filter((s) => s.text.trim() !== '')
      .map((s) => ({ id: s.id, text: s.text, inlines: s.inlines, readings: readingsOf(s.text, rules, words) }));
    if (sentences.length > 0) drafts.push({ kind: block.type, sentences, ...(passage ? { lang: passage } : {}) });
  }
  return {
    lang,
    blocks: drafts.map((d, i) => ({ ...d, pauseAfterMs: blockPause(d.kind, drafts[i + 1]?.kind) })),
  };
}

/**
 * The ids of the narrated units, in reading order (`title`, `date`, sentence
 * ids): the one list that the SSML marks, timing.json's units, the WebVTT cues
 * and the EPUB's SMIL pars all hold, which `voxpress verify` checks them against.
 */
export function spokenIds(doc: Document): string[] {
  return narrationScript(doc).blocks.flatMap((block) => block.sentences.map((s) => s.id));
}
