import { describe, expect, it } from 'vitest';
import { mp3EncoderThreads, RELEASE_HELPERS_FROM_CHARS, releasesHelperThreads, useMp3EncoderThreads } from '../../../src/speech/audio/encoder-threads.js';
import { parseArticle } from '../../../src/readers/index.js';

/** An article whose sentences hold `chars` characters in all: sentences of nine letters and a full stop. */
function articleOf(chars: number): ReturnType<typeof parseArticle> {
  const sentences = Array.from({ length: Math.floor(chars / 10) }, () => 'Abcdefghi.');
  return parseArticle(`${sentences.join(' ')}\n`, { format: 'markdown' });
}

describe('mp3EncoderThreads', () => {
  it('is what the pipeline set, at least one, in whole threads', () => {
    try {
      useMp3EncoderThreads(2);
      expect(mp3EncoderThreads()).toBe(2);
      useMp3EncoderThreads(0);
      expect(mp3EncoderThreads()).toBe(1);
      useMp3EncoderThreads(2.7);
      expect(mp3EncoderThreads()).toBe(2);
    } finally {
      useMp3EncoderThreads(1);
    }
  });
});

describe('releasesHelperThreads', () => {
  it('gives the threads back from RELEASE_HELPERS_FROM_CHARS characters of text, and keeps them below', () => {
    expect(RELEASE_HELPERS_FROM_CHARS % 10).toBe(0);
    expect(releasesHelperThreads(articleOf(RELEASE_HELPERS_FROM_CHARS - 10))).toBe(false);
    expect(releasesHelperThreads(articleOf(RELEASE_HELPERS_FROM_CHARS))).toBe(true);
  });
});
