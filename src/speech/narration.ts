import type { WriterContext } from '../writers/types.js';
import type { Narration } from './types.js';

/*
 * PLACEHOLDER until the audio-narration work lands (issue 4): the one place
 * where writers get the article's synthesised, timed narration. It is computed
 * once per article and shared (through `context.artifacts`) by the audio,
 * timing, caption and EPUB writers.
 */
export function narrationOf(context: WriterContext): Promise<Narration> {
  return context.artifacts.get('narration', async () => {
    throw new Error('audio narration is not available yet');
  });
}
