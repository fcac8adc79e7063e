// Build step (npm run build): eld's 'extrasmall' n-gram data, written as JSON to dist/data/eld-extrasmall.json.
// The package ships the data as a 950 KB JavaScript object literal, which takes V8 about 250 ms to compile and run;
// JSON.parse reads the same data in about 50 ms. src/model/language.ts loads this file, or eld's own module without it.
import { mkdirSync, writeFileSync } from 'node:fs';

const entry = import.meta.resolve('eld/extrasmall');
const { ngramsData } = await import(new URL('../ngrams/extrasmall.js', entry).href);
const out = new URL('../dist/data/eld-extrasmall.json', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, JSON.stringify(ngramsData));
