import { describe, expect, it } from 'vitest';
import { balanced, TITLE_MAX, titleFromSentence } from '../../src/model/title.js';

describe('titleFromSentence', () => {
  const cases: [string, string, string][] = [
    ['en', 'Short and sweet.', 'Short and sweet'],
    ['en', 'Is it over?', 'Is it over?'],
    ['en', 'In a move aimed at strengthening bilateral relations, the Russian Ambassador to Pakistan, Albert P. Khorev, met with the Chairman of the Senate on Monday.', 'In a move aimed at strengthening bilateral relations, the Russian Ambassador to Pakistan'],
    ['en', 'The administration today announced a new initiative from the White House Office of Science and Technology Policy to modernise federal data.', 'The administration today announced a new initiative from the White House Office of Science and'.replace(/ and$/, '')],
    ['en', 'Officials gathered at an event at the National Archives in Washington to celebrate the opening of an exhibition about the history of the census.', 'Officials gathered at an event at the National Archives in Washington to celebrate the opening'],
    ['fr', '« Le numérique transforme nos vies », a déclaré la ministre lors de la présentation des nouveaux modèles de financement public.', '« Le numérique transforme nos vies »'],
    ['fr', 'Le gouvernement a présenté mardi un plan de 41 millions d’euros pour la rénovation des écoles dans les quartiers prioritaires de la ville.', 'Le gouvernement a présenté mardi un plan de 41 millions d’euros pour la rénovation des écoles'],
    ['es', 'El Gobierno anunció este martes una inversión de 41 millones de euros para la reconstrucción de las zonas afectadas por las inundaciones.', 'El Gobierno anunció este martes una inversión de 41 millones de euros para la reconstrucción'],
    ['es', '¿Qué pasó?', '¿Qué pasó?'],
  ];
  it.each(cases)('[%s] %s', (lang, sentence, expected) => {
    expect(titleFromSentence(sentence, lang)).toBe(expected);
  });

  it('never ends on a function word, never leaves a quote or bracket open, never exceeds the limit', () => {
    const sentences = [
      'The minister said that the plan, which was "the most ambitious in a generation", would be presented to the parliament of the region next week.',
      'Der Minister sagte, dass der Plan, der „der ehrgeizigste seit einer Generation“ sei, dem Parlament der Region in der kommenden Woche vorgelegt werde.',
      'Le ministre (qui avait annoncé la mesure en janvier lors de son discours de politique générale devant les députés) a confirmé le calendrier.',
      `${'word '.repeat(60)}end.`,
      'x'.repeat(300),
    ];
    for (const sentence of sentences) {
      for (const lang of ['en', 'fr', 'es', 'de']) {
        const title = titleFromSentence(sentence, lang);
        expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
        expect(title.length).toBeGreaterThan(0);
        expect(balanced(title)).toBe(true);
        expect(title).not.toMatch(/\b(the|to|of|and|de|la|le|des|el|los|der|die|dem)$/i);
      }
    }
  });

  it('gives "Untitled" for an empty sentence', () => {
    expect(titleFromSentence('', 'en')).toBe('Untitled');
  });
});

describe('balanced', () => {
  it('checks brackets and quotation marks in order, ignoring apostrophes', () => {
    expect(balanced('He said “yes” (twice)')).toBe(true);
    expect(balanced('« Le numérique')).toBe(false);
    expect(balanced('a) b')).toBe(false);
    expect(balanced('Jerry’s "best"')).toBe(true);
    expect(balanced('„Ja“ sagte er')).toBe(true);
    expect(balanced('one " two')).toBe(false);
  });
});
