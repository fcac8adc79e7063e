import type { Document } from '../model/types.js';
import { speakAloud } from './engines/say.js';
import { SpeechError, type SpeechOptions } from './engines/types.js';
import { spokenUnits } from './script.js';

/**
 * Speaks an article aloud (`--play`) through the operating system's voice,
 * the one thing the `say` engine can do on every platform. The text goes
 * through say.ts's quoting, so no character of the article reaches festival's
 * Scheme or a shell as code.
 */
export async function playAloud(doc: Document, speech: SpeechOptions = {}): Promise<void> {
  if ((speech.engine ?? 'espeak') !== 'say') throw new SpeechError('--play speaks through the operating system voice: use it with --engine say');
  const text = spokenUnits(doc)
    .map((u) => u.text)
    .join('\n');
  await speakAloud(text, { ...(speech.voice !== undefined ? { voice: speech.voice } : {}), ...(speech.rate !== undefined ? { rate: speech.rate } : {}) });
}
