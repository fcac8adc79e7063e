import type { Document } from '../model/types.js';
import type { Lexicon } from './lexicon.js';
import { unitBody, wrap } from './ssml/document.js';
import { PROFILES, type ProfileName } from './ssml/profiles.js';
import { spokenText } from './ssml/render.js';
import { narrationScript, PAUSES, type NarrationScript } from './ssml/script-model.js';
import type { SpokenUnit } from './types.js';
import { assertValidSsml } from './validate.js';

/**
 * Options of the narration script. Plain data only (they cross worker
 * threads by structured clone): lexicons are parsed before they get here.
 */
export interface ScriptOptions {
  /** Provider profile for the extra chunked files (`narration.<profile>.001.ssml`); `w3c` (the default) adds none. */
  readonly profile?: ProfileName;
  /** Parsed PLS lexicons, first one searched first. */
  readonly lexicons?: readonly Lexicon[];
  /** Voice name for profiles that need one (Azure); a default per language otherwise. */
  readonly voice?: string;
}

function unitKind(blockKind: 'title' | 'date' | 'heading' | 'paragraph'): SpokenUnit['kind'] {
  return blockKind === 'paragraph' ? 'sentence' : blockKind;
}

/** The spoken units of an already built narration script (w3c profile, each document validated). */
export function unitsOfScript(script: NarrationScript): SpokenUnit[] {
  const profile = PROFILES.w3c;
  const units: SpokenUnit[] = [];
  const bodies: string[] = [];
  for (const block of script.blocks) {
    block.sentences.forEach((s, i) => {
      const body = unitBody(s, profile);
      bodies.push(body);
      const last = i === block.sentences.length - 1;
      units.push({
        id: s.id,
        kind: unitKind(block.kind),
        text: s.text,
        spoken: spokenText(s.text, s.readings),
        // eSpeak takes the voice from the root's xml:lang: a passage in another language is spoken with that language's voice.
        ssml: wrap(body, profile, block.lang ?? script.lang),
        lang: block.lang ?? script.lang,
        pauseAfterMs: last ? block.pauseAfterMs : PAUSES.betweenSentences,
      });
    });
  }
  // Every unit is the same root around one <s>, and what an <s> may hold does not depend on
  // its neighbours: one document with all of them validates every unit at once (one schema
  // pass per article instead of one per sentence).
  assertValidSsml(wrap(bodies.join(''), profile, script.lang), 'the spoken units');
  return units;
}

/**
 * The narration of a document as spoken units: title, date, then every
 * sentence in reading order. Each unit's `ssml` is a complete, schema-valid
 * SSML 1.1 document (w3c profile) in which numbers, dates, abbreviations and
 * lexicon words are expanded with `<sub alias>`, the one expansion every
 * engine (eSpeak NG included) honours; silences are in `pauseAfterMs`.
 */
export function spokenUnits(doc: Document, options: ScriptOptions = {}): SpokenUnit[] {
  return unitsOfScript(narrationScript(doc, options));
}
