import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rms } from '../../../src/speech/audio/pcm.js';
import { lengthScaleFor, parseVoiceConfig, parseVoiceMap, pcmOfPiper, piperEngine } from '../../../src/speech/engines/piper.js';
import { VOICES_DIR_ENV } from '../../../src/speech/engines/piper-voices.js';
import { SpeechError, type SpeakableUnit } from '../../../src/speech/engines/types.js';
import { TEST_VOICE, testVoiceModel, testVoicesDir } from '../../helpers/piper.js';

const CONFIG = readFileSync('tests/fixtures/piper/en_US-joe-medium.onnx.json', 'utf8');
const withConfig = (change: (c: Record<string, unknown>) => void): string => {
  const config = JSON.parse(CONFIG) as Record<string, unknown>;
  change(config);
  return JSON.stringify(config);
};

/** A unit as the narration script makes it; Piper reads only `spoken` and `lang`. */
const unit = (spoken: string, lang?: string): SpeakableUnit => ({
  ssml: `<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${lang ?? 'en'}"><s>${spoken}</s></speak>\n`,
  spoken,
  ...(lang !== undefined ? { lang } : {}),
});

describe('Piper voice configuration', () => {
  it("reads the voice's rate, eSpeak voice, scales, id map and language", () => {
    const config = parseVoiceConfig(CONFIG, 'joe.onnx.json');
    expect(config).toMatchObject({ sampleRate: 22050, espeakVoice: 'en-us', noiseScale: 0.667, lengthScale: 1, noiseW: 0.8, speakers: 1, lang: 'en-US' });
    expect(config.phonemeIdMap['ə']).toEqual([59]);
  });

  it('refuses a configuration it cannot speak with, in one line naming the file', () => {
    const refused = (json: string): string => {
      try {
        parseVoiceConfig(json, 'v.onnx.json');
      } catch (error) {
        expect(error).toBeInstanceOf(SpeechError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused('{')).toMatch(/^Piper voice configuration v\.onnx\.json: not JSON/);
    expect(refused(withConfig((c) => (c.phoneme_type = 'text')))).toMatch(/phoneme_type "text" is not supported/);
    expect(refused(withConfig((c) => (c.audio = {})))).toMatch(/audio\.sample_rate/);
    expect(refused(withConfig((c) => (c.espeak = { voice: 'en-us; rm -rf' })))).toMatch(/espeak\.voice/);
    expect(refused(withConfig((c) => (c.inference = { noise_scale: 'loud' })))).toMatch(/inference\.noise_scale/);
    expect(refused(withConfig((c) => delete (c.phoneme_id_map as Record<string, unknown>)['^']))).toMatch(/pad, start or end/);
    expect(refused(withConfig((c) => ((c.phoneme_id_map as Record<string, unknown>).a = 'x')))).toMatch(/phoneme_id_map\["a"\]/);
    for (const line of [refused('[]'), refused('null')]) expect(line).not.toContain('\n');
  });
});

describe('--voice for Piper', () => {
  it('is one voice, or lang=voice pairs', () => {
    expect(parseVoiceMap('en_US-joe-medium')).toEqual({ byLang: new Map(), single: 'en_US-joe-medium' });
    expect(parseVoiceMap('en=en_US-joe-medium, fr-CA = fr_FR-siwis-medium')).toEqual({ byLang: new Map([['en', 'en_US-joe-medium'], ['fr-ca', 'fr_FR-siwis-medium']]) });
    expect(() => parseVoiceMap('en=a=b')).toThrow(/is not lang=voice/);
    expect(() => parseVoiceMap('english=en_US-joe-medium')).toThrow(/is not lang=voice/);
    expect(() => parseVoiceMap('en=')).toThrow(/is not lang=voice/);
  });

  it("maps --rate to length_scale: the voice's own at 175 words a minute", () => {
    expect(lengthScaleFor(undefined, 1)).toBe(1);
    expect(lengthScaleFor(175, 1.2)).toBeCloseTo(1.2);
    expect(lengthScaleFor(350, 1)).toBeCloseTo(0.5);
    expect(() => lengthScaleFor(10, 1)).toThrow(/rate must be/);
  });

  it("peak-normalises the model's output as Piper does, and keeps silence silent", () => {
    expect([...pcmOfPiper(Float32Array.of(0, 0.25, -0.5))]).toEqual([0, 16384, -32767]);
    expect([...pcmOfPiper(new Float32Array(3))]).toEqual([0, 0, 0]);
  });
});

describe('piper engine with the real voice', () => {
  const voices = testVoicesDir();
  const saved = process.env[VOICES_DIR_ENV];
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(path.join(os.tmpdir(), 'voxpress-no-voices-'));
    if (voices) process.env[VOICES_DIR_ENV] = voices;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env[VOICES_DIR_ENV];
    else process.env[VOICES_DIR_ENV] = saved;
    await rm(empty, { recursive: true, force: true });
  });

  it.skipIf(!voices)('picks the installed voice for the language, by name or by path', async () => {
    expect(await piperEngine.voiceFor({ lang: 'en' })).toBe(TEST_VOICE);
    expect(await piperEngine.voiceFor({ lang: 'en-GB' })).toBe(TEST_VOICE);
    expect(await piperEngine.voiceFor({ lang: 'en', voice: TEST_VOICE })).toBe(TEST_VOICE);
    expect(await piperEngine.voiceFor({ lang: 'en', voice: testVoiceModel(voices ?? '') })).toBe(TEST_VOICE);
    // A language without a Piper voice is eSpeak's when the user gave a voice map.
    expect(await piperEngine.voiceFor({ lang: 'fr', voice: `en=${TEST_VOICE}` })).toBe('espeak fr-fr');
  });

  it.skipIf(!voices)('speaks a sentence: non-silent, at the voice rate, as long as the words need, the same samples every time', async () => {
    const sentence = unit('The minister met the ambassador in Islamabad on Monday, and they spoke for an hour.');
    const first = await piperEngine.synthesize(sentence, { lang: 'en' });
    expect(first.sampleRate).toBe(22050);
    expect(first.words).toBeUndefined();
    expect(rms(first.samples)).toBeGreaterThan(0.03);
    const seconds = first.samples.length / first.sampleRate;
    // 16 words at 100 to 250 words a minute.
    expect(seconds).toBeGreaterThan((16 / 250) * 60);
    expect(seconds).toBeLessThan((16 / 100) * 60);
    await piperEngine.synthesize(unit('Something else first.'), { lang: 'en' });
    const again = await piperEngine.synthesize(sentence, { lang: 'en' });
    expect(Buffer.from(again.samples.buffer).equals(Buffer.from(first.samples.buffer))).toBe(true);
    const fast = await piperEngine.synthesize(sentence, { lang: 'en', rate: 350 });
    expect(fast.samples.length / first.samples.length).toBeGreaterThan(0.4);
    expect(fast.samples.length / first.samples.length).toBeLessThan(0.65);
  });

  it.skipIf(!voices)('speaks a passage in a language it has no voice for with eSpeak, at the same rate', async () => {
    const passage = await piperEngine.synthesize(unit('Le ministre a rencontré l’ambassadeur.', 'fr'), { lang: 'en', voice: `en=${TEST_VOICE}` });
    expect(passage.sampleRate).toBe(22050);
    expect(rms(passage.samples)).toBeGreaterThan(0.02);
    // eSpeak reports its words; the Piper voice does not.
    expect(passage.words?.length).toBeGreaterThan(3);
  });

  it.skipIf(!voices)('a missing voice is one line naming the command that installs it', async () => {
    await expect(piperEngine.voiceFor({ lang: 'en', voice: 'en_US-nobody-medium' })).rejects.toThrow('Piper voice en_US-nobody-medium is not installed: run voxpress voices install en_US-nobody-medium');
    await expect(piperEngine.voiceFor({ lang: 'en', voice: 'no such voice' })).rejects.toThrow(/is not a Piper voice name/);
    await expect(piperEngine.voiceFor({ lang: 'en', voice: path.join(empty, 'x.onnx') })).rejects.toThrow(/x\.onnx\.json: no such file/);
    process.env[VOICES_DIR_ENV] = empty;
    try {
      await expect(piperEngine.voiceFor({ lang: 'de' })).rejects.toThrow('no Piper voice is installed for "de": list them with voxpress voices list --available, then run voxpress voices install <name>');
    } finally {
      process.env[VOICES_DIR_ENV] = voices;
    }
  });
});
