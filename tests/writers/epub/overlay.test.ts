import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import type { Narration } from '../../../src/speech/types.js';
import { clockValue, overlayDocument, overlayPars } from '../../../src/writers/epub/overlay.js';
import { NS } from '../../helpers/epub.js';

const targets = new Set(['title', 'date', 'p1', 'p1s1', 'p1s2']);
const narration = (clips: Narration['clips'], durationMs = 5000): Narration => ({ mp3: [], durationMs, clips });

describe('overlayPars', () => {
  it('tiles the audio: first from 0, each to the next start, last to the end, in whole milliseconds', () => {
    const pars = overlayPars(
      narration(
        [
          { id: 'title', startMs: 40.4, endMs: 900 },
          { id: 'p1s1', startMs: 1200.6, endMs: 2500 },
          { id: 'p1s2', startMs: 2500, endMs: 4100 },
        ],
        4321.7,
      ),
      targets,
      ['p1s1', 'p1s2'],
    );
    expect(pars).toEqual([
      { id: 'title', beginMs: 0, endMs: 1201 },
      { id: 'p1s1', beginMs: 1201, endMs: 2500 },
      { id: 'p1s2', beginMs: 2500, endMs: 4322 },
    ]);
  });

  it('refuses a narration that does not fit the book', () => {
    const ok = [
      { id: 'p1s1', startMs: 0, endMs: 1000 },
      { id: 'p1s2', startMs: 1000, endMs: 2000 },
    ];
    expect(() => overlayPars(narration([ok[0]!]), targets, ['p1s1', 'p1s2'])).toThrow(/no clip for sentence p1s2/);
    expect(() => overlayPars(narration([...ok, { id: 'zzz', startMs: 2000, endMs: 3000 }]), targets, ['p1s1'])).toThrow(/"zzz" has no element/);
    expect(() => overlayPars(narration([ok[0]!, ok[0]!]), targets, [])).toThrow(/two clips/);
    expect(() => overlayPars(narration([ok[1]!, ok[0]!]), targets, [])).toThrow(/starts before/);
    expect(() => overlayPars(narration(ok, 1500), targets, [])).toThrow(/after the audio's end/);
    expect(() => overlayPars(narration([{ id: 'p1s1', startMs: 10, endMs: 10 }]), targets, [])).toThrow(/times/);
  });
});

describe('overlayDocument', () => {
  it('is SMIL 3.0 with a par per clip pointing into the content document and the MP3', () => {
    const smil = XmlDocument.fromString(overlayDocument([{ id: 'title', beginMs: 0, endMs: 1234 }, { id: 'p1s1', beginMs: 1234, endMs: 65_000 }]));
    expect(smil.get('/smil:smil/@version', NS)?.content).toBe('3.0');
    expect(smil.find('//smil:par/smil:text/@src', NS).map((n) => n.content)).toEqual(['content.xhtml#title', 'content.xhtml#p1s1']);
    expect(smil.find('//smil:audio/@clipEnd', NS).map((n) => n.content)).toEqual(['1.234s', '65.000s']);
    smil.dispose();
  });

  it('writes media:duration clock values', () => {
    expect(clockValue(0)).toBe('0:00:00.000');
    expect(clockValue(71_234)).toBe('0:01:11.234');
    expect(clockValue(3_723_004.6)).toBe('1:02:03.005');
  });
});
