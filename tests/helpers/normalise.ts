import { expect } from 'vitest';
import type { Normaliser } from '../../src/speech/normalise/types.js';

/** The text as an engine says it: every expansion's span replaced by its spoken words (expansions must not overlap). */
export function spokenWith(normaliser: Normaliser, text: string): string {
  let out = '';
  let at = 0;
  for (const e of normaliser.expansions(text)) {
    expect(e.start).toBeGreaterThanOrEqual(at);
    out += text.slice(at, e.start) + e.spoken;
    at = e.end;
  }
  return out + text.slice(at);
}

/** One row of a rule table: the rule, the written text, and what is said. */
export type Case = readonly [rule: string, written: string, spoken: string];
