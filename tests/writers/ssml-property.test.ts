import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/model/types.js';
import { spokenUnits } from '../../src/speech/script.js';
import { xmlSafeText } from '../../src/shared/xml.js';
import { ssmlFiles } from '../../src/writers/ssml-files.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { documentOf, parseSsml } from '../helpers/speech.js';

/*
 * Property: for any text the model can hold - arbitrary UTF-16 (lone
 * surrogates included), XML specials, control characters, emoji, numbers and
 * abbreviations the normaliser rewrites - every SSML file is well-formed and
 * valid against the SSML 1.1 schema, and no text is lost: each <s> holds
 * exactly the sentence's text (characters XML cannot hold become a space or
 * U+FFFD) and every word of it is said, as written or through a <sub> alias.
 */

const fragments = fc.oneof(
  { arbitrary: fc.constantFrom('&', '<', '>', '"', "'", ']]>', '&amp;', '<speak>', '</s>', '<!--', '<?xml?>', '\u0000', '\u0001', '\u0008', '\u000B', '\u001F', '\r', '\r\n', '\t', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '🎉', '👩‍👩‍👧', 'مرحبا', 'שלום', '\u200B', '\u202E'), weight: 3 },
  { arbitrary: fc.constantFrom('$1.2 billion', '45,756', '3rd', '95%', '90 %', '€4', '£300m', '2024-10-08', 'Sept. 18', '5 p.m.', '8:30 - 9:10 a.m.', '1990s', '8–10', 'Mr.', 'Dr.', 'No. 5', 'PhD', 'FBI', 'NATO', 'U.S.', 'https://example.com/a?b=c&d', 'a@b.org', '&', '/', '1/2', '17:30', '45 756', '3,5 %', '1er', '8 octobre 2024', '1.º', '4 €', '17 h 30', 'M. ', 'Sr. '), weight: 3 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  { arbitrary: fc.stringMatching(/^[A-Za-z]{1,10}$/), weight: 3 },
  { arbitrary: fc.constantFrom(' ', '  ', '. ', ', '), weight: 3 },
);
const sentenceText = fc.array(fragments, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

/** Inlines of a text: split at arbitrary points into plain, emphasis, strong, link and code runs. */
const sentenceInlines = fc.tuple(sentenceText, fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.constantFrom('text', 'emphasis', 'strong', 'link', 'code'), { minLength: 4, maxLength: 4 })).map(([text, cuts, kinds]): Inline[] => {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let at = 0;
  for (const p of [...points, text.length]) {
    if (p > at) pieces.push(text.slice(at, p));
    at = Math.max(at, p);
  }
  return pieces.map((value, i): Inline => {
    switch (kinds[i % kinds.length]) {
      case 'emphasis':
        return { type: 'emphasis', children: [{ type: 'text', value }] };
      case 'strong':
        return { type: 'strong', children: [{ type: 'emphasis', children: [{ type: 'text', value }] }] };
      case 'link':
        return { type: 'link', url: 'https://example.com/?a=1&b=<2>', children: [{ type: 'text', value }] };
      case 'code':
        return { type: 'code', value };
      default:
        return { type: 'text', value };
    }
  });
});

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

describe('SSML for arbitrary text', () => {
  it('is always well-formed, schema-valid and loses no text', () => {
    fc.assert(
      fc.property(fc.array(sentenceInlines, { minLength: 1, maxLength: 4 }), sentenceText, fc.constantFrom('en', 'en-GB', 'fr', 'es-MX', 'de'), (sentences, title, lang) => {
        const doc = documentOf(sentences, { title: `T ${title}`, date: '2024-10-08', lang });
        const expected = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? b.sentences : [])).filter((s) => s.text.trim() !== '');
        const [narration] = ssmlFiles(doc, {});
        const xml = String(narration?.data);
        expect(ssmlProblems(xml)).toEqual([]);
        const parsed = parseSsml(xml);
        expect(parsed.sentences.map((s) => s.marks)).toEqual([['title'], ['date'], ...expected.map((s) => [s.id])]);
        expect(parsed.sentences[0]?.written).toBe(xmlSafeText(doc.meta.title));
        parsed.sentences.slice(2).forEach((s, i) => {
          const written = xmlSafeText(expected[i]?.text ?? '');
          // Nothing lost or added: the written text survives exactly.
          expect(s.written).toBe(written);
          // Every word is said: as written outside a <sub>, or through the <sub>'s alias.
          for (const sub of s.subs) expect(sub.alias.trim()).not.toBe('');
          const spokenWords = new Set(words(s.spoken));
          const subWritten = s.subs.map((sub) => sub.written).join(' ');
          for (const word of words(written)) {
            if (!spokenWords.has(word)) expect(subWritten).toContain(word);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives spoken units that are each a schema-valid SSML document holding the unit text', () => {
    fc.assert(
      fc.property(fc.array(sentenceText, { minLength: 1, maxLength: 3 }), (sentences) => {
        const doc = documentOf(sentences);
        for (const unit of spokenUnits(doc)) {
          expect(ssmlProblems(unit.ssml)).toEqual([]);
          const parsed = parseSsml(unit.ssml);
          expect(parsed.sentences).toHaveLength(1);
          expect(parsed.sentences[0]?.written).toBe(xmlSafeText(unit.text));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every provider chunk well-formed with schema-valid content', () => {
    fc.assert(
      fc.property(fc.array(sentenceInlines, { minLength: 1, maxLength: 3 }), fc.constantFrom('polly' as const, 'azure' as const, 'google' as const), (sentences, profile) => {
        const files = ssmlFiles(documentOf(sentences), { script: { profile } });
        expect(files.length).toBeGreaterThan(1);
        for (const file of files.slice(1)) {
          // ssmlFiles throws unless each chunk is well-formed and its content valid; parse once more here to be sure.
          expect(() => parseSsml(String(file.data))).not.toThrow();
        }
      }),
      { numRuns: 100 },
    );
  });
});
