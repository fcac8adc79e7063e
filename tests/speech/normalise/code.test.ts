import { describe, expect, it } from 'vitest';
import { codeRules, nameParts, spokenName, type CodeWords } from '../../../src/speech/normalise/code.js';
import { applyRules } from '../../../src/speech/normalise/rules.js';

const WORDS: CodeWords = {
  dot: 'dot',
  at: 'at',
  hashtag: 'hashtag',
  symbols: { '/': 'slash', '-': 'dash', _: 'underscore', ':': 'colon', '?': 'query', '=': 'equals', '&': 'and', '#': 'hash', '~': 'tilde', '%': 'percent', '+': 'plus' },
  digits: (d) => `<${d}>`,
  digitNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  capitals: (c) => c.split('').join(' '),
};
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
    ['Ask @18F, write to team@example.org.', ['@18F = at <18> F', 'team@example.org = team at example dot org']],
    ['Mirrors at ftp.<CC>.debian.org for <country-code> and <x2>.', ['ftp.<CC>.debian.org = ftp dot C C dot debian dot org', '<country-code> = country code', '<x2> = x <2>']],
    // The web's schemes are not said, another is (so the two lists of the Debian notice sound different); digits in an address are read one by one, and every symbol is named.
    ['See ftp://ftp.debian.org and https://www.debian.org/News/2017/20170425.en.html now.', ['ftp://ftp.debian.org = ftp colon slash slash ftp dot debian dot org', 'https://www.debian.org/News/2017/20170425.en.html = w w w dot debian dot org slash News slash 2 0 1 7 slash 2 0 1 7 0 4 2 5 dot en dot html']],
    ['Not ftp://ftp.debian.org/debian/ but http://ftp.debian.org/debian/.', ['ftp://ftp.debian.org/debian/ = ftp colon slash slash ftp dot debian dot org slash debian', 'http://ftp.debian.org/debian/ = ftp dot debian dot org slash debian']],
    ['Query example.com/a_b?x=1&y=2#top, or mail press@debian.org.', ['example.com/a_b?x=1&y=2#top = example dot com slash a underscore b query x equals 1 and y equals 2 hash top', 'press@debian.org = press at debian dot org']],
    // Inside an address the other rules read nothing: it is one reading, not a file name and a snake_case word.
    ['https://18f.gsa.gov/a_day_in_the_life/', ['https://18f.gsa.gov/a_day_in_the_life/ = 18f dot gsa dot gov slash a underscore day underscore in underscore the underscore life']],
    ['see https://example.org/setup.sql', ['https://example.org/setup.sql = example dot org slash setup dot sql']],
    ['rsync ftp.example.org::debian-cd/ now', ['ftp.example.org = ftp dot example dot org']],
  ])('%s', (text, expected) => {
    expect(said(text)).toEqual(expected);
  });

  it.each(['e.g. this', 'the U.S. said', 'done.Then', 'at 5.30 pm', 'C++ and C#', 'if a < b and c > d', '< spaced >', '<1>', 'the file.Es', 'Fin.De'])('leaves plain prose alone: %s', (text) => {
    expect(said(text)).toEqual([]);
  });
});
