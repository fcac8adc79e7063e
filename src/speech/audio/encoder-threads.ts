import type { Document } from '../../model/types.js';
import { sentenceChars } from '../../model/walk.js';

/**
 * How many MP3 encoder threads the narration of this thread's articles may
 * share out its segments to (mp3-stream.ts, mp3-segments.ts): the cores an
 * article may use besides its synthesis. The pipeline sets it per article
 * (two for a lone article on two cores, one per worker when every core has
 * one); the MP3's bytes do not depend on it. A module of its own so that
 * setting it loads nothing of the encoder. It also says when an article gives
 * its helper threads back.
 */

let count = 1;

/**
 * Characters of text (about 50 minutes of speech at the default rate) from
 * which an article gives back the helper threads it kept for the next one:
 * the writer thread as soon as its formats are made (pipeline/render.ts), the
 * MP3 encoders as the stream ends. Their memory is then free for the rest of
 * the article: the two-hour article (128 000 characters), all formats, peaked
 * at 318-322 MB with the threads kept and 263-274 MB with them given back
 * (`/usr/bin/time`, two alternating runs each). Starting them again costs the
 * next article about 0.8 s of CPU (ten sample articles: 10.6 s of CPU with the
 * threads kept, 18.5 s with them given back after each), about 2 % of what an
 * article this long takes, so a shorter article keeps them.
 */
export const RELEASE_HELPERS_FROM_CHARS = 55_000;

/** Whether an article gives back its helper threads once done with them (see RELEASE_HELPERS_FROM_CHARS). */
export function releasesHelperThreads(doc: Pick<Document, 'blocks'>): boolean {
  return sentenceChars(doc) >= RELEASE_HELPERS_FROM_CHARS;
}

export function useMp3EncoderThreads(threads: number): void {
  count = Math.max(1, Math.floor(threads));
}

/** The encoder threads a stream opened now may use. */
export function mp3EncoderThreads(): number {
  return count;
}
