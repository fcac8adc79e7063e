/**
 * Speech normalisation: how written text is said. The written text is never
 * changed; a normaliser only finds spans of it (a number, a date, an
 * abbreviation) and gives each its spoken words, which the SSML writer emits
 * as `<sub alias="spoken">written</sub>`.
 */

/** One written span of a text and the words to say for it. */
export interface Expansion {
  /** UTF-16 offsets into the text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** The words an engine says instead of the written span. */
  readonly spoken: string;
}

/** The reading rules of one language. */
export interface Normaliser {
  /** Primary language subtag this normaliser reads (`en`, `fr`, `es`), or `und` for none. */
  readonly lang: string;
  /** Non-overlapping expansions of `text`, in text order. */
  expansions(text: string): Expansion[];
  /** The spoken form of a `YYYY-MM-DD` date, as a newsreader would announce it. */
  spokenDate(isoDate: string): string;
  /**
   * The normaliser for one article whose sentences are `texts`, where a form
   * that can be read two ways is read the way the article settles it (English:
   * "1.0" is a version in every sentence once one sentence makes it one).
   * Absent: every sentence is read on its own.
   */
  forArticle?(texts: readonly string[]): Normaliser;
}

/**
 * One reading rule: a pattern (global, Unicode) and the words for a match, or
 * undefined when the match should be left alone after all.
 */
export interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  /** A cheap test (no lookbehind) that the text may hold a match at all; most sentences skip most rules on it. */
  readonly hint?: RegExp;
  speak(match: RegExpExecArray, text: string): string | undefined;
}
