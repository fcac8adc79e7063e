import { describe, expect, it } from 'vitest';
import { segmentInlines, splitSentences } from '../../src/model/segment.js';

describe('splitSentences', () => {
  const cases: [string, string, string[]][] = [
    ['en', 'Albert P. Khorev met Mr. Asif on Monday.', ['Albert P. Khorev met Mr. Asif on Monday.']],
    ['en', 'The U.S. and U.K. agreed.', ['The U.S. and U.K. agreed.']],
    ['en', 'He said: "It is done." Then he left.', ['He said: "It is done."', 'Then he left.']],
    ['en', 'Prices rose 3.5% to $1.2 billion.', ['Prices rose 3.5% to $1.2 billion.']],
    ['en', 'Dr. Smith arrived at 5 p.m. He spoke.', ['Dr. Smith arrived at 5 p.m.', 'He spoke.']],
    ['en', 'Washington, D.C. on Friday.', ['Washington, D.C. on Friday.']],
    ['en', '"Is it over?" she asked.', ['"Is it over?" she asked.']],
    ['en', 'He paused… Then he went on.', ['He paused…', 'Then he went on.']],
    ['en', 'He paused... Then he went on.', ['He paused...', 'Then he went on.']],
    ['en', 'He said “It is done.” Then he left.', ['He said “It is done.”', 'Then he left.']],
    ['en', 'It costs approx. 5 dollars.', ['It costs approx. 5 dollars.']],
    ['en', 'Wait… what?', ['Wait… what?']],
    ['fr', 'M. Dupont est arrivé à Paris. Il a parlé longuement.', ['M. Dupont est arrivé à Paris.', 'Il a parlé longuement.']],
    ['fr', 'Mme. Durand et Mlle. Roux ont voté. Élise est partie.', ['Mme. Durand et Mlle. Roux ont voté.', 'Élise est partie.']],
    ['es', 'La Sra. García llegó ayer. Habló con el Dr. Pérez.', ['La Sra. García llegó ayer.', 'Habló con el Dr. Pérez.']],
    ['es', 'Llegó ayer. ¿Qué pasó? Nadie sabe.', ['Llegó ayer.', '¿Qué pasó?', 'Nadie sabe.']],
  ];
  it.each(cases)('[%s] %s', (lang, text, expected) => {
    expect(splitSentences(text, lang)).toEqual(expected);
  });

  it('never loses or invents text: the sentences joined are the paragraph', () => {
    const text = 'One. Two?  Three!   "Four." Five… Six';
    expect(splitSentences(text).join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });
});

describe('segmentInlines', () => {
  it('keeps formatting across a sentence boundary and numbers sentences after the block id', () => {
    const result = segmentInlines(
      [
        { type: 'text', value: 'First ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'bold claim. Second' }] },
        { type: 'text', value: ' part.' },
      ],
      'p4',
      'en',
    );
    expect(result.map((s) => s.id)).toEqual(['p4s1', 'p4s2']);
    expect(result.map((s) => s.text)).toEqual(['First bold claim.', 'Second part.']);
    expect(result[0]?.inlines).toEqual([
      { type: 'text', value: 'First ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'bold claim.' }] },
    ]);
    expect(result[1]?.inlines).toEqual([
      { type: 'emphasis', children: [{ type: 'text', value: 'Second' }] },
      { type: 'text', value: ' part.' },
    ]);
  });
});
