import { describe, expect, it } from 'vitest';
import { vttOutcome } from '../../../src/verify/checks/vtt.js';
import { renderVtt } from '../../../src/writers/vtt.js';
import { smallDoc, timingFor } from '../../helpers/verify.js';

const timing = timingFor(smallDoc());
const vtt = renderVtt({ clips: timing.units }, new Map(timing.units.map((u) => [u.id, `Text of ${u.id} & <more>`])));

describe('WebVTT check', () => {
  it('passes the writer\'s captions for the timing', () => {
    const outcome = vttOutcome(vtt, timing);
    expect(outcome.findings).toEqual([]);
    expect(outcome.counts.cues).toBe(timing.units.length);
  });

  it('fails what the W3C parser rejects, with its line', () => {
    const outcome = vttOutcome(vtt.replace('WEBVTT', 'WEBVTX'), timing);
    expect(outcome.findings[0]).toMatchObject({ rule: 'parse', message: expect.stringMatching(/signature/), location: 'line 1' });
  });

  it('fails cue ids or times that are not timing.json\'s', () => {
    expect(vttOutcome(vtt.replace('\np1s1\n', '\np9s9\n'), timing).findings.map((f) => f.rule)).toEqual(['ids']);
    const [first] = timing.units;
    const moved = { ...timing, units: [{ ...first!, startMs: first!.startMs + 1 }, ...timing.units.slice(1)] };
    expect(vttOutcome(vtt, moved).findings).toEqual([{ rule: 'times', message: 'cue title starts at 50 ms, timing.json says 51 ms' }]);
  });

  it('parses alone, and says so, without a usable timing.json', () => {
    const outcome = vttOutcome(vtt, undefined);
    expect(outcome.findings).toEqual([]);
    expect(outcome.checked).toMatch(/not compared/);
  });
});
