import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clauseTerminators, phonemeIds, phonemesOf, type PhonemeIdMap } from '../../../src/speech/engines/piper-phonemes.js';
import { parseVoiceConfig, unitPhonemeIds } from '../../../src/speech/engines/piper.js';
import { CONFORMANCE } from '../../helpers/conformance.js';
import { testVoiceModel, testVoicesDir } from '../../helpers/piper.js';

/**
 * The phonemiser against Piper's own: tests/fixtures/piper/reference.json is
 * what piper-tts 1.8.0 makes of sentences.json with en_US-joe-medium (made by
 * reference.py; under VOXPRESS_CONFORMANCE=1 it is made again here from
 * piper-tts and must be the same, so the fixture is Piper's, not ours).
 */
const FIXTURES = path.resolve('tests/fixtures/piper');
interface Reference {
  readonly text: string;
  readonly phonemes: string;
  readonly ids: number[];
}
const reference = JSON.parse(readFileSync(path.join(FIXTURES, 'reference.json'), 'utf8')) as Reference[];
const sentences = JSON.parse(readFileSync(path.join(FIXTURES, 'sentences.json'), 'utf8')) as string[];

/**
 * Where the bundled eSpeak NG (npm espeak-ng 1.0.2) and the newer one inside
 * piper-tts pronounce a word differently: their dictionaries, not the
 * phonemiser. Every other phoneme must be Piper's.
 */
const DICTIONARY_DIFFERENCES: readonly [piper: string, ours: string][] = [
  ['θɹˈiːʲ', 'θɹˈiː'], // the linking yod before a vowel, added to en-us after 1.51
  ['ʃiːʲ', 'ʃiː'],
  ['ðɪʲ', 'ðɪ'],
  ['fˈɔːɹ', 'fˈoːɹ'], // "four"
];

/** Piper's phonemes with the known dictionary differences put in our eSpeak's form. */
function inOurDictionary(phonemes: string): string {
  return DICTIONARY_DIFFERENCES.reduce((text, [piper, ours]) => text.split(piper).join(ours), phonemes);
}

/** piper-tts and the voice, from tests/conformance/piper/fetch.sh; missing, the comparison skips (and fails under VOXPRESS_CONFORMANCE=1). */
function findPiperTts(): { python: string; voices: string } | undefined {
  const python = process.env.VOXPRESS_PIPER_TTS_PYTHON;
  const voices = testVoicesDir();
  if (python && voices) return { python, voices };
  if (CONFORMANCE) throw new Error('VOXPRESS_CONFORMANCE=1 but piper-tts is missing (VOXPRESS_PIPER_TTS_PYTHON: eval "$(bash tests/conformance/piper/fetch.sh)")');
  console.warn('skipping the comparison with piper-tts: VOXPRESS_PIPER_TTS_PYTHON or the test voice is missing (set VOXPRESS_CONFORMANCE=1 to require them)');
  return undefined;
}
const piperTts = findPiperTts();

function joeMap(): PhonemeIdMap {
  // The map of the real voice's configuration, copied into the fixture folder for the tests that run without it.
  return parseVoiceConfig(readFileSync(path.join(FIXTURES, 'en_US-joe-medium.onnx.json'), 'utf8'), 'en_US-joe-medium.onnx.json').phonemeIdMap;
}

describe('Piper phoneme ids', () => {
  it('the fixture holds the sentences', () => {
    expect(reference.map((r) => r.text)).toEqual(sentences);
  });

  it.skipIf(!piperTts)('the fixture is what piper-tts makes of the sentences', () => {
    const made = execFileSync(piperTts?.python ?? '', [path.join(FIXTURES, 'reference.py'), testVoiceModel(piperTts?.voices ?? '')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    expect(JSON.parse(made)).toEqual(reference);
  });

  it("maps Piper's phonemes to Piper's ids: BOS PAD (id PAD)* EOS through the voice's map", () => {
    const map = joeMap();
    for (const r of reference) expect(phonemeIds([...r.phonemes], map), r.text).toEqual({ ids: r.ids, missing: [] });
  });

  it('leaves out phonemes the voice has no id for, and says which', () => {
    expect(phonemeIds(['a', '☃', 'b', '☃'], { _: [0], '^': [1], $: [2], a: [14], b: [15] })).toEqual({ ids: [1, 0, 14, 0, 15, 0, 2], missing: ['☃'] });
  });

  it("joins clauses as Piper does: the terminator, a space after , : ; only, language flags removed, NFD", () => {
    expect(phonemesOf([{ ipa: 'wˈʌn', terminator: ',' }, { ipa: 'tˈuː', terminator: '.' }]).join('')).toBe('wˈʌn, tˈuː.');
    expect(phonemesOf([{ ipa: 'wˈʌn', terminator: '' }, { ipa: 'tˈuː', terminator: '' }]).join('')).toBe('wˈʌntˈuː');
    expect(phonemesOf([{ ipa: 'ðə (fr)kafe(en) ɪz', terminator: '?' }]).join('')).toBe('ðə kafe ɪz?');
    // é is e + U+0301, two phonemes.
    expect(phonemesOf([{ ipa: 'kafé', terminator: '' }])).toEqual(['k', 'a', 'f', 'e', '\u0301']);
  });

  it('ends clauses where eSpeak does, with the terminator Piper gives them', () => {
    expect(clauseTerminators('Hello, world; it is three o\'clock.')).toEqual([',', ';', '.']);
    expect(clauseTerminators('"How are you?" she asked.')).toEqual(['?', '.']);
    expect(clauseTerminators('It rose 3.5 percent, a,b test')).toEqual([',', '']);
    expect(clauseTerminators('Wait — what? One – two - three')).toEqual([';', '?', ';', '']);
    expect(clauseTerminators('one… two... three')).toEqual(['', '', '']);
    expect(clauseTerminators('uno ¿dos? tres')).toEqual(['', '?', '']);
    expect(clauseTerminators('(the appendix) lists, , items')).toEqual([',', '']);
    expect(clauseTerminators('   ')).toEqual([]);
  });

  it("phonemises the sentences as Piper does, but for the two eSpeak NG versions' dictionaries", async () => {
    const config = parseVoiceConfig(readFileSync(path.join(FIXTURES, 'en_US-joe-medium.onnx.json'), 'utf8'), 'joe');
    for (const r of reference) {
      const ours = await unitPhonemeIds(r.text, config);
      expect(ours.phonemes.join(''), r.text).toBe(inOurDictionary(r.phonemes));
      expect(ours.missing, r.text).toEqual([]);
    }
    // And the differences listed are real ones: each occurs in Piper's phonemes.
    for (const [piper] of DICTIONARY_DIFFERENCES) expect(reference.some((r) => r.phonemes.includes(piper)), piper).toBe(true);
  });
});

describe('the test voice', () => {
  it.skipIf(!piperTts)("its configuration is the fixture's copy", () => {
    const voices = piperTts?.voices ?? '';
    expect(readFileSync(`${testVoiceModel(voices)}.json`, 'utf8')).toBe(readFileSync(path.join(FIXTURES, 'en_US-joe-medium.onnx.json'), 'utf8'));
  });
});
