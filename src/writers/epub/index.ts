import { narrationOf } from '../../speech/narration.js';
import type { Writer } from '../types.js';
import { buildEpub } from './build.js';

/**
 * `article.epub`. The synchronised narration (Media Overlays) is included only
 * when audio is being made in the same run (`mp3` among the formats), so that
 * `--formats epub` alone never synthesises speech.
 */
export const epubWriter: Writer = {
  format: 'epub',
  byDefault: true,
  description: 'article.epub: accessible EPUB 3 (EPUB Accessibility 1.1, WCAG 2.2 AA); with synchronised narration (Media Overlays) when mp3 is made too',
  async write(context) {
    const narration = context.options.formats?.includes('mp3') ? await narrationOf(context) : undefined;
    return [{ name: 'article.epub', data: await buildEpub(context.doc, context.options, narration) }];
  },
};

export { buildEpub, bookInstant, type EpubBuildOptions, type EpubOptions } from './build.js';
