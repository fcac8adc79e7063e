import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { sentences } from '../../src/model/walk.js';
import { spokenUnits } from '../../src/speech/script.js';
import { PAUSES } from '../../src/speech/ssml/script-model.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { parseSsml } from '../helpers/speech.js';

describe('spokenUnits', () => {
  const sample = parseArticle(readFileSync('input/khorev-asif-meeting.txt', 'utf8'), { file: 'sample.txt' });

  it('gives the date, then every sentence of the model, with the model ids; a derived title that repeats the opening is not read', () => {
    expect(sample.meta.titleDerived).toBe(true);
    const units = spokenUnits(sample);
    expect(units.map((u) => u.id)).toEqual(['date', ...sentences(sample).map((s) => s.id)]);
    expect(units.map((u) => u.kind)).toEqual(['date', ...sentences(sample).map(() => 'sentence')]);
    // The date as the page shows it; the model keeps 2024-10-08.
    expect(sample.meta.date).toBe('2024-10-08');
    expect(units.map((u) => u.text)).toEqual(['October 8, 2024', ...sentences(sample).map((s) => s.text)]);
  });

  it('reads a stated title first, and a derived one that does not repeat the opening', () => {
    const titled = parseArticle('---\ntitle: Talks resume\n---\nThe talks resumed on Monday.', { format: 'markdown' });
    expect(spokenUnits(titled).map((u) => u.id)).toEqual(['title', 'p1s1']);
    const derived = parseArticle('The talks resumed on Monday.', { format: 'text' });
    expect(spokenUnits(derived).map((u) => u.id)).toEqual(['p1s1']);
    expect(spokenUnits({ ...derived, meta: { ...derived.meta, title: 'Something else entirely' } }).map((u) => u.id)).toEqual(['title', 'p1s1']);
  });

  it('gives each unit its spoken text, every expansion applied, beside the written text', () => {
    const doc = parseArticle('---\ntitle: Budget\nlang: en\n---\nThe budget rose 3.5% to $1.2 billion on 2024-10-08.', { format: 'markdown' });
    const unit = spokenUnits(doc).find((u) => u.id === 'p1s1')!;
    expect(unit.text).toBe('The budget rose 3.5% to $1.2 billion on 2024-10-08.');
    expect(unit.spoken).not.toContain('%');
    expect(unit.spoken).not.toContain('$');
    expect(unit.spoken).toMatch(/three point five percent/);
    for (const alias of parseSsml(unit.ssml).sentences.flatMap((s) => s.subs).map((s) => s.alias.trim())) expect(unit.spoken).toContain(alias);
  });

  it('makes each unit a schema-valid SSML 1.1 document with one <s>, no <break> and no <mark>', () => {
    for (const unit of spokenUnits(sample)) {
      expect(ssmlProblems(unit.ssml)).toEqual([]);
      const parsed = parseSsml(unit.ssml);
      expect(parsed.sentences).toHaveLength(1);
      expect(parsed.elementNames).not.toContain('break');
      expect(parsed.elementNames).not.toContain('mark');
    }
  });

  it('expands only with <sub alias>, which eSpeak NG honours', () => {
    const doc = parseArticle('# Talks\n\nOn Sept. 18 Mr. Smith paid $1.2 billion at 5 p.m.', { format: 'markdown' });
    const units = spokenUnits(doc);
    const names = new Set(units.flatMap((u) => parseSsml(u.ssml).elementNames));
    expect([...names].sort()).toEqual(['s', 'speak', 'sub']);
    expect(parseSsml(units.at(-1)?.ssml ?? '').sentences[0]?.spoken).toBe('On September eighteenth Mister Smith paid one point two billion dollars at five P.M');
  });

  it('puts the pauses in pauseAfterMs: after the title and date, between sentences and paragraphs, around headings', () => {
    const doc = parseArticle('---\ntitle: T\ndate: 2024-10-08\n---\n\nThe talks began today. They ended at noon.\n\n## Head\n\nThree more came.', { format: 'markdown' });
    expect(spokenUnits(doc).map((u) => [u.id, u.kind, u.pauseAfterMs])).toEqual([
      ['title', 'title', PAUSES.afterTitle],
      ['date', 'date', PAUSES.afterDate],
      ['p1s1', 'sentence', PAUSES.betweenSentences],
      ['p1s2', 'sentence', PAUSES.beforeHeading],
      ['h1s1', 'heading', PAUSES.afterHeading],
      ['p2s1', 'sentence', 0],
    ]);
  });
});
