import { describe, expect, it } from 'vitest';
import { parseVtt, shown, vttOutcome } from '../../../src/verify/checks/vtt.js';
import { renderVtt } from '../../../src/writers/vtt.js';
import { smallDoc, timingFor } from '../../helpers/verify.js';

const base = timingFor(smallDoc());
const texts = new Map(base.units.map((u) => [u.id, `Text of ${u.id} & <more>, said at length so that it takes more than one line of captions.`]));
/** The fixture's timing with words: each unit's text spread over its time, 100 ms a word. */
const timing = {
  ...base,
  units: base.units.map((u) => {
    const text = texts.get(u.id) ?? '';
    const words = [...text.matchAll(/\S+/g)].map((m, i, all) => ({ text: m[0], start: m.index, end: m.index + m[0].length, startMs: u.startMs + Math.round((i * (u.endMs - u.startMs)) / all.length), endMs: u.startMs + Math.round(((i + 1) * (u.endMs - u.startMs)) / all.length) }));
    return { ...u, words };
  }),
};
const vtt = renderVtt({ clips: timing.units }, texts, 'en');

describe('WebVTT check', () => {
  it('passes the writer\'s captions for the timing', () => {
    const outcome = vttOutcome(vtt, timing);
    expect(outcome.findings).toEqual([]);
    expect(outcome.counts.cues).toBeGreaterThan(timing.units.length);
    expect(vtt).toContain('\np1s1-2\n');
  });

  it('fails what the W3C parser rejects, with its line', () => {
    const outcome = vttOutcome(vtt.replace('WEBVTT', 'WEBVTX'), timing);
    expect(outcome.findings[0]).toMatchObject({ rule: 'parse', message: expect.stringMatching(/signature/), location: 'line 1' });
  });

  it('fails cue ids or times that are not timing.json\'s', () => {
    expect(vttOutcome(vtt.replace('\np1s1\n', '\np9s9\n'), timing).findings.map((f) => f.rule)).toContain('ids');
    expect(vttOutcome(vtt.replace('\np1s1-2\n', '\np1s1-3\n'), timing).findings).toContainEqual({ rule: 'ids', message: 'cue p1s1-3 is cue 2 of p1s1: its id should be p1s1-2' });
    const [first] = timing.units;
    const moved = { ...timing, units: [{ ...first!, startMs: first!.startMs + 1 }, ...timing.units.slice(1)] };
    expect(vttOutcome(vtt, moved).findings).toEqual([{ rule: 'times', message: 'cue title starts at 50 ms, timing.json says title starts at 51 ms' }]);
    // The word that begins title's second cue, 20 ms later: that cue is no longer timed to its word.
    const opening = parseVtt(vtt).cues.find((c) => c.id === 'title-2');
    const at = first!.words.findIndex((w) => w.text === shown(opening!).split(/\s+/)[0]);
    const shifted = { ...timing, units: [{ ...first!, words: first!.words.map((w, i) => (i === at ? { ...w, startMs: w.startMs + 20 } : w)) }, ...timing.units.slice(1)] };
    expect(vttOutcome(vtt, shifted).findings).toEqual([{ rule: 'times', message: `cue title-2 starts at ${first!.words[at]!.startMs} ms, its first word "${first!.words[at]!.text}" at ${first!.words[at]!.startMs + 20} ms` }]);
  });

  it('fails a cue that shows other words than timing.json\'s, or a line too long to read', () => {
    expect(vttOutcome(vtt.replace('Text of p1s1', 'Text on p1s1'), timing).findings.map((f) => f.rule)).toEqual(['text']);
    const long = vtt.replace('Text of p1s1 &amp; &lt;more&gt;,', 'Text of p1s1 &amp; &lt;more&gt;, and a great many more words in one line,');
    expect(vttOutcome(long, undefined).findings.map((f) => f.rule)).toEqual(['lines']);
  });

  it('parses alone, and says so, without a usable timing.json', () => {
    const outcome = vttOutcome(vtt, undefined);
    expect(outcome.findings).toEqual([]);
    expect(outcome.checked).toMatch(/not compared/);
  });
});
