import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { sentences, textBlocks } from '../../src/model/walk.js';
import { renderDocument } from '../../src/pipeline/article.js';
import { displayDate } from '../../src/shared/dates.js';
import { xmlSafeText } from '../../src/shared/xml.js';
import { PAUSES } from '../../src/speech/ssml/script-model.js';
import { ssmlFiles } from '../../src/writers/ssml-files.js';
import { ssmlWriter } from '../../src/writers/ssml.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { DEFAULT_FORMATS, writerFor } from '../../src/writers/index.js';
import { documentOf, parseSsml } from '../helpers/speech.js';

const FIXTURES = 'tests/fixtures/speech';
const articles = [
  { name: 'sample', file: 'input/khorev-asif-meeting.txt' },
  ...readdirSync(FIXTURES)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => ({ name: f, file: path.join(FIXTURES, f) })),
];

function narrationOf(file: string): { doc: ReturnType<typeof parseArticle>; xml: string } {
  const doc = parseArticle(readFileSync(file, 'utf8'), { file });
  const xml = String(ssmlFiles(doc, {})[0]?.data);
  return { doc, xml };
}

describe('narration.ssml', () => {
  it('is registered as a default format', () => {
    expect(writerFor('ssml')).toBe(ssmlWriter);
    expect(DEFAULT_FORMATS).toContain('ssml');
  });

  it.each(articles)('$name: valid SSML 1.1 that reads the title, the date, then every sentence with its mark', ({ file }) => {
    const { doc, xml } = narrationOf(file);
    expect(ssmlProblems(xml)).toEqual([]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang=')).toBe(true);
    const parsed = parseSsml(xml);
    expect(parsed.rootLang).toBe(doc.meta.lang);
    // A derived title repeats the opening words: it is not read on its own.
    const title = doc.meta.titleDerived ? [] : ['title'];
    const expectedIds = [...title, ...(doc.meta.date ? ['date'] : []), ...sentences(doc).map((s) => s.id)];
    expect(parsed.sentences.map((s) => s.marks)).toEqual(expectedIds.map((id) => [id]));
    const expectedTexts = [...(doc.meta.titleDerived ? [] : [doc.meta.title]), ...(doc.meta.date ? [displayDate(doc.meta.date, doc.meta.lang)] : []), ...sentences(doc).map((s) => s.text)].map(xmlSafeText);
    expect(parsed.sentences.map((s) => s.written)).toEqual(expectedTexts);
  });

  it.each(articles)('$name: pauses after the title, between paragraphs and around headings', ({ file }) => {
    const { doc, xml } = narrationOf(file);
    const blocks = textBlocks(doc);
    const expected: number[] = [];
    const kinds = [...(doc.meta.titleDerived ? [] : ['title']), ...(doc.meta.date ? ['date'] : []), ...blocks.map((b) => b.type)];
    kinds.forEach((kind, i) => {
      const next = kinds[i + 1];
      if (next === undefined) return;
      const after = kind === 'title' ? PAUSES.afterTitle : kind === 'date' ? PAUSES.afterDate : kind === 'heading' ? PAUSES.afterHeading : PAUSES.betweenParagraphs;
      expected.push(next === 'heading' ? Math.max(after, PAUSES.beforeHeading) : after);
    });
    expect(parseSsml(xml).breaks).toEqual(expected.map((ms) => `${ms}ms`));
    expect(parseSsml(xml).elementNames.filter((n) => n === 'p')).toHaveLength(kinds.length);
  });

  it('expands numbers, dates and abbreviations with <sub alias> and keeps the written text', () => {
    const { xml } = narrationOf(path.join(FIXTURES, 'numbers.md'));
    const subs = parseSsml(xml).sentences.flatMap((s) => s.subs);
    expect(subs).toContainEqual({ written: '$1.2 billion', alias: 'one point two billion dollars' });
    expect(subs).toContainEqual({ written: 'October 8, 2024', alias: 'October eighth, twenty twenty-four' });
    expect(subs).toContainEqual({ written: 'Mr.', alias: 'Mister' });
    expect(subs).toContainEqual({ written: '8:30 - 9:10 a.m.', alias: 'eight thirty until nine ten A.M' });
  });

  it('reads a French article with French rules', () => {
    const { xml } = narrationOf(path.join(FIXTURES, 'french.md'));
    const parsed = parseSsml(xml);
    expect(parsed.rootLang).toBe('fr');
    const subs = parsed.sentences.flatMap((s) => s.subs);
    expect(subs).toContainEqual({ written: '45 756', alias: 'quarante-cinq mille sept cent cinquante-six' });
    expect(subs).toContainEqual({ written: '8 octobre 2024', alias: 'le huit octobre deux mille vingt-quatre' });
    expect(subs.map((s) => s.alias).join(' ')).not.toMatch(/thousand|percent|twenty/);
  });

  it('keeps hostile text as text: XML specials, controls, emoji, right-to-left', () => {
    const { xml } = narrationOf(path.join(FIXTURES, 'hostile.txt'));
    const written = parseSsml(xml).sentences.map((s) => s.written).join(' ');
    expect(written).toContain('</speak><mark name="x"/>');
    expect(written).toContain('🎉👩‍👩‍👧');
    expect(written).toContain('مرحبا بالعالم');
    expect(written).toContain(']]>');
    expect(parseSsml(xml).sentences.flatMap((s) => s.marks)).not.toContain('x');
  });

  it('uses <emphasis> for emphasis and strong, and reads links and code as text', () => {
    const { xml } = narrationOf(path.join(FIXTURES, 'structure.md'));
    expect(xml).toContain('<emphasis level="strong">strong</emphasis>');
    expect(xml).toContain('<emphasis level="moderate">emphasised</emphasis>');
    expect(parseSsml(xml).elementNames).not.toContain('audio');
  });

  it.each([
    ['a 200,000-character word', 'x'.repeat(200_000)],
    ['39,000 characters of capitals', 'AB '.repeat(13_000)],
    ['20,000 numbers', '1 '.repeat(20_000)],
    ['an address-like run without @ after an @', `@ ${'a.'.repeat(20_000)}`],
  ])('writes valid SSML for %s', (_name, text) => {
    const doc = documentOf([text]);
    const xml = String(ssmlFiles(doc, {})[0]?.data);
    expect(ssmlProblems(xml)).toEqual([]);
    expect(parseSsml(xml).sentences.at(-1)?.written).toBe(text);
  });

  it('is deterministic and goes through the pipeline', async () => {
    const doc = parseArticle(readFileSync(path.join(FIXTURES, 'numbers.md'), 'utf8'), { format: 'markdown' });
    const first = await renderDocument(doc, ['ssml'], { script: { profile: 'google' } });
    const second = await renderDocument(JSON.parse(JSON.stringify(doc)), ['ssml'], { script: { profile: 'google' } });
    expect(first.map((f) => f.name)).toEqual(['narration.ssml', 'narration.google.001.ssml']);
    expect(second).toEqual(first);
  });
});
