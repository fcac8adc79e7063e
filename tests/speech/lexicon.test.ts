import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { readLexicon } from '../../src/io/lexicon.js';
import { LexiconError, parseLexicon, type Lexicon } from '../../src/speech/lexicon.js';
import { ssmlFiles } from '../../src/writers/ssml-files.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { parseSsml } from '../helpers/speech.js';

const DIR = 'tests/fixtures/speech/lexicons';
const PLS = 'xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"';

describe('PLS lexicons', () => {
  let names: Lexicon;
  beforeAll(async () => {
    names = await readLexicon(`${DIR}/names.pls`);
  });

  it('reads graphemes with their alias or phoneme (prefer="true" first) as plain data', () => {
    expect(names).toEqual({
      source: `${DIR}/names.pls`,
      lang: 'en-US',
      entries: [
        { graphemes: ['Khorev'], alias: 'Khar-yoff' },
        { graphemes: ['Asif'], phoneme: 'ˈɑːsɪf', alphabet: 'ipa' },
        { graphemes: ['Islamabad', 'ISB'], alias: 'Is-lama-bad' },
        { graphemes: ['NATO'], alias: 'the North Atlantic alliance' },
      ],
    });
    expect(structuredClone(names)).toEqual(names);
  });

  it.each([
    ['broken.pls', /broken\.pls: invalid PLS lexicon: not well-formed XML \(line \d+: .+\)/],
    ['no-pronunciation.pls', /no-pronunciation\.pls: invalid PLS lexicon: lexeme on line 3 has neither <phoneme> nor <alias>/],
    ['missing.pls', /missing\.pls: invalid PLS lexicon: cannot read file \(ENOENT\)/],
  ])('%s gives a clear error naming the file and the problem', async (file, message) => {
    const error = await readLexicon(`${DIR}/${file}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it.each([
    ['<lexicon version="1.0" alphabet="ipa" xml:lang="en"/>', 'root element is <lexicon> in namespace "", expected <lexicon> in http://www.w3.org/2005/01/pronunciation-lexicon'],
    [`<lexicon ${PLS} alphabet="ipa" xml:lang="en"/>`, 'version must be "1.0" (found none)'],
    [`<lexicon version="1.0" ${PLS} xml:lang="en"/>`, 'the <lexicon> element has no alphabet attribute'],
    [`<lexicon version="1.0" ${PLS} alphabet="ipa"/>`, 'the <lexicon> element has no xml:lang attribute'],
    [`<lexicon version="1.0" ${PLS} alphabet="ipa" xml:lang="en"><lexeme><alias>x</alias></lexeme></lexicon>`, 'lexeme on line 1 has no <grapheme>'],
    [`<lexicon version="1.0" ${PLS} alphabet="ipa" xml:lang="en"><lexeme><grapheme> </grapheme><alias>x</alias></lexeme></lexicon>`, 'lexeme on line 1 has an empty <grapheme>'],
  ])('rejects %s', (xml, problem) => {
    expect(() => parseLexicon(xml, 'words.pls')).toThrow(`words.pls: invalid PLS lexicon: ${problem}`);
  });

  it('applies aliases in every profile and phonemes only where the profile supports the alphabet', () => {
    const doc = parseArticle(readFileSync('input/khorev-asif-meeting.txt', 'utf8'), { file: 'sample.txt' });
    for (const profile of ['w3c', 'polly', 'azure', 'google'] as const) {
      const files = ssmlFiles(doc, { script: { profile, lexicons: [names] } });
      for (const file of files) {
        const xml = String(file.data);
        const subs = parseSsml(xml).sentences.flatMap((s) => s.subs);
        expect(subs).toContainEqual({ written: 'Khorev', alias: 'Khar-yoff' });
        expect(subs).toContainEqual({ written: 'Islamabad', alias: 'Is-lama-bad' });
        // IPA is accepted by every profile.
        expect(xml).toMatch(/<phoneme alphabet=.ipa. ph=.ˈɑːsɪf.>Asif<\/phoneme>/);
      }
      expect(ssmlProblems(String(files[0]?.data))).toEqual([]);
    }
  });

  it('drops a phoneme in an alphabet the profile does not accept, reading the word as written', () => {
    const sampa: Lexicon = { source: 'x', lang: 'en', entries: [{ graphemes: ['Asif'], phoneme: 'A:sIf', alphabet: 'x-sampa' }] };
    const doc = parseArticle('Minister Asif spoke.', { format: 'text' });
    const [w3c, azure] = [ssmlFiles(doc, { script: { lexicons: [sampa] } }), ssmlFiles(doc, { script: { profile: 'azure', lexicons: [sampa] } })];
    expect(String(w3c[0]?.data)).toContain(`<phoneme alphabet='x-sampa' ph='A:sIf'>Asif</phoneme>`);
    expect(String(azure[1]?.data)).not.toContain('<phoneme');
    expect(String(azure[1]?.data)).toContain('Minister Asif spoke.');
  });

  it('uses only lexicons in the article language, the first one winning, and overrides the normaliser', async () => {
    const french = await readLexicon(`${DIR}/french.pls`);
    const en = parseArticle('Khorev met NATO.', { format: 'text' });
    const enSubs = parseSsml(String(ssmlFiles(en, { script: { lexicons: [french, names] } })[0]?.data)).sentences.flatMap((s) => s.subs);
    expect(enSubs).toContainEqual({ written: 'Khorev', alias: 'Khar-yoff' });
    expect(enSubs).toContainEqual({ written: 'NATO', alias: 'the North Atlantic alliance' });
    const fr = parseArticle('Khorev est arrivé.', { format: 'text', overrides: { lang: 'fr' } });
    const frSubs = parseSsml(String(ssmlFiles(fr, { script: { lexicons: [french, names] } })[0]?.data)).sentences.flatMap((s) => s.subs);
    expect(frSubs).toContainEqual({ written: 'Khorev', alias: 'Korève' });
  });
});
