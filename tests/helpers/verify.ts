import { parseArticle } from '../../src/readers/index.js';
import type { Document } from '../../src/model/types.js';
import { spokenIds } from '../../src/speech/ssml/script-model.js';
import type { Job, Timing } from '../../src/verify/validator.js';

/** A small article with a heading, for the verify checks: title, a date, two paragraphs, a section. */
export function smallDoc(): Document {
  return parseArticle('---\ntitle: Harbour works\nauthor: Jane Reporter\ndate: 2024-03-05\n---\n\nThe dredgers arrived. Work starts today.\n\n## The plan\n\nThree cranes will come.\n', { format: 'markdown' });
}

/** A timing.json for `doc` as the mp3 writer lays it out: a unit per narrated id, chapters tiling the audio. */
export function timingFor(doc: Document): Timing {
  const ids = spokenIds(doc);
  const units = ids.map((id, i) => ({ id, startMs: 50 + i * 1000, endMs: 850 + i * 1000 }));
  const durationMs = 50 + ids.length * 1000;
  const heading = units.find((u) => u.id.startsWith('h'));
  const split = heading?.startMs ?? durationMs;
  return {
    audio: 'narration.mp3',
    durationMs,
    engine: 'espeak',
    voice: 'en-gb',
    sampleRate: 22050,
    units,
    chapters: [
      { id: 'intro', title: doc.meta.title, startMs: 0, endMs: split },
      ...(heading ? [{ id: 'h1', title: 'The plan', startMs: split, endMs: durationMs }] : []),
    ],
  };
}

/** A job as verifyFolder makes it, for calling a validator's outcome functions directly. */
export function jobOf(file: string, context: Job['context'] = {}): Job {
  return { root: '/nowhere', article: 'story', file, context };
}
