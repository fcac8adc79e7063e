import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { spokenUnits } from '../../src/speech/script.js';
import { renderDocument } from '../../src/pipeline/article.js';
import { contentBytes } from '../../src/shared/bytes.js';
import { parseVtt, shown, type ParsedCue } from '../helpers/vtt.js';
import { cueText, renderVtt, vttTimestamp } from '../../src/writers/vtt.js';

interface Timing {
  durationMs: number;
  units: { id: string; startMs: number; endMs: number; words: { text: string; startMs: number; endMs: number }[] }[];
}

/** The cues of each unit, by the id scheme: `<id>` for its first cue, `<id>-2`, `<id>-3`... after it. */
function cuesByUnit(cues: readonly ParsedCue[]): Map<string, ParsedCue[]> {
  const byUnit = new Map<string, ParsedCue[]>();
  for (const cue of cues) {
    const [, unit = '', n] = /^(.*?)(?:-(\d+))?$/.exec(cue.id) ?? [];
    const list = byUnit.get(unit) ?? [];
    expect(Number(n ?? 1), cue.id).toBe(list.length + 1);
    list.push(cue);
    byUnit.set(unit, list);
  }
  return byUnit;
}

describe.each([
  ['the sample', 'input/khorev-asif-meeting.txt', 'text'],
  ['numbers, dates and abbreviations', 'tests/fixtures/speech/numbers.md', 'markdown'],
  ['a French article', 'tests/fixtures/speech/french.md', 'markdown'],
] as const)('narration.vtt for %s', (_, file, format) => {
  const doc = parseArticle(readFileSync(file, 'utf8'), { file, format });
  let vtt: string;
  let timing: Timing;

  beforeAll(async () => {
    const files = await renderDocument(doc, ['mp3', 'vtt']);
    const read = (name: string): string => {
      const data = files.find((f) => f.name === name)?.data;
      if (data === undefined) throw new Error(`no ${name}`);
      return typeof data === 'string' ? data : new TextDecoder().decode(contentBytes(data));
    };
    vtt = read('narration.vtt');
    timing = JSON.parse(read('timing.json')) as Timing;
  });

  it('parses as WebVTT without errors; cue ids are the unit ids, continued as <id>-2, <id>-3, in reading order', () => {
    const { cues, errors } = parseVtt(vtt);
    expect(errors).toEqual([]);
    expect([...cuesByUnit(cues).keys()]).toEqual(spokenUnits(doc).map((u) => u.id));
  });

  it('shows at most 2 lines of at most 42 characters per cue, never cutting a word', () => {
    const { cues } = parseVtt(vtt);
    const words = new Set(timing.units.flatMap((u) => u.words.map((w) => w.text)));
    for (const cue of cues) {
      const lines = shown(cue).split('\n');
      expect(lines.length, cue.id).toBeLessThanOrEqual(2);
      for (const line of lines) {
        // A line is longer only when it is one word that is longer by itself.
        if ([...line].length > 42) expect(words.has(line), `${cue.id}: ${line}`).toBe(true);
      }
    }
    expect(cues.length).toBeGreaterThan(timing.units.length);
  });

  it('each unit\'s cues show its written text, in order, and each cue is timed to its words (within 100 ms)', () => {
    const { cues } = parseVtt(vtt);
    const byUnit = cuesByUnit(cues);
    const units = spokenUnits(doc);
    let previousEnd = 0;
    for (const [i, unit] of timing.units.entries()) {
      const unitCues = byUnit.get(unit.id) ?? [];
      const shownWords = unitCues.map((c) => shown(c).split(/\s+/));
      expect(shownWords.flat().join(' '), unit.id).toBe(units[i]?.text.replace(/\s+/g, ' ').trim());
      // The words of each cue, found in order in timing.json's words: the cue runs from its first word's start to its last word's end.
      let w = 0;
      for (const [k, cue] of unitCues.entries()) {
        const first = unit.words[w];
        const taken: string[] = [];
        // A timed word may hold several written words ("October 8, 2024"): count what is shown.
        while (taken.join(' ').split(' ').length < (shownWords[k]?.length ?? 0) || taken.length === 0) {
          const next = unit.words[w];
          if (!next) break;
          taken.push(next.text.replace(/\s+/g, ' '));
          w++;
        }
        const count = taken.length;
        const text = taken.join(' ');
        const last = unit.words[w - 1];
        expect(count, cue.id).toBeGreaterThan(0);
        expect(text, cue.id).toBe(shownWords[k]?.join(' '));
        expect(Math.abs(cue.startTime * 1000 - (first?.startMs ?? NaN)), cue.id).toBeLessThanOrEqual(100);
        expect(Math.abs(cue.endTime * 1000 - (last?.endMs ?? NaN)), cue.id).toBeLessThanOrEqual(100);
        expect(cue.startTime).toBeGreaterThanOrEqual(previousEnd);
        expect(cue.endTime).toBeGreaterThan(cue.startTime);
        previousEnd = cue.endTime;
      }
      expect(w, unit.id).toBe(unit.words.length);
      expect(unitCues[0]?.startTime).toBeCloseTo(unit.startMs / 1000, 3);
      expect(unitCues.at(-1)?.endTime).toBeCloseTo(unit.endMs / 1000, 3);
    }
    expect(previousEnd * 1000).toBeLessThanOrEqual(timing.durationMs);
  });
});

