import { describe, expect, it } from 'vitest';
import { assertValidSsml, SsmlValidationError, ssmlProblems, wellFormedProblem } from '../../src/speech/validate.js';

const ROOT = '<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en">';

describe('SSML 1.1 schema validation', () => {
  it('accepts a valid document', () => {
    expect(ssmlProblems(`<?xml version="1.0"?>${ROOT}<p><s><mark name="p1s1"/>Hi <sub alias="doctor">Dr.</sub></s></p><break time="300ms"/></speak>`)).toEqual([]);
  });

  it.each([
    ['a bare <speak> (what ssml-builder emits)', '<speak>Hello</speak>', /No matching global declaration/],
    ['a missing version', '<speak xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en">x</speak>', /version/],
    ['a <p> inside an <s>', `${ROOT}<s><p>x</p></s></speak>`, /not expected/],
    ['a <sub> without alias', `${ROOT}<sub>x</sub></speak>`, /alias/],
    ['a bad break time', `${ROOT}<break time="3 seconds"/></speak>`, /time/],
    ['a phoneme alphabet outside ipa|x-*', `${ROOT}<phoneme alphabet="sapi" ph="a">a</phoneme></speak>`, /alphabet/],
    ['unescaped markup', `${ROOT}a < b</speak>`, /not well-formed/],
  ])('rejects %s', (_name, xml, message) => {
    const problems = ssmlProblems(xml);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join(' ')).toMatch(message);
  });

  it('throws an error naming the document and the problem', () => {
    expect(() => assertValidSsml('<speak>Hello</speak>', 'narration.ssml')).toThrow(SsmlValidationError);
    expect(() => assertValidSsml('<speak>Hello</speak>', 'narration.ssml')).toThrow(/^narration\.ssml is not valid SSML 1\.1: line 1: /);
  });

  it('tells well-formed XML from broken XML', () => {
    expect(wellFormedProblem('<speak>ok</speak>')).toBeUndefined();
    expect(wellFormedProblem('<speak>ok')).toMatch(/line 1/);
  });
});
