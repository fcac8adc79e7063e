import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { spokenUnits } from '../../src/speech/script.js';
import { escapeText } from '../../src/shared/xml.js';
import { w3cRoot } from '../../src/speech/ssml/profiles.js';
import { skipWithout } from '../helpers/conformance.js';
import { parseSsml } from '../helpers/speech.js';

/*
 * The spoken units as eSpeak NG reads them (native espeak-ng, SSML mode, phoneme
 * output only: no audio is made). Proves that the engine honours every <sub>
 * alias - each unit sounds exactly like its spoken text written out - and that
 * no sentence ends in a stray "dot".
 */

function phonemes(ssml: string): string {
  return execFileSync('espeak-ng', ['-m', '-q', '-x', ssml], { encoding: 'utf8' });
}

/** The phoneme sequence alone: pauses, word breaks, linking r and stress depend on where markup (and <emphasis>) starts and ends. */
function sounds(ssml: string): string {
  return phonemes(ssml).replace(/_[:!]/g, '').replace(/r-/g, '').replace(/[',\s]/g, '');
}

const ARTICLES = ['input/khorev-asif-meeting.txt', ...['numbers.md', 'structure.md', 'hostile.txt'].map((f) => path.join('tests/fixtures/speech', f))];

describe.skipIf(skipWithout('espeak-ng'))('eSpeak NG reads the spoken units', () => {
  const units = ARTICLES.flatMap((file) => spokenUnits(parseArticle(readFileSync(file, 'utf8'), { file })));
  const tricky = spokenUnits(
    parseArticle('It cost $1.2 billion. They met in the U.S. It works (more). Open from 8:30 - 9:10 a.m. Pens, paper etc.', { format: 'text' }),
  );

  it('says each unit exactly as its spoken text written out (every <sub> alias honoured)', () => {
    for (const unit of [...units, ...tricky]) {
      const spoken = parseSsml(unit.ssml).sentences[0]?.spoken ?? '';
      const plain = `${w3cRoot('en')}<s>${escapeText(spoken)}\n</s></speak>`;
      expect(sounds(unit.ssml), unit.id).toBe(sounds(plain));
    }
  });

  it('names every letter of English initials: a lone "A" is not read as the article', () => {
    // Among spaced letters eSpeak NG says A as "uh" (a#): "the U S A agreed" was "the U S uh agreed".
    for (const text of ['The GSA met.', 'The ATO ended.', 'Doors open at 9:00 AM today.', 'The API and the FAA met.']) {
      for (const unit of spokenUnits(parseArticle(text, { format: 'text' }))) {
        expect(phonemes(unit.ssml), `${unit.id}: ${unit.text}`).not.toContain('a#');
      }
    }
  });

  it('never reads a sentence-final full stop as "dot"', () => {
    for (const unit of [...units, ...tricky]) {
      const spoken = parseSsml(unit.ssml).sentences[0]?.spoken ?? '';
      if (/\bdot\b/i.test(spoken)) continue;
      expect(phonemes(unit.ssml), `${unit.id}: ${unit.text}`).not.toContain("d'0t");
    }
  });
});
