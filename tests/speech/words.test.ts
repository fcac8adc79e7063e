import { describe, expect, it } from 'vitest';
import { SPEECH_MARGIN_MS } from '../../src/speech/audio/pcm.js';
import { unitWords, writtenWords } from '../../src/speech/words.js';

const RATE = 1000; // a sample a millisecond
/** Speech of `length` samples, loud in the given [from, to) stretches and silent elsewhere. */
function speech(length: number, loud: readonly [number, number][]): { sampleRate: number; samples: Int16Array } {
  const samples = new Int16Array(length);
  for (const [from, to] of loud) samples.fill(8000, from, to);
  return { sampleRate: RATE, samples };
}

describe('unit words', () => {
  it('finds the written words as runs of non-space characters', () => {
    expect(writtenWords(' Hello,  world — again ')).toEqual([
      { start: 1, end: 7 },
      { start: 9, end: 14 },
      { start: 15, end: 16 },
      { start: 17, end: 22 },
    ]);
  });

  it('counts marks typed apart with their word: an opener with the next, a closer with the one before', () => {
    const words = (text: string): string[] => writtenWords(text).map((w) => text.slice(w.start, w.end));
    expect(words('Banques belges piratées : « Le parquet exagère les chiffres »')).toEqual(['Banques', 'belges', 'piratées :', '« Le', 'parquet', 'exagère', 'les', 'chiffres »']);
    expect(words('dit « oui » ; puis ( enfin ) . ¿ Qué ?')).toEqual(['dit', '« oui » ;', 'puis', '( enfin ) .', '¿ Qué ?']);
    // Marks on a word, a dash and code are words as typed.
    expect(words('f(x) and «C’est» fine — a-b.')).toEqual(['f(x)', 'and', '«C’est»', 'fine', '—', 'a-b.']);
    // Marks with no word on their side stay where they are.
    expect(words('« » ;')).toEqual(['« » ;']);
    expect(words('Fin «')).toEqual(['Fin «']);
    expect(words('» suite')).toEqual(['»', 'suite']);
  });

  it('sees marks typed apart as the sentence splitter does: straight quotes by parity, every script\'s brackets', () => {
    const words = (text: string): string[] => writtenWords(text).map((w) => text.slice(w.start, w.end));
    // The first lone " opens, the second closes, as markRoles counts them.
    expect(words('He said " not now " and left')).toEqual(['He', 'said', '" not', 'now "', 'and', 'left']);
    expect(words('‚ so ’ ‼')).toEqual(['‚ so ’ ‼']);
    expect(words('「 東京 」 と')).toEqual(['「 東京 」', 'と']);
  });

  it('times each written word from the engine word that begins it, cut at its voice', () => {
    //             0123456789012345678
    const text = 'Hello world, again.';
    // Voice: Hello 0-300, world 310-600, pause, again 700-1000. eSpeak reports "again" early, at 660.
    const pcm = speech(1000, [[0, 300], [310, 600], [700, 1000]]);
    const engine = [
      { sample: 40, start: 0, end: 5 },
      { sample: 340, start: 6, end: 11 },
      { sample: 660, start: 13, end: 18 },
    ];
    // The unit was cut from the engine's PCM at sample 40: its samples are counted from there.
    const { words, estimated } = unitWords(text, engine, pcm, 40);
    expect(estimated).toBe(false);
    expect(words).toEqual([
      // Each word ends where its voice fades, at most where the next word's engine position is.
      { start: 0, end: 5, from: 0, to: 300 },
      { start: 6, end: 12, from: 310 - SPEECH_MARGIN_MS, to: 600 + SPEECH_MARGIN_MS },
      { start: 13, end: 19, from: 700 - SPEECH_MARGIN_MS, to: 1000 },
    ]);
  });

  it('makes written words said as one (a sub over "9:00 AM") one timed word, and joins a word the engine skipped to the one before', () => {
    const text = 'At 9:00 AM — sharp';
    const pcm = speech(1000, [[0, 1000]]);
    const engine = [
      { sample: 0, start: 0, end: 2 },
      { sample: 200, start: 3, end: 10 }, // nine
      { sample: 400, start: 3, end: 10 }, // A
      { sample: 500, start: 3, end: 10 }, // M
      { sample: 700, start: 13, end: 18 },
    ];
    const { words } = unitWords(text, engine, pcm, 0);
    expect(words.map((w) => [text.slice(w.start, w.end), w.from, w.to])).toEqual([
      ['At', 0, 200],
      ['9:00 AM —', 200, 700],
      ['sharp', 700, 1000],
    ]);
  });

  it('estimates by word length, and says so, when the engine gives no words', () => {
    const { words, estimated } = unitWords('aa bbbbbb c', undefined, speech(1200, [[0, 1200]]), 0);
    expect(estimated).toBe(true);
    // Weights (length + 1): 3, 7, 2 of 12.
    expect(words.map((w) => [w.from, w.to])).toEqual([[0, 300], [300, 1000], [1000, 1200]]);
    expect(unitWords('aa', [], speech(10, [[0, 10]]), 0).estimated).toBe(true);
  });
});
