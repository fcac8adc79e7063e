import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/model/build.js';
import type { Draft } from '../../src/model/draft.js';
import { documentProblems } from '../../src/model/validate.js';
import { allIds, sentences } from '../../src/model/walk.js';

const draft: Draft = {
  meta: { title: 'A title', date: '2024-10-08' },
  warnings: [],
  blocks: [
    { type: 'heading', level: 2, inlines: [{ type: 'text', value: 'Background' }] },
    { type: 'paragraph', inlines: [{ type: 'text', value: '  One  sentence.\n Two sentences. ' }] },
    { type: 'heading', level: 4, inlines: [{ type: 'text', value: 'Deeper' }] },
    {
      type: 'list',
      ordered: true,
      start: 3,
      items: [[{ type: 'paragraph', inlines: [{ type: 'text', value: 'Item one.' }] }], [{ type: 'paragraph', inlines: [{ type: 'text', value: ' ' }] }]],
    },
    { type: 'quote', blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: 'Quoted.' }] }] },
    { type: 'figure', src: 'a.png', alt: ' A   chart ' },
    { type: 'paragraph', inlines: [{ type: 'text', value: '   ' }] },
  ],
};

describe('buildDocument', () => {
  const doc = buildDocument(draft);

  it('assigns ids per kind in document order, unique, with sentence ids under their block', () => {
    expect(allIds(doc)).toEqual(['h1', 'h1s1', 'p1', 'p1s1', 'p1s2', 'h2', 'h2s1', 'l1', 'l1i1', 'p2', 'p2s1', 'q1', 'p3', 'p3s1', 'f1']);
    expect(documentProblems(doc)).toEqual([]);
  });

  it('collapses whitespace and drops empty paragraphs and list items', () => {
    expect(sentences(doc).map((s) => s.text)).toEqual(['Background', 'One sentence.', 'Two sentences.', 'Deeper', 'Item one.', 'Quoted.']);
    const list = doc.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items).toHaveLength(1);
  });

  it('puts headings in order: top level is 1 and no level is skipped', () => {
    expect(doc.blocks.filter((b) => b.type === 'heading').map((b) => b.type === 'heading' && b.level)).toEqual([1, 2]);
  });

  it('keeps a figure\'s alt text, normalised', () => {
    expect(doc.blocks.find((b) => b.type === 'figure')).toEqual({ type: 'figure', id: 'f1', src: 'a.png', alt: 'A chart' });
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('gives the same document, ids and identifier on every run', () => {
    expect(buildDocument(draft)).toEqual(doc);
  });

  it('lets explicit overrides win over the article and defaults', () => {
    const overridden = buildDocument(draft, { title: 'Other', lang: 'fr-ca', authors: ['Ana  Ruiz'] });
    expect(overridden.meta).toMatchObject({ title: 'Other', titleDerived: false, lang: 'fr-CA', authors: ['Ana Ruiz'], date: '2024-10-08' });
  });

  it('cleans metadata as it cleans text: control characters dropped, NFC, one line', () => {
    const d = buildDocument({ ...draft, meta: { title: 'Bell\u0007 here\u0085', source: 'Cafe\u0301\n Times' } }, { authors: ['A\u0000na'] });
    expect(d.meta).toMatchObject({ title: 'Bell here', source: 'Café Times', authors: ['Ana'] });
  });

  it('derives a title from the first sentence when there is none and defaults the language to en', () => {
    const untitled = buildDocument({ ...draft, meta: {} });
    expect(untitled.meta.title).toBe('Background');
    expect(untitled.meta.titleDerived).toBe(true);
    expect(untitled.meta.lang).toBe('en');
  });

  it('changes the identifier when the content changes', () => {
    const other = buildDocument({ ...draft, blocks: draft.blocks.slice(1) });
    expect(other.meta.identifier).not.toBe(doc.meta.identifier);
  });
});

describe('characters no output can carry', () => {
  it('turns an unpaired surrogate from a metadata escape into U+FFFD and says which field, keeping a private-use character', () => {
    const doc = buildDocument({ meta: { title: 'A \uD800 title', authors: ['Ann \uDC00'], lang: 'en' }, blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: 'The logo \uE000 here.' }] }], warnings: [] });
    expect(doc.meta.title).toBe('A \uFFFD title');
    expect(doc.meta.authors).toEqual(['Ann \uFFFD']);
    expect(doc.warnings).toEqual(['title: an unpaired surrogate (a broken \\u escape) was replaced by U+FFFD', 'author: an unpaired surrogate (a broken \\u escape) was replaced by U+FFFD']);
    expect(doc.blocks[0]?.type === 'paragraph' && doc.blocks[0].sentences[0]?.text).toBe('The logo \uE000 here.');
  });
});
