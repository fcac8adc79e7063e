/**
 * The document model: the one contract between readers and writers.
 *
 * A reader builds a `Document` once per article; every writer (JSON, SSML,
 * audio, captions, EPUB, PDF) is a function of it and never re-splits text.
 * Everything here is plain, serialisable data: `JSON.parse(JSON.stringify(doc))`
 * is an equal document.
 *
 * Ids are stable and unique within a document. They are assigned in document
 * order per kind (`h1`, `p3`, `l1`, `l1i2`, `q1`, `f1`) and sentence ids extend
 * their block's id (`p3s2`, `h1s1`). The same id names the same text in every
 * output: the SSML `<mark>`, the XHTML `id`, the SMIL `<text src="#...">`, the
 * WebVTT cue id and the PDF structure element's `/ID`.
 */

/** The model's schema version; bump it when the shape changes. */
export const MODEL_VERSION = 2;

export interface Document {
  readonly modelVersion: typeof MODEL_VERSION;
  readonly meta: Metadata;
  readonly blocks: readonly Block[];
  /** Non-fatal problems found while reading (e.g. an image without alt text). */
  readonly warnings: readonly string[];
}

export interface Metadata {
  /** Stable identifier derived from the content: `urn:uuid:` + a hash-based UUID. */
  readonly identifier: string;
  readonly title: string;
  /** True when the article had no title and it was derived from the first sentence. */
  readonly titleDerived: boolean;
  /** BCP 47 language tag, e.g. `en`, `fr-CA`. */
  readonly lang: string;
  /**
   * Where `lang` came from: `stated` by a flag, the front matter or the
   * sidecar; `detected` from the text; `default` when nothing stated it and
   * the detector was not confident enough.
   */
  readonly langSource: 'stated' | 'detected' | 'default';
  /** The detector's confidence (0–1) when the language was detected or detection fell back to the default. */
  readonly langConfidence?: number;
  /** Publication date as `YYYY-MM-DD`, when the article gives one. */
  readonly date?: string;
  readonly authors: readonly string[];
  /** Publisher or outlet. */
  readonly source?: string;
  readonly description?: string;
}

export type Block = Heading | Paragraph | List | Quote | Figure;

/** A section heading. The article title is metadata, not a heading block. */
export interface Heading {
  readonly type: 'heading';
  readonly id: string;
  /** 1 is the highest level inside the article body (the title sits above it). */
  readonly level: 1 | 2 | 3 | 4 | 5 | 6;
  readonly sentences: readonly Sentence[];
  /** True when the reader inferred the heading from the layout of plain text (a short isolated line). */
  readonly inferred?: true;
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly id: string;
  readonly sentences: readonly Sentence[];
  /** BCP 47 tag of a paragraph in another language than the article's (detected); absent when it is in the article's. */
  readonly lang?: string;
}

export interface List {
  readonly type: 'list';
  readonly id: string;
  readonly ordered: boolean;
  /** First number of an ordered list. */
  readonly start?: number;
  readonly items: readonly ListItem[];
  /** True when the reader inferred the list from the layout of plain text (bullets, numbers, a run of short lines). */
  readonly inferred?: true;
}

export interface ListItem {
  readonly id: string;
  readonly blocks: readonly Block[];
}

export interface Quote {
  readonly type: 'quote';
  readonly id: string;
  readonly blocks: readonly Block[];
}

export interface Figure {
  readonly type: 'figure';
  readonly id: string;
  /** Image location as written in the article (relative to the article file, or a URL). */
  readonly src: string;
  /** Text alternative; empty only when the article gave none (a warning is recorded). */
  readonly alt: string;
  readonly title?: string;
}

/** One sentence: the unit of narration, highlighting and captions. */
export interface Sentence {
  readonly id: string;
  /** The sentence's plain text, exactly the concatenation of its inline text. */
  readonly text: string;
  readonly inlines: readonly Inline[];
}

export type Inline = Text | Emphasis | Strong | Link | Code;

export interface Text {
  readonly type: 'text';
  readonly value: string;
}

export interface Emphasis {
  readonly type: 'emphasis';
  readonly children: readonly Inline[];
}

export interface Strong {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}

export interface Link {
  readonly type: 'link';
  readonly url: string;
  readonly title?: string;
  readonly children: readonly Inline[];
}

export interface Code {
  readonly type: 'code';
  readonly value: string;
}

/** A block that directly holds sentences. */
export type TextBlock = Heading | Paragraph;
