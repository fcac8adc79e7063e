import type { Document } from '../model/types.js';
import { engineEntry, speakAloud } from './engines/index.js';
import { SpeechError, type SpeechOptions } from './engines/types.js';
import { spokenUnits, type ScriptOptions } from './script.js';

/**
 * Speaks an article aloud (`--play`) through an engine that can (the OS
 * voices). It says the spoken text of each unit, lexicons and normalisation
 * applied, exactly what narration.ssml says; the text goes through say.ts's
 * quoting, so no character of the article reaches festival's Scheme or a
 * shell as code.
 */
export async function playAloud(doc: Document, speech: SpeechOptions = {}, script: ScriptOptions = {}): Promise<void> {
  const engine = engineEntry(speech.engine);
  if (!engine.capabilities(process.platform).speaksAloud) throw new SpeechError(`the ${engine.name} engine cannot speak aloud; use --engine say`);
  const text = spokenUnits(doc, { ...script, profile: 'w3c' })
    .map((u) => u.spoken)
    .join('\n');
  await speakAloud(text, { ...(speech.voice !== undefined ? { voice: speech.voice } : {}), ...(speech.rate !== undefined ? { rate: speech.rate } : {}) });
}
