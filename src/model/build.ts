import { UNPAIRED_SURROGATE } from './chars.js';
import { cleanText, collapseWhitespace } from './clean.js';
import { segmentInlines } from './segment.js';
import { inlineText, mapInlineText, mergeAdjacentText, sliceInlines } from './inline.js';
import type { Draft, DraftBlock } from './draft.js';
import { canonicalLang, checkedDate, contentIdentifier } from './metadata.js';
import { titleFromSentence } from './title.js';
import { ARTICLE_CONFIDENCE, ARTICLE_MIN_CHARS, detectLanguage, passageLanguage } from './language.js';
import { sentences } from './walk.js';
import { MODEL_VERSION, type Block, type Document, type Heading, type Inline, type Metadata } from './types.js';

/** Metadata given outside the article (CLI flags, library options); it wins over the article's own. */
export interface MetadataOverrides {
  readonly title?: string;
  readonly lang?: string;
  readonly authors?: readonly string[];
  readonly date?: string;
  readonly source?: string;
  readonly description?: string;
}

/** Assigns ids per kind in document order: `h1`, `p1`, `l1`, `q1`, `f1`. */
class IdCounter {
  private readonly counts = new Map<string, number>();
  next(prefix: string): string {
    const n = (this.counts.get(prefix) ?? 0) + 1;
    this.counts.set(prefix, n);
    return `${prefix}${n}`;
  }
}

/** Inline runs with whitespace collapsed across run boundaries and trimmed at both ends. */
function normaliseInlines(inlines: readonly Inline[]): Inline[] {
  let previousEndedInSpace = true;
  const collapsed = mapInlineText(inlines, (value) => {
    let text = value.replace(/\s+/g, ' ');
    if (previousEndedInSpace && text.startsWith(' ')) text = text.slice(1);
    if (text.length > 0) previousEndedInSpace = text.endsWith(' ');
    return text;
  });
  const text = inlineText(collapsed);
  return mergeAdjacentText(sliceInlines(collapsed, 0, text.trimEnd().length));
}

/**
 * Heading levels as the body should have them: the highest level used becomes
 * 1 and no level is skipped on the way down (a `####` after a `##` becomes 2),
 * so every writer can rely on headings in order.
 */
function headingLevels(blocks: readonly DraftBlock[]): Map<DraftBlock, Heading['level']> {
  const levels = new Map<DraftBlock, Heading['level']>();
  const headings = blocks.filter((b): b is Extract<DraftBlock, { type: 'heading' }> => b.type === 'heading');
  const top = Math.min(...headings.map((h) => h.level));
  let previous = 0;
  for (const heading of headings) {
    const level = Math.min(heading.level - top + 1, previous + 1, 6) as Heading['level'];
    levels.set(heading, level);
    previous = level;
  }
  return levels;
}

function buildBlocks(
  drafts: readonly DraftBlock[],
  lang: string,
  ids: IdCounter,
  levels: Map<DraftBlock, Heading['level']>,
): Block[] {
  const blocks: Block[] = [];
  for (const draft of drafts) {
    switch (draft.type) {
      case 'heading':
      case 'paragraph': {
        const inlines = normaliseInlines(draft.inlines);
        if (inlineText(inlines) === '') break;
        const id = ids.next(draft.type === 'heading' ? 'h' : 'p');
        const passage = draft.type === 'paragraph' ? passageLanguage(inlineText(inlines), lang) : undefined;
        const sentences = segmentInlines(inlines, id, passage ?? lang);
        blocks.push(
          draft.type === 'heading'
            ? { type: 'heading', id, level: levels.get(draft) ?? 1, sentences, ...(draft.inferred ? { inferred: true as const } : {}) }
            : { type: 'paragraph', id, sentences, ...(passage ? { lang: passage } : {}) },
        );
        break;
      }
      case 'list': {
        const id = ids.next('l');
        const items = draft.items
          .map((item, index) => ({ id: `${id}i${index + 1}`, blocks: buildBlocks(item, lang, ids, levels) }))
          .filter((item) => item.blocks.length > 0);
        if (items.length > 0) {
          blocks.push({
            type: 'list',
            id,
            ordered: draft.ordered,
            ...(draft.start !== undefined && draft.ordered ? { start: draft.start } : {}),
            items,
            ...(draft.inferred ? { inferred: true as const } : {}),
          });
        }
        break;
      }
      case 'quote': {
        const id = ids.next('q');
        const inner = buildBlocks(draft.blocks, lang, ids, levels);
        if (inner.length > 0) blocks.push({ type: 'quote', id, blocks: inner });
        break;
      }
      case 'figure':
        blocks.push({
          type: 'figure',
          id: ids.next('f'),
          src: draft.src,
          alt: metadataText(draft.alt),
          ...(draft.title ? { title: metadataText(draft.title) } : {}),
        });
        break;
    }
  }
  return blocks;
}

