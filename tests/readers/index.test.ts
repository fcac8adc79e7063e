import { describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';
import { ARTICLE_EXTENSIONS, formatOf, parseArticle, READER_ENTRIES, READERS, readerForFile, readerNamed } from '../../src/readers/index.js';
import { ArticleError } from '../../src/shared/errors.js';

describe('the reader registry', () => {
  it('lists each reader once with its extensions and media types, and no extension twice', () => {
    expect(READERS.map((r) => r.name)).toEqual(['text', 'markdown']);
    expect(new Set(ARTICLE_EXTENSIONS).size).toBe(ARTICLE_EXTENSIONS.length);
    for (const reader of READERS) {
      expect(reader.extensions.length).toBeGreaterThan(0);
      expect(reader.mediaTypes.every((t) => /^[a-z]+\/[a-z+.-]+$/.test(t))).toBe(true);
      expect(readerNamed(reader.name)).toBe(reader);
    }
  });

  it('loads, for the library, exactly the readers the registry lists, each the function its entry loads', async () => {
    expect(READERS.map((r) => r.name)).toEqual(READER_ENTRIES.map((r) => r.name));
    for (const [i, entry] of READER_ENTRIES.entries()) expect(READERS[i]?.read).toBe(await entry.load());
  });

  it('picks the reader by extension, case-insensitively, and plain text for anything unclaimed', () => {
    expect(formatOf('a/story.MD')).toBe('markdown');
    expect(formatOf('story.markdown')).toBe('markdown');
    expect(formatOf('story.txt')).toBe('text');
    expect(readerForFile('notes')).toBe(readerNamed('text'));
    expect(readerForFile('dir.md/story')).toBe(readerNamed('text'));
  });

  it('parses with the named format whatever the file is called, into a valid document', () => {
    const doc = parseArticle('# Title\n\nBody text here.', { file: 'x.txt', format: 'markdown' });
    expect(doc.meta.title).toBe('Title');
    expect(documentProblems(doc)).toEqual([]);
  });

  it('names the file in a one-line error for input a reader refuses', () => {
    const error = (() => {
      try {
        parseArticle('---\ntitle: [unclosed\n---\nText.', { file: 'bad.md' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ArticleError);
    expect((error as Error).message).toMatch(/^bad\.md: /);
    expect((error as Error).message).not.toContain('\n');
    expect(() => parseArticle('   \n\n  ', { file: 'empty.txt' })).toThrow(/empty\.txt: no text to read/);
  });
});
