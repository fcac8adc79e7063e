import fc from 'fast-check';
import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, xmlChars } from '../../../src/writers/epub/xml.js';

describe('XML escaping', () => {
  it('round-trips any string through a real XML parser, as text and as an attribute (minus XML-illegal characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const doc = XmlDocument.fromString(`<r a="${escapeAttr(value)}">${escapeText(value)}</r>`);
        try {
          const kept = xmlChars(value).replace(/\r\n?/g, '\n');
          expect(doc.get('/r')?.content.replace(/\r\n?/g, '\n')).toBe(kept);
          expect(doc.get('/r/@a')?.content).toBe(xmlChars(value));
        } finally {
          doc.dispose();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('drops control characters and lone surrogates but keeps emoji and tabs', () => {
    expect(xmlChars('a\u0000b\u0007c\u000Bd\uFFFEe\uD800f\uDC00g\tü🎉')).toBe('abcdefg\tü🎉');
  });

  it('escapes the XML specials', () => {
    expect(escapeText(`<a href="x">&'`)).toBe(`&lt;a href="x"&gt;&amp;'`);
    expect(escapeAttr(`"<&>'`)).toBe(`&quot;&lt;&amp;&gt;'`);
  });
});
