import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { packageDocument } from '../../../src/writers/epub/package.js';
import { loadArticle, NS } from '../../helpers/epub.js';

const { doc } = loadArticle('features.md');
const opf = (meta = doc.meta) =>
  XmlDocument.fromString(
    packageDocument({
      meta,
      modified: new Date('2024-11-03T00:00:00Z'),
      entries: [{ property: 'schema:accessibilitySummary', value: 'Fine & dandy.', lang: 'en' }],
      refinedEntries: [{ property: 'media:duration', refines: 'mo', value: '0:00:01.000' }],
      manifest: [{ id: 'content', href: 'content.xhtml', mediaType: 'application/xhtml+xml', mediaOverlay: 'mo' }],
      spine: ['content'],
      ncxId: 'ncx',
    }),
  );

describe('packageDocument', () => {
  it('writes the Dublin Core metadata of the article', () => {
    const xml = opf();
    expect(xml.get('/opf:package/@unique-identifier', NS)?.content).toBe('pub-id');
    expect(xml.get('//dc:identifier[@id="pub-id"]', NS)?.content).toBe(doc.meta.identifier);
    expect(xml.get('//dc:language', NS)?.content).toBe('en-GB');
    expect(xml.get('/opf:package/@xml:lang', NS)?.content).toBe('en-GB');
    expect(xml.find('//dc:creator', NS).map((n) => n.content)).toEqual(['Amina Qureshi', "Tom O'Neil"]);
    expect(xml.get('//dc:publisher', NS)?.content).toBe('The Coastal Courier');
    expect(xml.get('//dc:description', NS)?.content).toBe('Port workers and owners meet for the first time in a year.');
    expect(xml.get('//opf:meta[@property="dcterms:modified"]', NS)?.content).toBe('2024-11-03T00:00:00Z');
    expect(xml.get('//opf:meta[@property="schema:accessibilitySummary"]/@xml:lang', NS)?.content).toBe('en');
    expect(xml.get('//opf:meta[@refines="#mo"]/@property', NS)?.content).toBe('media:duration');
    expect(xml.get('//opf:item/@media-overlay', NS)?.content).toBe('mo');
    xml.dispose();
  });

  it('writes no empty description, publisher or date, and right-to-left progression for Arabic', () => {
    const xml = opf({ ...doc.meta, description: '  ', source: undefined, date: undefined, lang: 'ar' } as typeof doc.meta);
    expect(xml.find('//dc:description|//dc:publisher|//dc:date', NS)).toHaveLength(0);
    expect(xml.get('//opf:spine/@page-progression-direction', NS)?.content).toBe('rtl');
    xml.dispose();
  });
});
