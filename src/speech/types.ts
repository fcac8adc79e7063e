/**
 * The contract between the narration script (SSML), the speech engines and
 * the writers that use timed audio (captions, EPUB Media Overlays).
 */

/**
 * One unit of narration: the title, the date, or one sentence of the model.
 * Engines synthesise unit by unit so that each unit's place in the audio is
 * known exactly.
 */
export interface SpokenUnit {
  /** `title`, `date`, or the model's sentence id (`p3s2`, `h1s1`): the same id as in XHTML, SMIL, VTT and PDF. */
  readonly id: string;
  readonly kind: 'title' | 'date' | 'heading' | 'sentence';
  /** The text as written (captions show this). */
  readonly text: string;
  /** The text as spoken (numbers, dates, abbreviations and lexicon words expanded), what the SSML's `<sub alias>` says. */
  readonly spoken: string;
  /** A complete, schema-valid SSML 1.1 document speaking this unit alone. */
  readonly ssml: string;
  /** BCP 47 tag of the unit: its paragraph's language, else the article's (the root `xml:lang` of `ssml`). */
  readonly lang: string;
  /** Silence after the unit, in milliseconds (after the title, between paragraphs, around headings). */
  readonly pauseAfterMs: number;
}

/** A written word of a unit (or written words said as one, such as "9:00 AM") and when it is heard in the shipped audio. */
export interface TimedWord {
  /** `[start, end)` of the unit's written text (`SpokenUnit.text`), in UTF-16 units. */
  readonly start: number;
  readonly end: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** Where one unit sits in the shipped audio. */
export interface Clip {
  readonly id: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Its written words, in order, each inside the clip. */
  readonly words?: readonly TimedWord[];
  /** True when the engine gave no word positions and the word times are estimated. */
  readonly wordsEstimated?: boolean;
}

/** The synthesised narration of one article, as it ships. */
export interface Narration {
  /** The encoded audio file (MP3) in the parts it is written from, in order: the ID3 tag, then the encoder's chunks (never joined). */
  readonly mp3: readonly Uint8Array[];
  /** Duration of `mp3` as a decoder plays it, in milliseconds. */
  readonly durationMs: number;
  /** One clip per spoken unit, in reading order, times measured in `mp3`. */
  readonly clips: readonly Clip[];
}
