import type { Document } from '../../src/model/types.js';
import type { FigureImages } from '../../src/shared/images.js';
import type { TimedNarration } from '../../src/speech/narration.js';
import type { Narration } from '../../src/speech/types.js';
import { articleResources, needsOf, type ArticleResources, type WriterContext, type WriterOptions } from '../../src/writers/index.js';

/** A writer's context as the pipeline makes it for a run of `formats` (real resources: narration is synthesised if a format needs it). */
export function contextFor(doc: Document, formats: readonly string[], options: WriterOptions = {}, images: FigureImages = new Map()): WriterContext {
  return { doc, options, resources: articleResources(doc, options, needsOf(formats), images), warn: () => {} };
}

/** Resources standing in for the real ones, counting how often the narration is asked for. */
export function fakeResources(options: { images?: FigureImages; narration?: Narration } = {}): ArticleResources & { narrationCalls: number } {
  const fake = {
    images: options.images ?? new Map(),
    narrating: options.narration !== undefined,
    speaking: options.narration !== undefined,
    narrationCalls: 0,
    async spoken(): Promise<void> {},
    async narration(): Promise<TimedNarration> {
      fake.narrationCalls++;
      if (!options.narration) throw new Error('no narration in this run');
      return { engine: 'test', voice: 'test', sampleRate: 22050, chapters: [], units: [], ...options.narration };
    },
    async pcm(): Promise<never> {
      throw new Error('no PCM in this run');
    },
  };
  return fake;
}
