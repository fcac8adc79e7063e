import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/readers/index.js';
import { allIds, sentences } from '../../../src/model/walk.js';
import { displayText } from '../../../src/shared/typography.js';
import { bookImages } from '../../../src/writers/epub/images.js';
import { contentDocument } from '../../../src/writers/epub/xhtml.js';
import { imagesOf, loadArticle, NS, SAMPLE } from '../../helpers/epub.js';

async function content(name: string) {
  const { doc, resourceDir } = loadArticle(name);
  const result = contentDocument(doc, bookImages(doc, await imagesOf(doc, resourceDir)));
  return { doc, result, xml: XmlDocument.fromString(result.xhtml) };
}

describe('contentDocument', () => {
  it('shows a French article with its typography: no break inside « » nor before ; : ? !, the model text as written', async () => {
    const { doc, xml } = await content('../real/wikinews-banques-belges-piratees.md');
    const title = xml.get('//x:h1', NS)?.content ?? '';
    expect(title).toBe('Banques belges piratées\u00A0: «\u202FLe parquet exagère les chiffres\u202F»');
    let marks = 0;
    let typed = 0;
    for (const sentence of sentences(doc)) {
      typed += (sentence.text.match(/[«‹] +| +[»›;:!?]/gu) ?? []).length;
      const shown = xml.get(`//x:span[@id="${sentence.id}"]`, NS)?.content ?? '';
      expect(shown).toBe(displayText(sentence.text, 'fr'));
      expect(shown).not.toMatch(/[«‹] | [»›;:!?]/u);
      expect(sentence.text).not.toMatch(/[\u00A0\u202F]/u);
      marks += (shown.match(/[\u00A0\u202F]/gu) ?? []).length;
    }
    expect(marks).toBe(typed);
    expect(marks).toBeGreaterThan(15);
    xml.dispose();
  });

  it('carries every id of the model, plus title and date, each once', async () => {
    const { doc, result, xml } = await content('features.md');
    const ids = xml.find('//@id').map((n) => n.content);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['title', 'date', ...allIds(doc)]));
    expect([...result.ids].sort()).toEqual([...ids].sort());
    xml.dispose();
  });

  it('has one h1 (the title), headings that never skip a level, and a section per heading', async () => {
    const { doc, xml } = await content('features.md');
    expect(xml.find('//x:h1', NS).map((n) => n.content)).toEqual([doc.meta.title]);
    const levels = xml.find('//x:h1|//x:h2|//x:h3|//x:h4|//x:h5|//x:h6', NS).map((n) => Number((n as unknown as { name: string }).name.slice(1)));
    for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
    expect(xml.find('//x:section[@aria-labelledby]', NS)).toHaveLength(3);
    xml.dispose();
  });

  it('clamps skipped heading levels in a model that has them', () => {
    const parsed = parseArticle('# T\n\n## A\n\nText.\n\n## B\n\nMore.\n\n## C\n\nEnd.\n', { format: 'markdown' });
    const levels = [3, 5, 1] as const;
    let i = 0;
    const blocks = parsed.blocks.map((b) => (b.type === 'heading' ? { ...b, level: levels[i++]! } : b));
    const xml = XmlDocument.fromString(contentDocument({ ...parsed, blocks }, new Map()).xhtml);
    expect(xml.find('//x:h2|//x:h3|//x:h4|//x:h5|//x:h6', NS).map((n) => (n as unknown as { name: string }).name)).toEqual(['h2', 'h3', 'h2']);
    xml.dispose();
  });

  it('renders lists, quotes, links, code and figures with alt and caption', async () => {
    const { xml } = await content('features.md');
    expect(xml.find('//x:ol/x:li', NS)).toHaveLength(3);
    expect(xml.find('//x:ul/x:li', NS)).toHaveLength(2);
    expect(xml.find('//x:blockquote/x:p', NS)).toHaveLength(2);
    expect(xml.get('//x:a/@href', NS)?.content).toBe('https://example.org/ports/automation');
    expect(xml.get('//x:figure/x:img/@alt', NS)?.content).toBe('Bar chart: pay has fallen behind inflation since 2019');
    expect(xml.get('//x:figure/x:img/@src', NS)?.content).toBe('images/f1.png');
    expect(xml.get('//x:figure/x:figcaption', NS)?.content).toBe('Real wages, 2019 to 2024');
    expect(xml.get('//x:time/@datetime', NS)?.content).toBe('2024-11-03');
    expect(xml.get('//x:p[@class="byline"]', NS)?.content).toBe("By Amina Qureshi and Tom O'Neil");
    xml.dispose();
  });

  it('declares the language everywhere and the direction for right-to-left languages', async () => {
    const en = await content(SAMPLE);
    expect(en.xml.get('/x:html/@lang', NS)?.content).toBe('en');
    expect(en.xml.get('/x:html/@xml:lang', NS)?.content).toBe('en');
    expect(en.xml.get('/x:html/@dir', NS)).toBeNull();
    en.xml.dispose();
    const ar = await content('arabic.md');
    expect(ar.xml.get('/x:html/@xml:lang', NS)?.content).toBe('ar');
    expect(ar.xml.get('/x:html/@dir', NS)?.content).toBe('rtl');
    ar.xml.dispose();
  });

  it('keeps hostile text as text and drops links that cannot work in a book', async () => {
    const { doc, xml } = await content('hostile.md');
    expect(xml.get('//x:h1', NS)?.content).toBe(doc.meta.title);
    expect(xml.find('//x:script', NS)).toHaveLength(0);
    expect(xml.find('//x:a/@href', NS).map((n) => n.content)).toEqual(['https://example.org/a?b=1&c=2', 'https://example.org/remote.png']);
    xml.dispose();
  });

  it('writes no empty elements', async () => {
    for (const name of ['features.md', 'hostile.md', 'arabic.md', 'no-alt.md', SAMPLE]) {
      const { xml } = await content(name);
      const empty = xml.find('//x:body//*[not(self::x:img) and not(.//x:img) and normalize-space(.)=""]', NS);
      expect(empty.map((n) => (n as unknown as { name: string }).name)).toEqual([]);
      xml.dispose();
    }
  });
});
