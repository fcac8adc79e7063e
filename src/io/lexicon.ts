import { readFile } from 'node:fs/promises';
import { LexiconError, parseLexicon, type Lexicon } from '../speech/lexicon.js';

/** Reads and parses a PLS file (`--lexicon`). */
export async function readLexicon(file: string): Promise<Lexicon> {
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (error) {
    throw new LexiconError(file, `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parseLexicon(xml, file);
}
