// Build step (npm run build, after tsc): the bundled eSpeak NG's voice list, written to dist/data/espeak-voices.json.
// Listing the voices runs eSpeak's command line once and reads every voice file (about 45 ms of each worker's first
// unit); the list depends only on the package's data. src/speech/engines/espeak.ts reads this file (or lists the
// voices itself without it); a test checks the two lists are the same.
import { mkdirSync, writeFileSync } from 'node:fs';

const { listedVoices } = await import(new URL('../dist/speech/engines/espeak.js', import.meta.url).href);
const voices = await listedVoices();
if (voices.length === 0) throw new Error('eSpeak NG listed no voices');
const out = new URL('../dist/data/espeak-voices.json', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, `${JSON.stringify(voices)}\n`);
