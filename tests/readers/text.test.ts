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

describe('structure inferred from plain text', () => {
  const kinds = (text: string, options?: { inferStructure: boolean }) =>
    parseArticle(text, { format: 'text', ...(options ? { reader: options } : {}) }).blocks.map((b) => (b.type === 'heading' ? `h:${b.sentences.map((s) => s.text).join(' ')}` : b.type === 'list' ? `list:${b.items.length}` : b.type));

  it('makes an isolated short line between paragraphs a heading, marked as inferred', () => {
    const text = 'The agency published its annual report on Tuesday. It covers twelve programmes.\n\nAccessibility\n\nEvery page now meets the new standard, the report says.\n\nProducts we shipped\n\nThree tools reached users this year.';
    expect(kinds(text)).toEqual(['paragraph', 'h:Accessibility', 'paragraph', 'h:Products we shipped', 'paragraph']);
    const doc = parseArticle(text, { format: 'text' });
    expect(doc.blocks[1]).toMatchObject({ type: 'heading', level: 1, inferred: true });
    expect(kinds('Bienvenidos a todos los participantes de la conferencia, dijo la ministra.\n\nBienvenidos\n\nEl programa empieza hoy.')).toEqual(['paragraph', 'h:Bienvenidos', 'paragraph']);
  });

  it('takes a short first line standing above the text as the headline', () => {
    const doc = parseArticle('Senate passes the budget\n\nThe Senate passed the budget on Monday. It goes to the House next.', { format: 'text' });
    expect(doc.meta.title).toBe('Senate passes the budget');
    expect(doc.meta.titleDerived).toBe(false);
  });

  it('reads bulleted and numbered lines as a list, and a run of short lines (a list of names) as one list, not headings', () => {
    expect(kinds('We shipped three things this year.\n\n- A new reader\n- Faster audio\n- Better captions\n\nMore next year.')).toEqual(['paragraph', 'list:3', 'paragraph']);
    const numbered = parseArticle('Steps to follow today.\n\n1. Open the file\n2. Read it\n\nDone now.', { format: 'text' });
    expect(numbered.blocks[1]).toMatchObject({ type: 'list', ordered: true, inferred: true });
    const names = Array.from({ length: 200 }, (_, i) => `Contributor Number ${i + 1}`);
    expect(kinds(`Thanks to everyone who contributed to this release.\n\n${names.join('\n\n')}\n\nSee you next time.`)).toEqual(['paragraph', 'list:200', 'paragraph']);
    expect(kinds(`Thanks to:\n\n${names.slice(0, 5).join('\n')}\n\nSee you.`)).toEqual(['paragraph', 'list:5', 'paragraph']);
  });

  it('infers nothing in wire-style prose', () => {
    const wire = [
      'WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to approve the measure, sending it to the House.',
      '"This is a good day," said the majority leader, who had pushed for the vote for months.',
      'The House is expected to take up the bill next week.',
      'Opponents said they would keep fighting.',
    ].join('\n\n');
    expect(kinds(wire)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('is off with inferStructure: false (--no-infer-structure)', () => {
    expect(kinds('Text first here.\n\nAccessibility\n\nMore text here.', { inferStructure: false })).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });
});
