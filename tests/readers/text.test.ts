import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text.js';
import { parseArticle } from '../../src/readers/index.js';
import { sentences } from '../../src/model/walk.js';

const paragraphTexts = (text: string): string[] =>
  parseArticle(text).blocks.map((b) => (b.type === 'paragraph' ? b.sentences.map((s) => s.text).join(' ') : ''));

describe('readText', () => {
  it('reads the leading date marker on the first paragraph\'s line', () => {
    const draft = readText('date 2024-10-08 In a move. Second.\n\nNext.');
    expect(draft.meta.date).toBe('2024-10-08');
    expect(draft.blocks).toHaveLength(2);
    expect(paragraphTexts('date 2024-10-08 In a move. Second.\n\nNext.')).toEqual(['In a move. Second.', 'Next.']);
  });
  it('accepts whitespace before the marker', () => {
    expect(readText('\n  \t date 2024-10-08\nText.').meta.date).toBe('2024-10-08');
  });
  it('does not take a sentence starting with "date" for a marker', () => {
    expect(readText('Date night was fun.').meta).toEqual({});
    expect(readText('Date 2 of the tour began in Lahore.').meta).toEqual({});
    expect(paragraphTexts('Date 2 of the tour began in Lahore.')).toEqual(['Date 2 of the tour began in Lahore.']);
    expect(paragraphTexts('Date night was fun.')).toEqual(['Date night was fun.']);
  });
  it('refuses an impossible date with a clear error', () => {
    expect(() => parseArticle('date 2024-13-45 Text.', { file: 'a.txt' })).toThrow('a.txt: invalid date "2024-13-45" (expected YYYY-MM-DD)');
  });
  it('splits paragraphs on one or more blank lines (with stray spaces) and joins single line breaks', () => {
    expect(paragraphTexts('One\nline.\n\n\n\nTwo.\n   \nThree.')).toEqual(['One line.', 'Two.', 'Three.']);
  });
  it('handles BOM, CRLF, CR, tabs and runs of spaces', () => {
    expect(paragraphTexts('\uFEFFdate 2024-01-02 A\tb   c.\r\n\r\nD.\rE.')).toEqual(['A b c.', 'D. E.']);
  });
  it('NFC-normalises and drops control characters', () => {
    expect(paragraphTexts('Cafe\u0301 \u0007ok\u0000.')).toEqual(['Café ok.']);
  });
  it('keeps XML specials and quotes as plain text', () => {
    const doc = parseArticle(`Tom & Jerry <b>said</b> "hi" 'there' \\ ( ).`);
    expect(sentences(doc)[0]?.text).toBe(`Tom & Jerry <b>said</b> "hi" 'there' \\ ( ).`);
  });
});
