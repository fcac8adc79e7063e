import type { Document } from '../model/types.js';
import { sentences } from '../model/walk.js';
import type { SpokenUnit } from './types.js';

/*
 * PLACEHOLDER until the narration-script work lands (issue 3): a minimal
 * escaped-text script so that engines and timing can be built against the
 * SpokenUnit contract. The SSML writer replaces this module's internals.
 */

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function speak(lang: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${escapeXml(lang)}">${body}</speak>\n`;
}

/** The narration of a document as spoken units: title, date, then every sentence in reading order. */
export function spokenUnits(doc: Document): SpokenUnit[] {
  const units: SpokenUnit[] = [
    { id: 'title', kind: 'title', text: doc.meta.title, ssml: speak(doc.meta.lang, escapeXml(doc.meta.title)), pauseAfterMs: 800 },
  ];
  for (const s of sentences(doc)) {
    units.push({ id: s.id, kind: s.id.startsWith('h') ? 'heading' : 'sentence', text: s.text, ssml: speak(doc.meta.lang, `<s>${escapeXml(s.text)}</s>`), pauseAfterMs: 300 });
  }
  return units;
}
