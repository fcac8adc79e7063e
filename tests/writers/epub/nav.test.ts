import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { bookImages } from '../../../src/writers/epub/images.js';
import { navDocument, ncxDocument } from '../../../src/writers/epub/nav.js';
import { contentDocument } from '../../../src/writers/epub/xhtml.js';
import { imagesOf, loadArticle, NS, SAMPLE } from '../../helpers/epub.js';

async function navOf(name: string) {
  const { doc, resourceDir } = loadArticle(name);
  const { sections } = contentDocument(doc, bookImages(doc, await imagesOf(doc, resourceDir)));
  return { doc, nav: XmlDocument.fromString(navDocument(doc.meta, sections)), ncx: XmlDocument.fromString(ncxDocument(doc.meta, sections)) };
}

describe('navigation', () => {
  it('has a doc-toc table of contents nesting the sections under the article, and landmarks', async () => {
    const { doc, nav, ncx } = await navOf('features.md');
    const toc = nav.get('//x:nav[@epub:type="toc"]', NS);
    expect(toc).not.toBeNull();
    expect(nav.get('//x:nav[@epub:type="toc"]/@role', NS)?.content).toBe('doc-toc');
    expect(nav.find('//x:nav[@epub:type="toc"]/x:ol/x:li/x:a', NS).map((n) => n.content)).toEqual([doc.meta.title]);
    expect(nav.find('//x:nav[@epub:type="toc"]/x:ol/x:li/x:ol/x:li/x:a', NS).map((n) => n.content)).toEqual(['What the workers want', 'What comes next']);
    expect(nav.find('//x:nav[@epub:type="toc"]//x:ol/x:li/x:ol/x:li/x:ol/x:li/x:a/@href', NS).map((n) => n.content)).toEqual(['content.xhtml#h2']);
    expect(nav.find('//x:nav[@epub:type="landmarks"]//x:a/@epub:type', NS).map((n) => n.content)).toEqual(['bodymatter']);
    expect(ncx.find('//ncx:navPoint/@playOrder', NS).map((n) => n.content)).toEqual(['1', '2', '3', '4']);
    expect(ncx.get('//ncx:meta[@name="dtb:uid"]/@content', NS)?.content).toBe(doc.meta.identifier);
    nav.dispose();
    ncx.dispose();
  });

  it('lists just the article when it has no sections', async () => {
    const { nav, ncx } = await navOf(SAMPLE);
    expect(nav.find('//x:nav[@epub:type="toc"]//x:li', NS)).toHaveLength(1);
    expect(ncx.find('//ncx:navPoint', NS)).toHaveLength(1);
    nav.dispose();
    ncx.dispose();
  });

  it('marks its English labels as English in a document in another language', async () => {
    const { nav } = await navOf('arabic.md');
    expect(nav.get('/x:html/@xml:lang', NS)?.content).toBe('ar');
    expect(nav.get('//x:h1[@id="toc-title"]/x:span/@xml:lang', NS)?.content).toBe('en');
    nav.dispose();
  });
});
