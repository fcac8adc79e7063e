import { describe, expect, it } from 'vitest';
import { codeRules, nameParts, spokenName, type CodeWords } from '../../../src/speech/normalise/code.js';
import { applyRules } from '../../../src/speech/normalise/rules.js';

const WORDS: CodeWords = { dot: 'dot', at: 'at', hashtag: 'hashtag', digits: (d) => `<${d}>`, capitals: (c) => c.split('').join(' ') };
const rules = codeRules(WORDS);

function said(text: string): string[] {
  return applyRules(text, rules).map((e) => `${text.slice(e.start, e.end)} = ${e.spoken}`);
}

describe('code-like tokens', () => {
  it.each([
    ['snake_case', ['snake', 'case']],
    ['OpenAPI2', ['Open', 'API', '2']],
    ['HTTPServer', ['HTTP', 'Server']],
    ['kebab-case-name', ['kebab', 'case', 'name']],
  ])('cuts %s into its parts', (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });

  it('reads digits and capitals in a name through the language', () => {
    expect(spokenName('18F', WORDS)).toBe('<18> F');
    expect(spokenName('OpenAPI', WORDS)).toBe('Open A P I');
  });

  it.each([
    ['Use std::io::Read now.', ['std::io::Read = std io Read']],
    ['Call Vec::new() here.', ['Vec::new() = Vec new']],
    ['Edit config.yaml and index.d.ts.', ['config.yaml = config dot yaml', 'index.d.ts = index dot d dot T S']],
    ['Set max_retry_count.', ['max_retry_count = max retry count']],
    ['Tag #OpenData, not #5.', ['#OpenData = hashtag Open Data']],
    ['Ask @18F, write to team@example.org.', ['@18F = at <18> F']],
    ['Mirrors at ftp.<CC>.debian.org for <country-code> and <x2>.', ['<CC> = C C', '<country-code> = country code', '<x2> = x <2>']],
  ])('%s', (text, expected) => {
    expect(said(text)).toEqual(expected);
  });

  it.each(['e.g. this', 'the U.S. said', 'done.Then', 'at 5.30 pm', 'C++ and C#', 'https://18f.gsa.gov/a_day_in_the_life/', 'rsync ftp.example.org::debian-cd/ now', 'see https://example.org/setup.sql', 'if a < b and c > d', '< spaced >', '<1>'])('leaves plain prose alone: %s', (text) => {
    expect(said(text)).toEqual([]);
  });
});
