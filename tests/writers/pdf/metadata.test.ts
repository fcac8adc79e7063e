import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/readers/index.js';
import { fileIdentifier, xmpDescriptions } from '../../../src/writers/pdf/metadata.js';

const hostile = 'Fish & Chips <b>"quoted"</b> \'apos\' \u0001\u0008 ]]> \ud800 end';

describe('PDF metadata', () => {
  it('writes XMP that a real XML parser accepts and reads back, whatever the title holds', () => {
    const xml = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${xmpDescriptions({
      title: hostile,
      authors: ['A & B', '<C>'],
      description: 'd"e',
      lang: 'en',
      identifier: 'urn:uuid:x',
      date: new Date(Date.UTC(2024, 9, 8)),
      producer: 'voxpress',
    })}</rdf:RDF></x:xmpmeta>`;
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml);
    const descriptions = parsed['x:xmpmeta']['rdf:RDF']['rdf:Description'] as Record<string, unknown>[];
    const dc = descriptions.find((d) => 'dc:title' in d) as Record<string, { 'rdf:Alt'?: { 'rdf:li': { '#text': string } }; 'rdf:Seq'?: { 'rdf:li': string[] } }>;
    expect(dc['dc:title']?.['rdf:Alt']?.['rdf:li']['#text']).toBe('Fish & Chips <b>"quoted"</b> \'apos\' \uFFFD\uFFFD ]]> \uFFFD end');
    expect(dc['dc:creator']?.['rdf:Seq']?.['rdf:li']).toEqual(['A & B', '<C>']);
    expect(descriptions.find((d) => 'pdfuaid:part' in d)?.['pdfuaid:part']).toBe(1);
    expect(descriptions.find((d) => 'xmp:CreateDate' in d)?.['xmp:CreateDate']).toBe('2024-10-08T00:00:00Z');
  });

  it('derives the file identifier from the content and settings', () => {
    const a = parseArticle('One text.', { format: 'text' });
    const b = parseArticle('Another text.', { format: 'text' });
    expect(fileIdentifier(a, { paper: 'a4' })).toEqual(fileIdentifier(a, { paper: 'a4' }));
    expect(fileIdentifier(a, { paper: 'a4' })).toHaveLength(16);
    expect(fileIdentifier(a, { paper: 'a4' })).not.toEqual(fileIdentifier(b, { paper: 'a4' }));
    expect(fileIdentifier(a, { paper: 'a4' })).not.toEqual(fileIdentifier(a, { paper: 'letter' }));
  });
});