describe('WebVTT rendering', () => {
  it('formats timestamps past an hour', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(3_723_004.4)).toBe('01:02:03.004');
  });

  it('keeps hostile text inside its cue, shown exactly as written', () => {
    const hostile = ['a <b>bold</b> & "quoted" --> not a timing', 'line\nbreak\n\nblank line', 'emoji 😀 and RTL עברית\u0007', ''];
    const clips = hostile.map((_, i) => ({ id: `p1s${i + 1}`, startMs: i * 1000, endMs: i * 1000 + (i === 3 ? 0 : 900) }));
    const texts = new Map(hostile.map((t, i) => [`p1s${i + 1}`, t]));
    const { cues, errors } = parseVtt(renderVtt({ clips }, texts, 'en'));
    expect(errors).toEqual([]);
    expect(cues.map((c) => c.id)).toEqual(clips.map((c) => c.id));
    expect(shown(cues[0] as ParsedCue)).toBe('a <b>bold</b> & "quoted" --> not a timing');
    expect(shown(cues[1] as ParsedCue)).toBe('line break blank line');
    expect(shown(cues[2] as ParsedCue)).toBe('emoji 😀 and RTL עברית');
    expect((cues[3] as ParsedCue).endTime).toBeGreaterThan((cues[3] as ParsedCue).startTime);
    expect(cueText('x --> y')).not.toContain('-->');
  });
});

describe('narration.vtt for a real French article', () => {
  it('keeps « » ; : ! ? typed apart with their word: no line ends with « nor starts with » ; : ! ?', async () => {
    const file = 'tests/fixtures/real/wikinews-banques-belges-piratees.md';
    const doc = parseArticle(readFileSync(file, 'utf8'), { file, format: 'markdown' });
    const files = await renderDocument(doc, ['mp3', 'vtt']);
    const data = files.find((f) => f.name === 'narration.vtt')?.data;
    const { cues, errors } = parseVtt(typeof data === 'string' ? data : new TextDecoder().decode(contentBytes(data ?? '')));
    expect(errors).toEqual([]);
    const lines = cues.flatMap((cue) => shown(cue).split('\n'));
    expect(lines.filter((line) => /(^| )«$/u.test(line) || /^[»;:!?]/u.test(line))).toEqual([]);
    // The article has two dozen such marks, so the lines above did meet them.
    expect(lines.filter((line) => /[«»;]/u.test(line)).length).toBeGreaterThan(15);
    expect(lines.slice(0, 2)).toEqual(['Banques belges piratées :', '« Le parquet exagère les chiffres »']);
    // The date as the page shows it, not the article's 2012-06-26.
    expect(cues.filter((cue) => cue.id === 'date').map(shown)).toEqual(['26 juin 2012']);
  });
});
