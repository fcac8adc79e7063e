import { english } from './en.js';
import { french } from './fr.js';
import { spanish } from './es.js';
import type { Normaliser } from './types.js';
import { primarySubtag } from '../../shared/lang.js';

/*
 * One normaliser per language, found by the primary language subtag (`fr-CA`
 * reads with `fr`). A language without rules gets none at all: its numbers are
 * left to the engine's own voice for that language, never read with English
 * rules. Adding a language is a new module here, with no change to the others.
 */
const NORMALISERS: ReadonlyMap<string, Normaliser> = new Map([english, french, spanish].map((n) => [n.lang, n]));

/** The normaliser that makes no expansions (languages without rules). */
export const unchanged: Normaliser = { lang: 'und', expansions: () => [], spokenDate: (iso) => iso };

/** The reading rules for a BCP 47 language tag. */
export function normaliserFor(lang: string): Normaliser {
  return NORMALISERS.get(primarySubtag(lang)) ?? unchanged;
}

export type { Expansion, Normaliser, Rule } from './types.js';
