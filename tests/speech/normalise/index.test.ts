import { describe, expect, it } from 'vitest';
import { normaliserFor, unchanged } from '../../../src/speech/normalise/index.js';
import type { Normaliser } from '../../../src/speech/normalise/types.js';
import { spokenWith } from '../../helpers/normalise.js';

/** The text as an engine says it: every expansion's span replaced by its spoken words. */
const spoken = (text: string, normaliser: Normaliser): string => spokenWith(normaliser, text);

// Every case the issue names, with its expected spoken form.
const ENGLISH: readonly (readonly [string, string, string])[] = [
  ['ISO date', 'It opened on 2024-10-08.', 'It opened on October eighth, twenty twenty-four.'],
  ['month day, year', 'On October 8, 2024 they met.', 'On October eighth, twenty twenty-four they met.'],
  ['day month year', 'On 8 Oct 2024 they met.', 'On the eighth of October, twenty twenty-four they met.'],
  ['abbreviated month, no year', 'Due Sept. 18 at noon.', 'Due September eighteenth at noon.'],
  ['12-hour time', 'It starts at 5 p.m. sharp.', 'It starts at five P.M sharp.'],
  // A span that swallows the final stop gets no stop in its alias: eSpeak NG may read one as "dot".
  ['12-hour time ending a sentence', 'It starts at 5 p.m.', 'It starts at five P.M'],
  ['initials ending a sentence', 'They met in the U.S.', 'They met in the U.S'],
  ['abbreviation ending a sentence', 'Pens, paper etc.', 'Pens, paper et cetera'],
  ['24-hour time', 'Doors close at 17:30 today.', 'Doors close at seventeen thirty today.'],
  ['time range', 'Open 8:30 - 9:10 a.m. daily.', 'Open eight thirty until nine ten A.M daily.'],
  ['cardinal with separators', 'They counted 45,756 votes.', 'They counted forty-five thousand seven hundred fifty-six votes.'],
  ['ordinal 3rd', 'The 3rd recount.', 'The third recount.'],
  ['ordinal 50th', 'The 50th session.', 'The fiftieth session.'],
  ['decimal', 'Up 2.5 points.', 'Up two point five points.'],
  ['percentage', 'Turnout was 95%.', 'Turnout was ninety-five percent.'],
  ['percentage with a space', 'Turnout was 90 % there.', 'Turnout was ninety percent there.'],
  ['currency with scale', 'A $1.2 billion deal.', 'A one point two billion dollars deal.'],
  ['currency with separators', 'It cost $1,100,000 in all.', 'It cost one million one hundred thousand dollars in all.'],
  ['euros', 'Only €4 each.', 'Only four euros each.'],
  ['pounds with m', 'A £300m plan.', 'A three hundred million pounds plan.'],
  ['dollars and cents', 'It was $5.50.', 'It was five dollars and fifty cents.'],
  ['year', 'Since 2024 it grew.', 'Since twenty twenty-four it grew.'],
  ['year with oh', 'Built in 1905.', 'Built in nineteen oh five.'],
  ['decade', 'In the 1990s it grew.', 'In the nineteen nineties it grew.'],
  ['range with en dash', 'It takes 8–10 years.', 'It takes eight to ten years.'],
  ['title Mr.', 'Mr. Smith spoke.', 'Mister Smith spoke.'],
  ['title Dr.', 'Dr. Jones spoke.', 'Doctor Jones spoke.'],
  ['title Gen.', 'Gen. Asif spoke.', 'General Asif spoke.'],
  ['No. before a number', 'See No. 5 below.', 'See number five below.'],
  ['PhD', 'She has a PhD now.', 'She has a P.H.D now.'],
  ['acronym spelled as letters', 'The FBI said so.', 'The F.B.I said so.'],
  ['acronym said as a word', 'NATO met today.', 'Nato met today.'],
  ['dotted initials', 'The U.S. agreed.', 'The U.S agreed.'],
  ['URL', 'See https://example.com/news/today for more.', 'See example dot com slash news slash today for more.'],
  ['email address', 'Write to press@example.org today.', 'Write to press at example dot org today.'],
  ['ampersand', 'Tom & Jerry.', 'Tom and Jerry.'],
  ['slash in and/or', 'Sign and/or write.', 'Sign and or write.'],
  ['slash between words', 'The input/output port.', 'The input slash output port.'],
  ['fraction', 'Add 3/4 cup.', 'Add three quarters cup.'],
  ['plain number', 'He said 42 times.', 'He said forty-two times.'],
  ['text without numbers is unchanged', 'Albert P. Khorev met the minister.', 'Albert P. Khorev met the minister.'],
];

describe('English normalisation', () => {
  const en = normaliserFor('en-US');
  it.each(ENGLISH)('%s: %s', (_name, written, expected) => {
    expect(spoken(written, en)).toBe(expected);
  });

  it('announces the document date', () => {
    expect(en.spokenDate('2024-10-08')).toBe('October eighth, twenty twenty-four');
  });
});

const FRENCH: readonly (readonly [string, string])[] = [
  ['Le 8 octobre 2024, il pleuvait.', 'Le huit octobre deux mille vingt-quatre, il pleuvait.'],
  ['La ville compte 45 756 habitants.', 'La ville compte quarante-cinq mille sept cent cinquante-six habitants.'],
  ['Le taux atteint 3,5 %.', 'Le taux atteint trois virgule cinq pour cent.'],
  ['Le 1er mai, à 17 h 30.', 'Le premier mai, à dix-sept heures trente.'],
  ['Il a payé 300 M€.', "Il a payé trois cents millions d'euros."],
  ['En 2024, M. Dupont est arrivé 3e.', 'En deux mille vingt-quatre, Monsieur Dupont est arrivé troisième.'],
];

const SPANISH: readonly (readonly [string, string])[] = [
  ['El 8 de octubre de 2024 llovió.', 'El ocho de octubre de dos mil veinticuatro llovió.'],
  ['Tenía 45.756 habitantes.', 'Tenía cuarenta y cinco mil setecientos cincuenta y seis habitantes.'],
  ['La tasa era del 3,5 %.', 'La tasa era del tres coma cinco por ciento.'],
  ['El Sr. García pagó 4 €.', 'El señor García pagó cuatro euros.'],
  ['Quedó en 1.º lugar.', 'Quedó en primer lugar.'],
  ['Fue el 1.º.', 'Fue el primero.'],
];

describe('French and Spanish are not read with English rules', () => {
  it.each(FRENCH)('fr: %s', (written, expected) => {
    expect(spoken(written, normaliserFor('fr-CA'))).toBe(expected);
  });
  it.each(SPANISH)('es: %s', (written, expected) => {
    expect(spoken(written, normaliserFor('es'))).toBe(expected);
  });
  it('reads a decimal comma as a decimal in French but a thousands separator in English', () => {
    expect(spoken('1,500', normaliserFor('fr'))).toBe('un virgule cinq cents');
    expect(spoken('1,500', normaliserFor('en'))).toBe('one thousand five hundred');
  });
  it('announces dates in the article language', () => {
    expect(normaliserFor('fr').spokenDate('2024-10-08')).toBe('le huit octobre deux mille vingt-quatre');
    expect(normaliserFor('es').spokenDate('2024-10-08')).toBe('ocho de octubre de dos mil veinticuatro');
  });
  it('leaves a language without rules to its engine instead of using English rules', () => {
    expect(normaliserFor('de')).toBe(unchanged);
    expect(spoken('Es kostet 45,5 %.', normaliserFor('de'))).toBe('Es kostet 45,5 %.');
  });
});
