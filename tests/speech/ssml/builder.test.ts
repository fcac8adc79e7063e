import { describe, expect, it } from 'vitest';
import { emphasis, mark, pause, phoneme, sub, text } from '../../../src/speech/ssml/builder.js';
import { escapeAttr, xmlSafeText } from '../../../src/shared/xml.js';
import { ssmlProblems } from '../../../src/speech/validate.js';

const wrap = (inner: string): string => `<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en"><s>${inner}</s></speak>`;

// Each ssml-builder defect listed in DESIGN.md, shown not to reach the output.
describe('the ssml-builder wrapper', () => {
  it('escapes the sub alias (ssml-builder does not)', () => {
    const out = sub(`it's "A" & <B>`, 'x');
    expect(ssmlProblems(wrap(out))).toEqual([]);
    expect(out).toBe(`<sub alias='it&apos;s &quot;A&quot; &amp; &lt;B&gt;'>x</sub>`);
  });

  it('escapes the phoneme ph (ssml-builder only replaces quotes)', () => {
    const out = phoneme('ipa', `a<b&c'"`, 'word');
    expect(ssmlProblems(wrap(out))).toEqual([]);
    expect(out).toContain(`ph='a&lt;b&amp;c&apos;&quot;'`);
  });

  it('replaces XML-illegal control characters and lone surrogates in text and aliases, one U+FFFD each', () => {
    const nasty = 'a\u0000b\u0001c\u000Bd\uD800e\uDC00f\uFFFEg';
    expect(ssmlProblems(wrap(text(nasty) + sub(nasty, nasty)))).toEqual([]);
    expect(xmlSafeText(nasty)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg');
    expect(xmlSafeText('ok 🎉 \t\n')).toBe('ok 🎉 \t\n');
  });

  it('keeps carriage returns and tabs exactly (as references where XML would normalise them)', () => {
    expect(text('a\rb')).toBe('a&#13;b');
    expect(escapeAttr('a\tb\nc')).toBe('a&#9;b&#10;c');
  });

  it('builds one fragment per call, so fragments are never joined with spaces', () => {
    expect(text('PhD') + text("'s")).toBe('PhD&apos;s');
  });

  it('adds what ssml-builder lacks: mark and emphasis around markup', () => {
    expect(mark('p1"s1')).toBe('<mark name="p1&quot;s1"/>');
    expect(ssmlProblems(wrap(mark('p1s1') + emphasis('strong', sub('one', '1'))))).toEqual([]);
  });

  it('clamps pauses to what engines accept', () => {
    expect(pause(300)).toBe(`<break time='300ms'/>`);
    expect(pause(25_000)).toBe(`<break time='10000ms'/>`);
    expect(pause(-5)).toBe(`<break time='0ms'/>`);
  });

  it('falls back to plain text when there is nothing to substitute', () => {
    expect(sub('   ', 'x')).toBe('x');
    expect(phoneme('ipa', '', 'x')).toBe('x');
  });
});
