import { readFileSync } from 'node:fs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { MAX_NESTING, MarkdownError, readMarkdown } from '../../src/readers/markdown.js';
import { sentences } from '../../src/model/walk.js';

// The parser, watched: a hang guard below checks that a document is refused before it is parsed.
vi.mock('mdast-util-from-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('mdast-util-from-markdown')>();
  return { ...actual, fromMarkdown: vi.fn(actual.fromMarkdown) };
});

const feature = readFileSync(new URL('../fixtures/ingest/feature.md', import.meta.url), 'utf8');

describe('readMarkdown', () => {
  const doc = parseArticle(feature, { format: 'markdown' });

  it('takes metadata from YAML front matter', () => {
    expect(doc.meta).toMatchObject({
      title: "Harbour & Rail: the port's new line",
      titleDerived: false,
      lang: 'en-GB',
      authors: ['Ana Ruiz', 'Li Wei'],
      source: 'The Daily Example',
      description: 'A short feature used to test the Markdown reader.',
      date: '2024-11-02',
    });
  });

  it('maps headings, paragraphs, lists, quotes, figures', () => {
    expect(doc.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'quote', 'figure', 'paragraph']);
    expect(doc.blocks[4]).toEqual({ type: 'figure', id: 'f1', src: 'train.png', alt: 'A freight train crossing the harbour bridge' });
  });

  it('keeps emphasis, strong, links and code as inline runs', () => {
    const [first, second] = sentences(doc);
    expect(first?.inlines).toEqual([
      { type: 'text', value: 'The port opened a ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'new' }] },
      { type: 'text', value: ' rail line on Friday.' },
    ]);
    expect(second?.inlines).toContainEqual({ type: 'link', url: 'https://example.org/depot', title: 'Depot', children: [{ type: 'text', value: 'inland depot' }] });
    expect(second?.inlines).toContainEqual({ type: 'strong', children: [{ type: 'text', value: 'freight' }] });
    expect(sentences(doc).at(-1)?.inlines).toContainEqual({ type: 'code', value: 'rail-2024' });
  });

  it('uses a leading level-1 heading as the title when front matter has none', () => {
    const d = parseArticle('# The *Title*\n\nBody text.\n\n# Part two\n\nMore.', { format: 'markdown' });
    expect(d.meta.title).toBe('The Title');
    expect(d.blocks.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('warns about an image without alt text', () => {
    const d = parseArticle('Text.\n\n![](chart.png)', { format: 'markdown' });
    expect(d.warnings).toEqual(['image "chart.png" at line 3 has no alt text']);
    expect(d.blocks[1]).toMatchObject({ type: 'figure', alt: '' });
  });

  it('resolves reference links and images', () => {
    const d = parseArticle('See [the site][s].\n\n![Logo][l]\n\n[s]: https://example.org\n[l]: logo.png', { format: 'markdown' });
    expect(sentences(d)[0]?.inlines).toContainEqual({ type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'the site' }] });
    expect(d.blocks[1]).toMatchObject({ type: 'figure', src: 'logo.png', alt: 'Logo' });
  });

  it('gives a clear error for broken front matter', () => {
    expect(() => parseArticle('---\ntitle: [unclosed\n---\nText.', { format: 'markdown', file: 'x.md' })).toThrow(/^x\.md: invalid YAML front matter/);
    expect(() => parseArticle('---\n- a\n- b\n---\nText.', { format: 'markdown', file: 'x.md' })).toThrow('x.md: front matter must be a YAML mapping');
  });

  it('drops raw HTML with a warning, keeping the text around it', () => {
    const draft = readMarkdown('Before <span>inside</span> after.');
    expect(draft.warnings.length).toBeGreaterThan(0);
    expect(sentences(parseArticle('Before <span>inside</span> after.', { format: 'markdown' }))[0]?.text).toBe('Before inside after.');
    expect(readMarkdown('A <!-- note --> B <SUP class="x">2</SUP>.').warnings).toHaveLength(3);
  });

  it('keeps a <word> no HTML element is named as the text the author typed, and parts words at <br>', () => {
    const text = (md: string): string | undefined => sentences(parseArticle(md, { format: 'markdown' }))[0]?.text;
    const draft = readMarkdown('Los nombres ftp.<CC>.debian.org y <nombre-de-usuario> siguen.');
    expect(draft.warnings).toEqual([]);
    expect(text('Los nombres ftp.<CC>.debian.org y ftp.<cc>.debian.org siguen igual.')).toBe('Los nombres ftp.<CC>.debian.org y ftp.<cc>.debian.org siguen igual.');
    expect(text('Use </path> or <file name="x"/> here.')).toBe('Use </path> or <file name="x"/> here.');
    expect(text('One line<br>and the next<BR/>one.')).toBe('One line and the next one.');
    expect(text('A <b>bold</b> <abbr title="x">word</abbr>.')).toBe('A bold word.');
  });
});

describe('nesting', () => {
  const list = (depth: number): string => `# Deep\n\n${Array.from({ length: depth }, (_, d) => `${'  '.repeat(d)}- item ${d}`).join('\n')}\n`;
  const quote = (depth: number): string => `# Deep\n\n${Array.from({ length: depth }, (_, d) => `${'>'.repeat(d + 1)} item ${d}`).join('\n')}\n`;
  const mixed = (depth: number): string => `# Deep\n\n${Array.from({ length: depth }, (_, d) => `${'> '.repeat(d % 7)}${'  '.repeat(d)}- item ${d}`).join('\n')}\n`;

  it(`reads lists and quotes nested ${MAX_NESTING} deep`, () => {
    const draft = readMarkdown(list(MAX_NESTING));
    let depth = 0;
    for (let block = draft.blocks[0]; block?.type === 'list'; block = block.items[0]?.[1]) depth++;
    expect(depth).toBe(MAX_NESTING);
    expect(() => readMarkdown(quote(MAX_NESTING))).not.toThrow();
  });

  it('refuses one level more in one line naming where', () => {
    expect(() => readMarkdown(list(MAX_NESTING + 1))).toThrow(new MarkdownError(`lists and quotes nested more than ${MAX_NESTING} deep at line ${MAX_NESTING + 3}; the limit is ${MAX_NESTING}`));
    expect(() => readMarkdown(quote(MAX_NESTING + 1))).toThrow(/^lists and quotes nested more than 16 deep at line \d+; the limit is 16$/);
  });

  it.each([
    ['a list', list],
    ['a quote', quote],
    ['lists inside quotes', mixed],
  ])('refuses %s nested 1,200 deep before parsing it, in one line (a hang guard: parsing it took 44 s and 824 MB, then overflowed the stack)', async (_, make) => {
    const parser = vi.mocked(fromMarkdown);
    const actual = await vi.importActual<typeof import('mdast-util-from-markdown')>('mdast-util-from-markdown');
    // Were the parser reached, it would fail at once with another message instead of running for a minute.
    parser.mockClear().mockImplementation(() => {
      throw new Error('the parser was reached');
    });
    try {
      expect(() => readMarkdown(make(1200))).toThrow(/^line \d+ begins with more than 256 characters of indentation and list or quote markers: lists and quotes may nest at most 16 deep$/);
      expect(parser).not.toHaveBeenCalled();
    } finally {
      parser.mockImplementation(actual.fromMarkdown);
    }
    // The parser is watched for real: an ordinary document reaches it.
    readMarkdown('# Fine\n\n- one\n  - two\n');
    expect(parser).toHaveBeenCalledTimes(1);
  });
});
