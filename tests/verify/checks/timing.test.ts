import { describe, expect, it } from 'vitest';
import { spokenIds } from '../../../src/speech/ssml/script-model.js';
import { idDifference, timingOf, timingOutcome } from '../../../src/verify/checks/timing.js';
import { smallDoc, timingFor } from '../../helpers/verify.js';

const doc = smallDoc();
const good = timingFor(doc);
const rules = (value: unknown): string[] => timingOutcome(JSON.stringify(value), spokenIds(doc)).findings.map((f) => f.rule);

describe('timing.json check', () => {
  it('passes the timing of the narrated ids, and uses it as context', () => {
    const outcome = timingOutcome(JSON.stringify(good), spokenIds(doc));
    expect(outcome.findings).toEqual([]);
    expect(outcome.counts).toEqual({ units: 6, problems: 0 });
    expect(timingOf(good)).toEqual(good);
  });

  it('fails what is not JSON, and the wrong shape', () => {
    expect(timingOutcome('{', undefined).findings.map((f) => f.rule)).toEqual(['json']);
    expect(rules({ ...good, durationMs: -1 })).toContain('shape');
    expect(rules({ ...good, units: [{ id: 'title' }] })).toContain('shape');
    expect(rules([])).toEqual(['shape']);
    expect(timingOf({ ...good, chapters: undefined })).toBeUndefined();
  });

  it('fails units out of order, empty or past the audio', () => {
    const [a, b, ...rest] = good.units;
    expect(rules({ ...good, units: [a, { ...b!, startMs: a!.endMs - 1 }, ...rest] })).toContain('order');
    expect(rules({ ...good, units: [{ ...a!, endMs: a!.startMs }, b, ...rest] })).toContain('order');
    expect(rules({ ...good, units: [...good.units.slice(0, -1), { ...good.units.at(-1)!, endMs: good.durationMs + 1 }] })).toContain('order');
  });

  it('checks the words of a unit: their shape, and that they are in order inside it', () => {
    const [a, ...rest] = good.units;
    const words = [
      { text: 'Two', start: 0, end: 3, startMs: a!.startMs, endMs: a!.startMs + 200 },
      { text: 'words', start: 4, end: 9, startMs: a!.startMs + 250, endMs: a!.endMs },
    ];
    const withWords = (list: unknown): unknown => ({ ...good, wordTimes: 'engine', units: [{ ...a!, words: list }, ...rest] });
    expect(rules(withWords(words))).toEqual([]);
    expect(rules(withWords([{ text: 'Two' }]))).toEqual(['shape']);
    expect(rules({ ...(withWords(words) as object), wordTimes: 'guessed' })).toEqual(['shape']);
    expect(rules(withWords([words[1], words[0]]))).toContain('order');
    expect(rules(withWords([words[0], { ...words[1]!, endMs: a!.endMs + 1 }]))).toEqual(['order']);
    expect(rules(withWords([{ ...words[0]!, endMs: words[0]!.startMs }, words[1]]))).toEqual(['order']);
  });

  it('fails chapters that do not tile the audio from 0 to its end', () => {
    const [intro, h1] = good.chapters;
    expect(rules({ ...good, chapters: [{ ...intro!, startMs: 5 }, h1] })).toEqual(['chapters']);
    expect(rules({ ...good, chapters: [intro, { ...h1!, startMs: h1!.startMs + 1 }] })).toEqual(['chapters']);
    expect(rules({ ...good, chapters: [intro, { ...h1!, endMs: 1 }] })).toEqual(['chapters']);
    expect(rules({ ...good, chapters: [intro, { ...h1!, id: 'intro' }] })).toEqual(['chapters']);
    expect(rules({ ...good, chapters: [] })).toEqual(['chapters']);
  });

  it('fails unit ids that are not the document\'s narrated ids, saying where they differ', () => {
    const outcome = timingOutcome(JSON.stringify({ ...good, units: good.units.filter((u) => u.id !== 'p1s2') }), spokenIds(doc));
    expect(outcome.findings).toEqual([{ rule: 'ids', message: "unit 4 is h1s1, the document's narrated unit 4 is p1s2 (5 against 6)" }]);
    expect(idDifference('x', ['a'], 'y', ['a'])).toBeUndefined();
    expect(idDifference('x', ['a'], 'y', ['a', 'b'])).toBe('x 2 is (none), y 2 is b (1 against 2)');
  });

  it('says when the ids could not be compared', () => {
    expect(timingOutcome(JSON.stringify(good), undefined).checked).toMatch(/ids not compared: no valid document\.json/);
  });
});
