import { describe, expect, it } from 'vitest';
import { decodeXmlText, withAliasesAsText, writtenRange } from '../../../src/speech/engines/ssml-positions.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en">';
const doc = (body: string): string => `${HEAD}<s>${body}\n</s></speak>\n`;

/** The written range of the characters of `needle` in the aliased SSML, one per code point. */
function sourcesOf(ssml: string, needle: string): (readonly [number, number] | undefined)[] {
  const aliased = withAliasesAsText(ssml);
  const at = [...aliased.ssml].join('').indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in ${aliased.ssml}`);
  const codePoints = [...aliased.ssml.slice(0, at)].length;
  return aliased.sources.slice(codePoints, codePoints + [...needle].length);
}

describe('SSML with aliases as text', () => {
  it('resolves XML references', () => {
    expect(decodeXmlText('d&apos;euros &amp; &lt;b&gt; &quot;x&quot; &#233;t&#xE9; &unknown;')).toBe('d\'euros & <b> "x" été &unknown;');
  });

  it.each([
    ['plain text is unchanged', 'The minister met.', 'The minister met.'],
    ['a sub becomes its alias, escaped as text', "On <sub alias='October eighth'>Oct. 8</sub> we met.", 'On October eighth we met.'],
    ['an alias with references is resolved, then re-escaped', "<sub alias='d&apos;euros &amp; co'>€</sub>", "d'euros &amp; co"],
    ['a sub inside emphasis keeps the emphasis', "<emphasis><sub alias='five'>5</sub> days</emphasis>", '<emphasis>five days</emphasis>'],
  ])('%s', (_, body, expected) => {
    expect(withAliasesAsText(doc(body)).ssml).toBe(doc(expected));
  });

  it('gives one source per code point, none for markup or for text outside <s>', () => {
    const ssml = doc('Hi 😀 there');
    const aliased = withAliasesAsText(ssml);
    expect(aliased.sources).toHaveLength([...aliased.ssml].length);
    expect(aliased.sources.slice(0, HEAD.length + 3).every((s) => s === undefined)).toBe(true);
    // The emoji is one code point and two UTF-16 units of the written text.
    expect(sourcesOf(ssml, '😀 there')).toEqual([[3, 5], [5, 6], [6, 7], [7, 8], [8, 9], [9, 10], [10, 11]]);
  });

  it('traces each character of an alias to the whole written form it replaces, and the text after it to its own place', () => {
    const ssml = doc("Paid <sub alias='five dollars'>$5</sub> &amp; more");
    expect(sourcesOf(ssml, 'five dollars').every((s) => s?.[0] === 5 && s[1] === 7)).toBe(true);
    // `&amp;` is one written character: all of its five characters point at it.
    expect(sourcesOf(ssml, '&amp;')).toEqual(Array(5).fill([8, 9]));
    expect(sourcesOf(ssml, 'more')).toEqual([[10, 11], [11, 12], [12, 13], [13, 14]]);
  });

  it('finds the written range of a reported word (1-based position, length in characters)', () => {
    const ssml = doc("Paid <sub alias='five dollars'>$5</sub> more");
    const aliased = withAliasesAsText(ssml);
    const position = (word: string): number => [...aliased.ssml.slice(0, aliased.ssml.indexOf(word))].length + 1;
    expect(writtenRange(aliased, position('Paid'), 4)).toEqual([0, 4]);
    expect(writtenRange(aliased, position('dollars'), 7)).toEqual([5, 7]);
    expect(writtenRange(aliased, position('more'), 4)).toEqual([8, 12]);
    expect(writtenRange(aliased, position('more'), 0)).toEqual([8, 9]);
    // A position in markup has no written source.
    expect(writtenRange(aliased, 1, 5)).toBeUndefined();
  });
});
