import type { Writer } from '../types.js';

/**
 * `article.epub`. The synchronised narration (Media Overlays) is included
 * only when this run makes the narration anyway (a writer such as `mp3`
 * needs it), so that `--formats epub` alone never synthesises speech.
 */
export const epubWriter: Writer = {
  format: 'epub',
  byDefault: true,
  needs: [],
  uses: ['narration'],
  description: 'article.epub: accessible EPUB 3 (EPUB Accessibility 1.1, WCAG 2.2 AA); with synchronised narration (Media Overlays) when the narration is made too (mp3, vtt)',
  async write({ doc, options, resources }) {
    // Audio that failed costs the book its overlays, not the book: it is made without them and says so.
    const narration = resources.narrating ? await resources.narration().catch(() => 'failed' as const) : undefined;
    return [{ name: 'article.epub', data: await epubParts(doc, options, resources.images, narration) }];
  },
};

/** The EPUB of a document, whole; its builder (epub-gen-memory, the zip, the XML checks) loads on first use. */
export async function buildEpub(...args: Parameters<typeof import('./build.js').buildEpub>): ReturnType<typeof import('./build.js').buildEpub> {
  const { buildEpub: build } = await import('./build.js');
  return build(...args);
}

/** The EPUB of a document as the zip's parts, in order (see build.ts); loads its builder on first use. */
async function epubParts(...args: Parameters<typeof import('./build.js').epubParts>): ReturnType<typeof import('./build.js').epubParts> {
  const { epubParts: build } = await import('./build.js');
  return build(...args);
}
