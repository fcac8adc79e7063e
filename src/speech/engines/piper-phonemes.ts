/**
 * Text to a Piper voice's phoneme ids, the way Piper does it (piper1-gpl's
 * `phonemize_espeak` and `phonemes_to_ids`): eSpeak NG's IPA clause by
 * clause, each clause followed by its punctuation (and a space after `,` `:`
 * `;`), language-switch flags such as `(fr)` removed, decomposed to NFD
 * codepoints (an accent is a phoneme of its own), then
 * `BOS PAD (id PAD)* EOS` through the voice's `phoneme_id_map`, leaving out
 * phonemes the voice does not know.
 */

/** The punctuation Piper keeps at the end of a clause. */
export type Terminator = '' | '.' | ',' | '?' | '!' | ':' | ';';

const PAD = '_';
const BOS = '^';
const EOS = '$';

/**
 * Where eSpeak NG ends a clause, and the terminator Piper gives it: at
 * `. , ? ! : ;` followed by closing quotes or brackets and then a space or the
 * end (`3.5` and `a,b` do not end one); at a spaced en or em dash (read as a
 * semicolon); before an inverted `¿` or `¡` and after an ellipsis or `。`
 * (clause ends without a terminator, which Piper joins without a space).
 * Checked against piper-tts (tests/fixtures/piper).
 */
const CLAUSE_END = /([.,?!:;])[)\]}"'”’»]*(?=\s|$)|\s([–—])\s|(…|\.{3,}|。)[)\]}"'”’»]*|\s(?=[¿¡])/gu;

/** The terminators of the spoken text's clauses, in order, one per clause eSpeak will print. */
export function clauseTerminators(spoken: string): Terminator[] {
  const terminators: Terminator[] = [];
  let from = 0;
  for (const match of spoken.matchAll(CLAUSE_END)) {
    const before = spoken.slice(from, match.index);
    from = match.index + match[0].length;
    const terminator: Terminator = match[1] !== undefined ? (match[1] as Terminator) : match[2] !== undefined ? ';' : '';
    // Punctuation with no words before it (", ," or a leading dash) makes no clause of its own.
    if (/[\p{L}\p{N}]/u.test(before)) terminators.push(terminator);
  }
  if (/[\p{L}\p{N}]/u.test(spoken.slice(from))) terminators.push('');
  return terminators;
}

/** eSpeak's flags around words it reads in another language's rules: `(fr)kafe(en)`. */
const LANGUAGE_FLAG = /\([^)]+\)/g;

/** One clause as eSpeak phonemised it, with its terminator. */
export interface PhonemisedClause {
  readonly ipa: string;
  readonly terminator: Terminator;
}

/** The phonemes (codepoints) of a unit from its phonemised clauses. */
export function phonemesOf(clauses: readonly PhonemisedClause[]): string[] {
  let joined = '';
  for (const clause of clauses) {
    joined += clause.ipa.replace(LANGUAGE_FLAG, '') + clause.terminator;
    // A comma, colon or semicolon is not a sentence boundary: the next clause follows after a space.
    if (clause.terminator === ',' || clause.terminator === ':' || clause.terminator === ';') joined += ' ';
  }
  return [...joined.trimEnd().normalize('NFD')];
}

export type PhonemeIdMap = Readonly<Record<string, readonly number[]>>;

export interface PhonemeIds {
  readonly ids: number[];
  /** Phonemes the voice has no id for (left out, as Piper does). */
  readonly missing: string[];
}

/** `BOS PAD (id PAD)* EOS`. */
export function phonemeIds(phonemes: readonly string[], map: PhonemeIdMap): PhonemeIds {
  const pad = map[PAD] ?? [];
  const ids: number[] = [...(map[BOS] ?? []), ...pad];
  const missing: string[] = [];
  for (const phoneme of phonemes) {
    const found = map[phoneme];
    if (!found) {
      if (!missing.includes(phoneme)) missing.push(phoneme);
      continue;
    }
    ids.push(...found, ...pad);
  }
  ids.push(...(map[EOS] ?? []));
  return { ids, missing };
}

/** Whether the map has the ids Piper's sequence needs. */
export function hasSpecialIds(map: PhonemeIdMap): boolean {
  return [PAD, BOS, EOS].every((symbol) => (map[symbol]?.length ?? 0) > 0);
}
