import fc from 'fast-check';
import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { escapeAttr, escapeText, langAttrs, xmlSafeText } from '../../src/shared/xml.js';

describe('XML escaping', () => {
  it('round-trips any string through a real XML parser, as text and as an attribute (XML-illegal characters as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const doc = XmlDocument.fromString(`<r a="${escapeAttr(value)}">${escapeText(value)}</r>`);
        try {
          const kept = xmlSafeText(value).replace(/\r\n?/g, '\n');
          expect(doc.get('/r')?.content.replace(/\r\n?/g, '\n')).toBe(kept);
          expect(doc.get('/r/@a')?.content).toBe(xmlSafeText(value));
        } finally {
          doc.dispose();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('replaces control characters, non-characters and lone surrogates one for one, keeping emoji and tabs', () => {
    const input = 'a\u0000b\u0007c\u000Bd\uFFFEe\uD800f\uDC00g\tü🎉';
    expect(xmlSafeText(input)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\tü🎉');
    expect(xmlSafeText(input)).toHaveLength(input.length);
  });

  it('escapes the XML specials', () => {
    expect(escapeText(`<a href="x">&'`)).toBe(`&lt;a href="x"&gt;&amp;'`);
    expect(escapeAttr(`"<&>'\t\n`)).toBe(`&quot;&lt;&amp;&gt;&apos;&#9;&#10;`);
    expect(langAttrs('fr-CA')).toBe('lang="fr-CA" xml:lang="fr-CA"');
  });
});
