/**
 * How many MP3 encoder threads the narration of this thread's articles may
 * share out its segments to (mp3-stream.ts, mp3-segments.ts): the cores an
 * article may use besides its synthesis. The pipeline sets it per article
 * (two for a lone article on two cores, one per worker when every core has
 * one); the MP3's bytes do not depend on it. A module of its own so that
 * setting it loads nothing of the encoder.
 */

let count = 1;

export function useMp3EncoderThreads(threads: number): void {
  count = Math.max(1, Math.floor(threads));
}

/** The encoder threads a stream opened now may use. */
export function mp3EncoderThreads(): number {
  return count;
}
