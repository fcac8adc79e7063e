import { beforeAll, describe, expect, it } from 'vitest';
import { rms, SPEECH_THRESHOLD } from '../../../src/speech/audio/pcm.js';
import { builtVoices, espeakEngine, espeakVoices, listedVoices, voiceForLang, withCreatedPathsRemembered, withQuickErrnoErrors, withVoiceLanguage, type EspeakVoice } from '../../../src/speech/engines/espeak.js';
import type { EmscriptenFS } from 'espeak-ng';
import { SpeechError } from '../../../src/speech/engines/types.js';

const ssml = (lang: string, body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="${lang}">${body}</speak>\n`;

const unit = (lang: string, text: string, body = text): { ssml: string; spoken: string } => ({ ssml: ssml(lang, body), spoken: text });

describe('withQuickErrnoErrors', () => {
  it("makes the file system's errors without a stack trace, as the glue reads them: name, errno, node, instanceof, and the message when asked", () => {
    let traces = 0;
    const messages: Record<number, string> = { 44: 'No such file or directory' };
    // Emscripten's constructor, in the shape its glue has: it captures a trace each time.
    const Original = function (this: Error & { errno: number; node: unknown }, errno: number, node?: unknown): void {
      traces++;
      this.name = 'ErrnoError';
      this.errno = errno;
      this.node = node;
      this.message = messages[errno] ?? '';
    } as unknown as EmscriptenFS['ErrnoError'];
    Original.prototype = new Error();
    const fs = { ErrnoError: Original } as unknown as EmscriptenFS;
    withQuickErrnoErrors(fs);
    const node = {};
    const error = new fs.ErrnoError(44, node);
    expect(traces).toBe(0);
    expect(error).toBeInstanceOf(Original);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'ErrnoError', errno: 44, node });
    expect(error.message).toBe('No such file or directory');
    expect(Object.hasOwn(error, 'stack')).toBe(false);
  });
});

describe('withCreatedPathsRemembered', () => {
  it('makes each folder path once until told to forget, then leaves the file system as it was', () => {
    const made: string[] = [];
    const createPath = (parent: unknown, path: string, canRead?: boolean): unknown => {
      made.push(`${String(parent)}:${path}:${String(canRead)}`);
      return { path };
    };
    const fs = { createPath } as unknown as EmscriptenFS;
    const forget = withCreatedPathsRemembered(fs);
    const first = fs.createPath('/', 'usr/local/share/espeak-ng-data/lang', true, true);
    expect(fs.createPath('/', 'usr/local/share/espeak-ng-data/lang', true, true)).toBe(first);
    fs.createPath('/', 'usr/local/share/espeak-ng-data/voices', true, true);
    fs.createPath('/', 'usr/local/share/espeak-ng-data/lang', false, true);
    expect(made).toEqual(['/:usr/local/share/espeak-ng-data/lang:true', '/:usr/local/share/espeak-ng-data/voices:true', '/:usr/local/share/espeak-ng-data/lang:false']);
    forget();
    expect(fs.createPath).toBe(createPath);
  });
});

describe('espeak engine (WASM)', () => {
  let voices: EspeakVoice[];
  beforeAll(async () => {
    voices = await espeakVoices();
  });

  it('lists the bundled voices and picks one for a language tag', () => {
    expect(voices.length).toBeGreaterThan(50);
    expect(voiceForLang('fr', voices)).toBe('fr-fr');
    expect(voiceForLang('fr-BE', voices)).toBe('fr-be');
    expect(voiceForLang('fr-CA', voices)).toBe('fr-fr');
    expect(voiceForLang('en-US', voices)).toBe('en-us');
    expect(voiceForLang('de', voices)).toBe('de');
    expect(voiceForLang('en', voices)).toBe('en-gb');
    expect(voiceForLang('zh', voices)).toBe('cmn');
    expect(voiceForLang('xx', voices)).toBeUndefined();
  });

  it('uses the voice list the build wrote, which is the one eSpeak itself lists', async () => {
    // npm test builds first, so the list is there; without it espeakVoices would list the voices itself.
    const built = builtVoices();
    expect(built).toBeDefined();
    expect(voices).toEqual(built);
    expect(await listedVoices()).toEqual(built);
  });

  it('applies a voice variant (en-gb+f3 sounds different from en-gb) and refuses a malformed one', async () => {
    const u = unit('en', 'The minister met the ambassador.');
    const plain = await espeakEngine.synthesize(u, { lang: 'en', voice: 'en-gb' });
    const variant = await espeakEngine.synthesize(u, { lang: 'en', voice: 'en-gb+f3' });
    expect(await espeakEngine.voiceFor({ lang: 'en', voice: 'en-gb+f3' })).toMatch(/^gmw\/en.*\+f3$/);
    expect(Buffer.compare(Buffer.from(plain.samples.buffer), Buffer.from(variant.samples.buffer))).not.toBe(0);
    expect(rms(variant.samples)).toBeGreaterThan(0.02);
    await expect(espeakEngine.voiceFor({ lang: 'en', voice: 'en-gb+f3; rm' })).rejects.toThrow(SpeechError);
  });

  it('reuses one instance: the same unit gives the same samples, whatever ran before', async () => {
    const a = unit('en', 'The minister met the ambassador on Monday.');
    const b = unit('fr', 'Le ministre a rencontré l’ambassadeur lundi.');
    // A long unit between: its larger heap must be gone before the next run.
    const long = unit('en', Array.from({ length: 30 }, () => 'The minister met the ambassador, and they spoke at length about trade.').join(' '));
    const first = await espeakEngine.synthesize(a, { lang: 'en' });
    await espeakEngine.synthesize(b, { lang: 'fr' });
    await espeakEngine.synthesize(long, { lang: 'en' });
    const again = await espeakEngine.synthesize(a, { lang: 'en' });
    expect(first.sampleRate).toBe(22050);
    expect(first.samples.length).toBeGreaterThan(22050);
    expect(rms(first.samples)).toBeGreaterThan(0.02);
    expect(Buffer.compare(Buffer.from(first.samples.buffer), Buffer.from(again.samples.buffer))).toBe(0);
  });

  it('honours voice and rate', async () => {
    const text = unit('en', 'Numbers and words, spoken at two speeds.');
    const normal = await espeakEngine.synthesize(text, { lang: 'en' });
    const fast = await espeakEngine.synthesize(text, { lang: 'en', rate: 350 });
    const american = await espeakEngine.synthesize(text, { lang: 'en', voice: 'en-us' });
    expect(fast.samples.length).toBeLessThan(normal.samples.length * 0.7);
    expect(Buffer.compare(Buffer.from(normal.samples.buffer), Buffer.from(american.samples.buffer))).not.toBe(0);
  });

  it('makes a chosen voice heard over the SSML language (espeak lets xml:lang override -v)', async () => {
    expect(withVoiceLanguage(ssml('en-US', '<s xml:lang="en-US">Hi</s>'), 'en-gb')).toBe(ssml('en-gb', '<s xml:lang="en-US">Hi</s>'));
    const text = unit('en-US', 'The harbour opens in the autumn.');
    const british = await espeakEngine.synthesize(text, { lang: 'en-US', voice: 'en-gb' });
    const american = await espeakEngine.synthesize(text, { lang: 'en-US' });
    const britishDoc = await espeakEngine.synthesize(unit('en-GB', 'The harbour opens in the autumn.'), { lang: 'en-GB' });
    expect(Buffer.compare(Buffer.from(british.samples.buffer), Buffer.from(american.samples.buffer))).not.toBe(0);
    expect(Buffer.compare(Buffer.from(british.samples.buffer), Buffer.from(britishDoc.samples.buffer))).toBe(0);
  });

  it('speaks escaped hostile text and emoji without failing', async () => {
    const pcm = await espeakEngine.synthesize(unit('en', 'x', 'Tom &amp; Jerry &lt;b&gt; "quoted" \'single\' 😀 עברית'), { lang: 'en' });
    expect(rms(pcm.samples)).toBeGreaterThan(0.02);
  });

  it('gives clear errors for an unknown voice or language and a bad rate', async () => {
    await expect(espeakEngine.synthesize(unit('en', 'hi'), { lang: 'en', voice: 'no-such-voice' })).rejects.toThrow(SpeechError);
    await expect(espeakEngine.voiceFor({ lang: 'xx' })).rejects.toThrow(/no voice for language "xx"/);
    await expect(espeakEngine.synthesize(unit('en', 'hi'), { lang: 'en', rate: 5 })).rejects.toThrow(/rate must be/);
  });

  describe('word positions (eSpeak\'s word events, read through its synthesis callback)', () => {
    const sentence = (lang: string, body: string): { ssml: string; spoken: string } => ({ ssml: ssml(lang, `<s>${body}\n</s>`), spoken: '' });
    /** The sample where the voice comes back after the first run of at least `gapMs` of silence at or after `from`. */
    const onsetAfterSilence = (samples: Int16Array, from: number, to: number, gapMs: number): number | undefined => {
      const level = SPEECH_THRESHOLD * 32768;
      const gap = Math.round((22050 * gapMs) / 1000);
      let quiet = 0;
      for (let i = from; i < to; i++) {
        if (Math.abs(samples[i] ?? 0) <= level) quiet++;
        else if (quiet >= gap) return i;
        else quiet = 0;
      }
      return undefined;
    };

    it('reports every written word once, in order, at increasing samples', async () => {
      const text = 'The minister arrived late, and then spoke to the press.';
      const pcm = await espeakEngine.synthesize(sentence('en', text), { lang: 'en' });
      const words = pcm.words ?? [];
      expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['The', 'minister', 'arrived', 'late', 'and', 'then', 'spoke', 'to', 'the', 'press']);
      words.forEach((w, i) => {
        expect(w.sample).toBeGreaterThanOrEqual(words[i - 1]?.sample ?? 0);
        expect(w.sample).toBeLessThan(pcm.samples.length);
      });
    });

    it('places a word after a pause at most 60 ms from where its voice begins (measured on the PCM; eSpeak reports it early, at the end of the pause phoneme)', async () => {
      const text = 'Hello world, twenty more. Again, and again.';
      const pcm = await espeakEngine.synthesize(sentence('en', text), { lang: 'en' });
      const words = pcm.words ?? [];
      const afterPause = ['twenty', 'Again', 'and'].map((word) => words.find((w) => text.slice(w.start, w.end) === word));
      for (const [i, word] of afterPause.entries()) {
        if (!word) throw new Error(`no event for word ${i}`);
        const previous = words[words.indexOf(word) - 1];
        const heard = onsetAfterSilence(pcm.samples, previous?.sample ?? 0, pcm.samples.length, 60);
        if (heard === undefined) throw new Error(`no pause before ${text.slice(word.start, word.end)}`);
        expect(Math.abs(((heard - word.sample) * 1000) / 22050), text.slice(word.start, word.end)).toBeLessThanOrEqual(60);
      }
    });

    it('gives every word of a <sub alias> the written form it replaces, wherever the sub is', async () => {
      const body = "On <sub alias='October eighth, twenty twenty-four'>2024-10-08</sub> we paid <sub alias='five dollars'>$5</sub>";
      const written = 'On 2024-10-08 we paid $5';
      const pcm = await espeakEngine.synthesize(sentence('en', body), { lang: 'en' });
      const said = (pcm.words ?? []).map((w) => written.slice(w.start, w.end));
      expect(said[0]).toBe('On');
      // The alias's words (October, eighth, twenty, twenty-four) all point at the date, then the plain words, then the final sub, which ends the sentence.
      expect(said.filter((w) => w === '2024-10-08').length).toBeGreaterThanOrEqual(3);
      expect(said.slice(-4)).toEqual(['we', 'paid', '$5', '$5']);
    });

    it('reads an alias with its references resolved (eSpeak\'s own <sub> would say "apos")', async () => {
      const aliased = await espeakEngine.synthesize(sentence('fr', "trois cents millions <sub alias='d&apos;euros'>d’€</sub>"), { lang: 'fr' });
      const plain = await espeakEngine.synthesize(sentence('fr', "trois cents millions d'euros"), { lang: 'fr' });
      expect(Buffer.compare(Buffer.from(aliased.samples.buffer), Buffer.from(plain.samples.buffer))).toBe(0);
    });
  });
});
