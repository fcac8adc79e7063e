import { mark, paragraph, pause, sentence } from './builder.js';
import type { Profile } from './profiles.js';
import { sentenceContent } from './render.js';
import type { NarrationScript, ScriptBlock, ScriptSentence } from './script-model.js';

/*
 * SSML documents from the narration script: the whole narration, one unit, or
 * one chunk of a provider profile. Every document starts with the profile's
 * root (for w3c: version 1.1, the SSML namespace and xml:lang).
 */

/** One sentence as `<s>`, with a `<mark>` naming its id at the start where the profile allows marks. */
export function sentenceSsml(s: ScriptSentence, profile: Profile): string {
  return sentence(`${profile.marks ? mark(s.id) : ''}${sentenceContent(s.text, s.inlines, s.readings, profile)}`);
}

/** A block (or the part of it in one chunk) as `<p>`, followed by its pause unless it is the last thing in the document. */
export function blockSsml(sentences: readonly string[], pauseAfterMs: number, last: boolean, lang?: string): string {
  return `${paragraph(sentences.join(''), lang)}${!last && pauseAfterMs > 0 ? pause(pauseAfterMs) : ''}`;
}

/** A complete document around `body`. */
export function wrap(body: string, profile: Profile, lang: string, voice?: string): string {
  return `${profile.open(lang, voice)}${body}${profile.close()}`;
}

/** The whole narration in one document. */
export function narrationSsml(script: NarrationScript, profile: Profile, voice?: string): string {
  const body = script.blocks
    .map((block: ScriptBlock, i) => `\n${blockSsml(block.sentences.map((s) => sentenceSsml(s, profile)), block.pauseAfterMs, i === script.blocks.length - 1, block.lang)}`)
    .join('');
  return wrap(`${body}\n`, profile, script.lang, voice);
}

/** The body of a document speaking one sentence alone (what an engine synthesises for one spoken unit). */
export function unitBody(s: ScriptSentence, profile: Profile): string {
  return sentence(sentenceContent(s.text, s.inlines, s.readings, profile));
}
