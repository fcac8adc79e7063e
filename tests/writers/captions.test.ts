import { describe, expect, it } from 'vitest';
import { writtenWords } from '../../src/speech/words.js';
import { captionsOf, MAX_LINE_CHARS, type CaptionWord } from '../../src/writers/captions.js';

/** Words of a sentence, 300 ms each. */
const timed = (text: string): CaptionWord[] => text.split(' ').map((w, i) => ({ text: w, startMs: i * 300, endMs: i * 300 + 250 }));
const cut = (text: string, lang = 'en'): string[][] => captionsOf(timed(text), lang).map((c) => [...c.lines]);

describe('caption cutting', () => {
  it('so no line of a French caption ends with « nor starts with » ; : ! ?', () => {
    // The written words as speech/words.ts times them, marks with their word.
    const engineWords = (sentence: string): CaptionWord[] =>
      writtenWords(sentence).map((w, i) => ({ text: sentence.slice(w.start, w.end), startMs: i * 300, endMs: i * 300 + 250 }));
    const sentences = [
      'Banques belges piratées : « Le parquet exagère les chiffres »',
      'Selon la fédération des banques, Febelfin, « le montant est plutôt de 700 000 euros ».',
      "Quatre personnes ont été arrêtées lors d’une enquête sur le piratage de sites de commerce en ligne ; il s'agit de deux Polonais.",
      '« Non, il ne faut pas être inquiet », a répondu la porte-parole de la fédération à une question ; vraiment ? Oui !',
    ];
    let lines = 0;
    for (const sentence of sentences) {
      for (const line of captionsOf(engineWords(sentence), 'fr').flatMap((c) => c.lines)) {
        lines++;
        expect(line).not.toMatch(/(^| )«$/u);
        expect(line).not.toMatch(/^[»;:!?]/u);
      }
    }
    expect(lines).toBeGreaterThan(8);
    expect(captionsOf(engineWords(sentences[0] ?? ''), 'fr').map((c) => c.lines)).toEqual([['Banques belges piratées :', '« Le parquet exagère les chiffres »']]);
  });

  it.each([
    ['a short sentence stays on one line', 'The minister met the ambassador.', [['The minister met the ambassador.']], 'en'],
    [
      'a comma first',
      'During the discussions, Minister Asif reiterated the commitment.',
      [['During the discussions,', 'Minister Asif reiterated the commitment.']],
      'en',
    ],
    [
      'before a conjunction or preposition when no punctuation fits',
      'The committee approved the budget for the new school and the hospital',
      [['The committee approved the budget', 'for the new school and the hospital']],
      'en',
    ],
    [
      'never after an initial or abbreviation',
      'The Russian Ambassador to Pakistan, Albert P. Khorev met the Minister for Defence on Monday.',
      [['The Russian Ambassador to Pakistan,'], ['Albert P. Khorev met the Minister', 'for Defence on Monday.']],
      'en',
    ],
    [
      'never after a word that leans on the next (a preposition, an article)',
      'for enhanced cooperation between the two countries in a variety of areas.',
      // Not "between / the two" nor "between the / two": the phrase stays whole, the noun phrase ends the line.
      [['for enhanced cooperation between the two', 'countries in a variety of areas.']],
      'en',
    ],
    [
      'Spanish conjunctions and prepositions ("y", "de")',
      'El ministro se reunió con el embajador de Rusia para hablar de defensa y de comercio en la capital.',
      [['El ministro se reunió con el embajador'], ['de Rusia para hablar de defensa', 'y de comercio en la capital.']],
      'es',
    ],
    [
      'French prepositions ("de")',
      'Le ministre a rencontré l’ambassadeur de Russie pour parler de défense et de commerce.',
      [['Le ministre a rencontré l’ambassadeur'], ['de Russie pour parler', 'de défense et de commerce.']],
      'fr',
    ],
  ] as const)('%s', (_, text, expected, lang) => {
    const lines = cut(text, lang);
    expect(lines).toEqual(expected);
  });

  it('keeps every line within 42 characters and every cue within 2 lines, on a long sentence', () => {
    const text =
      'In a move aimed at strengthening bilateral relations, the Russian Ambassador to Pakistan, Albert P. Khorev, met with the country’s Minister for Defence, Defence Production, and Aviation, Khawaja Muhammad Asif, on Monday.';
    const captions = captionsOf(timed(text), 'en');
    expect(captions.length).toBeGreaterThan(2);
    for (const c of captions) {
      expect(c.lines.length).toBeLessThanOrEqual(2);
      for (const line of c.lines) expect([...line].length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    }
    expect(captions.flatMap((c) => c.lines).join(' ')).toBe(text);
  });

  it('times each cue from its first word\'s start to its last word\'s end, cues in order', () => {
    const words = timed('During the discussions, Minister Asif reiterated Pakistan’s unwavering commitment to regional peace and security, and the partnership.');
    const captions = captionsOf(words, 'en');
    captions.forEach((c, i) => {
      expect(c.startMs).toBe(words[c.first]?.startMs);
      expect(c.endMs).toBe(words[c.last]?.endMs);
      expect(c.first).toBe((captions[i - 1]?.last ?? -1) + 1);
    });
    expect(captions.at(-1)?.last).toBe(words.length - 1);
  });

  it('shows a word longer than a line whole, on its own line, rather than cutting it', () => {
    const url = 'https://example.com/a/very/long/path/that/does/not/fit/on/a/line';
    const captions = captionsOf(timed(`See ${url} for more.`), 'en');
    expect(captions.flatMap((c) => c.lines)).toContain(url);
  });

  it('gives no cue for no words, and the same cues for the same words', () => {
    expect(captionsOf([], 'en')).toEqual([]);
    const text = 'Officials counted the votes, a recount and the session; turnout was high in rural areas, up points.';
    expect(captionsOf(timed(text), 'es')).toEqual(captionsOf(timed(text), 'es'));
  });
});