/** Headings inside lists and quotes are flattened out of the level computation but keep their text. */
function allDraftBlocks(drafts: readonly DraftBlock[]): DraftBlock[] {
  return drafts.flatMap((d) =>
    d.type === 'list' ? [d, ...d.items.flatMap(allDraftBlocks)] : d.type === 'quote' ? [d, ...allDraftBlocks(d.blocks)] : [d],
  );
}

/**
 * A warning for each metadata value that held an unpaired surrogate (only a
 * JSON or YAML escape can make one): it became U+FFFD, the model's one rule
 * for a character no output can carry. The body needs no check: decoded text
 * has none, and Markdown turns a surrogate reference into U+FFFD itself.
 */
function replacedCharacterWarnings(draft: Draft, overrides: MetadataOverrides): string[] {
  const fields: [string, readonly (string | undefined)[]][] = [
    ['title', [overrides.title ?? draft.meta.title]],
    ['author', overrides.authors ?? draft.meta.authors ?? []],
    ['source', [overrides.source ?? draft.meta.source]],
    ['description', [overrides.description ?? draft.meta.description]],
  ];
  return fields.filter(([, values]) => values.some((v) => v !== undefined && UNPAIRED_SURROGATE.test(v))).map(([field]) => `${field}: an unpaired surrogate (a broken \\u escape) was replaced by U+FFFD`);
}


/** A metadata value as every writer may use it: control characters dropped (flags and YAML escapes can carry them), NFC, one line. */
function metadataText(value: string): string {
  return collapseWhitespace(cleanText(value));
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value === undefined ? undefined : metadataText(value);
  return v ? v : undefined;
}

/** The plain text of a draft, block by block, for language detection. */
function draftText(blocks: readonly DraftBlock[]): string {
  return blocks
    .flatMap((b): string[] =>
      b.type === 'heading' || b.type === 'paragraph' ? [inlineText(b.inlines)] : b.type === 'list' ? b.items.map((i) => draftText(i)) : b.type === 'quote' ? [draftText(b.blocks)] : [],
    )
    .join('\n');
}

/** The language used when nothing states one and the text does not tell. */
export const DEFAULT_LANG = 'en';

/** The article's language: stated (flag, then the article's own), else detected from the text when the detector is confident, else the default. */
function articleLanguage(draft: Draft, overrides: MetadataOverrides): Pick<Metadata, 'lang' | 'langSource' | 'langConfidence'> {
  const stated = overrides.lang ?? draft.meta.lang;
  if (stated !== undefined) return { lang: canonicalLang(stated), langSource: 'stated' };
  const text = draftText(draft.blocks);
  const guess = text.length >= ARTICLE_MIN_CHARS ? detectLanguage(text) : undefined;
  if (!guess) return { lang: DEFAULT_LANG, langSource: 'default' };
  return guess.confidence >= ARTICLE_CONFIDENCE ? { lang: canonicalLang(guess.lang), langSource: 'detected', langConfidence: guess.confidence } : { lang: DEFAULT_LANG, langSource: 'default', langConfidence: guess.confidence };
}

/**
 * The document model of a draft: sentences segmented, ids assigned, metadata
 * completed (explicit overrides win, then the article's own, then what the
 * text tells: its language detected, a title derived from the first sentence).
 */
export function buildDocument(draft: Draft, overrides: MetadataOverrides = {}): Document {
  const language = articleLanguage(draft, overrides);
  const { lang } = language;
  const blocks = buildBlocks(draft.blocks, lang, new IdCounter(), headingLevels(allDraftBlocks(draft.blocks)));
  const firstSentence = sentences({ blocks })[0]?.text ?? '';
  const explicitTitle = nonEmpty(overrides.title) ?? nonEmpty(draft.meta.title);
  const date = overrides.date ?? draft.meta.date;
  const authors = (overrides.authors ?? draft.meta.authors ?? []).map(metadataText).filter(Boolean);
  const source = nonEmpty(overrides.source) ?? nonEmpty(draft.meta.source);
  const description = nonEmpty(overrides.description) ?? nonEmpty(draft.meta.description);
  const meta: Metadata = {
    identifier: contentIdentifier(JSON.stringify({ lang, date: date ?? null, blocks })),
    title: explicitTitle ?? titleFromSentence(firstSentence, lang),
    titleDerived: explicitTitle === undefined,
    ...language,
    ...(date !== undefined ? { date: checkedDate(date) } : {}),
    authors,
    ...(source ? { source } : {}),
    ...(description ? { description } : {}),
  };
  return { modelVersion: MODEL_VERSION, meta, blocks, warnings: [...new Set([...draft.warnings, ...replacedCharacterWarnings(draft, overrides)])] };
}
