import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { spokenUnits } from '../../src/speech/script.js';
import { renderDocument } from '../../src/pipeline/article.js';
import { parseVtt, shown, type ParsedCue } from '../helpers/vtt.js';
import { cueText, renderVtt, vttTimestamp } from '../../src/writers/vtt.js';

interface Timing {
  durationMs: number;
  units: { id: string; startMs: number; endMs: number }[];
}

describe('narration.vtt for the sample', () => {
  const SAMPLE = 'input/khorev-asif-meeting.txt';
  const doc = parseArticle(readFileSync(SAMPLE, 'utf8'), { file: SAMPLE });
  let vtt: string;
  let timing: Timing;

  beforeAll(async () => {
    const files = await renderDocument(doc, ['mp3', 'vtt']);
    const file = (name: string): string => {
      const data = files.find((f) => f.name === name)?.data;
      if (data === undefined) throw new Error(`no ${name}`);
      return typeof data === 'string' ? data : new TextDecoder().decode(data);
    };
    vtt = file('narration.vtt');
    timing = JSON.parse(file('timing.json')) as Timing;
  });

  it('parses as WebVTT without errors, one cue per unit with the unit id', () => {
    const { cues, errors } = parseVtt(vtt);
    expect(errors).toEqual([]);
    expect(cues.map((c) => c.id)).toEqual(spokenUnits(doc).map((u) => u.id));
  });

  it('cue times increase and equal timing.json; text is as written', () => {
    const { cues } = parseVtt(vtt);
    const units = spokenUnits(doc);
    let previousEnd = 0;
    cues.forEach((cue, i) => {
      const unit = timing.units[i];
      expect(cue.id).toBe(unit?.id);
      expect(cue.startTime * 1000).toBeCloseTo(unit?.startMs ?? NaN, 6);
      expect(cue.endTime * 1000).toBeCloseTo(unit?.endMs ?? NaN, 6);
      expect(cue.startTime).toBeGreaterThanOrEqual(previousEnd);
      expect(cue.endTime).toBeGreaterThan(cue.startTime);
      expect(shown(cue)).toBe(units[i]?.text.replace(/\s+/g, ' ').trim());
      previousEnd = cue.endTime;
    });
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
    const { cues, errors } = parseVtt(renderVtt({ clips }, texts));
    expect(errors).toEqual([]);
    expect(cues.map((c) => c.id)).toEqual(clips.map((c) => c.id));
    expect(shown(cues[0] as ParsedCue)).toBe('a <b>bold</b> & "quoted" --> not a timing');
    expect(shown(cues[1] as ParsedCue)).toBe('line break blank line');
    expect(shown(cues[2] as ParsedCue)).toBe('emoji 😀 and RTL עברית');
    expect((cues[3] as ParsedCue).endTime).toBeGreaterThan((cues[3] as ParsedCue).startTime);
    expect(cueText('x --> y')).not.toContain('-->');
  });
});
