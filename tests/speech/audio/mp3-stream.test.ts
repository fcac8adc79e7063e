import { describe, expect, it } from 'vitest';
import { encodeMp3 } from '../../../src/speech/audio/mp3.js';
import { MAX_QUEUED_SECONDS, openMp3Stream, prepareMp3Encoder, releaseMp3Encoders } from '../../../src/speech/audio/mp3-stream.js';
import { useMp3EncoderThreads } from '../../../src/speech/audio/encoder-threads.js';
import { Mp3Segmenter, SEGMENT_SECONDS } from '../../../src/speech/audio/mp3-segments.js';
import { joinBytes } from '../../../src/shared/bytes.js';

/** Two seconds of a deterministic chirp, in uneven pieces as units arrive. */
function pieces(): Int16Array[] {
  const all = Int16Array.from({ length: 44100 }, (_, i) => Math.round(12000 * Math.sin((i * i) / 40000)));
  return [all.subarray(0, 1234), new Int16Array(6615), all.subarray(1234, 30000), all.subarray(30000)];
}

/** A tone with no zero sample (no cut is made inside it). */
function tone(length: number): Int16Array {
  return Int16Array.from({ length }, (_, i) => Math.round(9000 * Math.sin(i / 5)) || 1);
}

describe('MP3 stream on the encoder thread', () => {
  it('gives the same bytes as one-shot encoding with its segments shared out to two threads or kept on one', async () => {
    // Units of speech with the pauses between them, as the narration pushes them: four segments.
    const units = Array.from({ length: 8 }, (_, i) => tone(((SEGMENT_SECONDS + 1) * 22050) / 2 + i * 37));
    const pushes = units.flatMap((unit, i) => (i < units.length - 1 ? [unit, new Int16Array(8820)] : [unit]));
    const joined = new Int16Array(pushes.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pushes) {
      joined.set(p, at);
      at += p.length;
    }
    let segments = 0;
    const segmenter = new Mp3Segmenter(22050, { open: () => segments++, samples: () => undefined, close: () => undefined });
    pushes.forEach((p) => segmenter.push(p));
    segmenter.end();
    expect(segments).toBe(4);
    const expected = Buffer.from(await encodeMp3({ sampleRate: 22050, samples: joined }));
    try {
      for (const threads of [2, 1]) {
        useMp3EncoderThreads(threads);
        const stream = openMp3Stream(22050);
        for (const p of pushes) await stream.push(p);
        expect(Buffer.compare(Buffer.from(joinBytes(await stream.finish())), expected), `${threads} threads`).toBe(0);
      }
    } finally {
      useMp3EncoderThreads(1);
    }
  });

  it('gives byte-identical MP3 to one-shot encoding, also with streams interleaved', async () => {
    const parts = pieces();
    const joined = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    const expected = Buffer.from(await encodeMp3({ sampleRate: 22050, samples: joined }));
    const a = openMp3Stream(22050);
    const b = openMp3Stream(22050);
    for (const p of parts) {
      a.push(p);
      b.push(p);
    }
    const [ma, mb] = (await Promise.all([a.finish(), b.finish()])).map(joinBytes) as [Uint8Array, Uint8Array];
    expect(Buffer.compare(Buffer.from(ma), expected)).toBe(0);
    expect(Buffer.compare(Buffer.from(mb), expected)).toBe(0);
  });

  it('ends its idle encoder threads on request, never one a stream is using, and starts new ones for the next stream', async () => {
    const samples = pieces()[2] ?? new Int16Array(0);
    const expected = Buffer.from(await encodeMp3({ sampleRate: 22050, samples }));
    try {
      useMp3EncoderThreads(2);
      releaseMp3Encoders();
      prepareMp3Encoder();
      // Two seconds: one segment, on the first thread.
      const open = openMp3Stream(22050);
      await open.push(samples);
      expect(releaseMp3Encoders()).toBe(1);
      expect(Buffer.compare(Buffer.from(joinBytes(await open.finish())), expected)).toBe(0);
      expect(releaseMp3Encoders()).toBe(1);
      expect(releaseMp3Encoders()).toBe(0);
      const next = openMp3Stream(22050);
      await next.push(samples);
      expect(Buffer.compare(Buffer.from(joinBytes(await next.finish())), expected)).toBe(0);
    } finally {
      useMp3EncoderThreads(1);
    }
  });

  it('drops an aborted stream without disturbing the next one', async () => {
    const aborted = openMp3Stream(22050);
    aborted.push(pieces()[2] ?? new Int16Array(0));
    aborted.abort();
    const next = openMp3Stream(22050);
    next.push(pieces()[3] ?? new Int16Array(0));
    const mp3 = joinBytes(await next.finish());
    expect(Buffer.compare(Buffer.from(mp3), Buffer.from(await encodeMp3({ sampleRate: 22050, samples: pieces()[3] ?? new Int16Array(0) })))).toBe(0);
    await expect(next.finish()).rejects.toThrow(/already ended/);
  });

  it('lets a caller push MAX_QUEUED_SECONDS of audio ahead of the encoder, then makes it wait until the encoder catches up', async () => {
    const stream = openMp3Stream(8000);
    const settled = (promise: Promise<void>): { done: boolean } => {
      const state = { done: false };
      void promise.then(() => (state.done = true));
      return state;
    };
    // Sound: a silence is held as a count until the next sound, and queues nothing (see the next test).
    const allowance = settled(stream.push(tone(8000 * MAX_QUEUED_SECONDS)));
    const more = stream.push(tone(8000));
    const waiting = settled(more);
    // The thread answers in a later turn of the event loop: only a push within the allowance has settled by now.
    await Promise.resolve();
    expect(allowance.done).toBe(true);
    expect(waiting.done).toBe(false);
    await more;
    const mp3 = joinBytes(await stream.finish());
    const expected = new Int16Array(8000 * (MAX_QUEUED_SECONDS + 1));
    expected.set(tone(8000 * MAX_QUEUED_SECONDS));
    expected.set(tone(8000), 8000 * MAX_QUEUED_SECONDS);
    expect(Buffer.compare(Buffer.from(mp3), Buffer.from(await encodeMp3({ sampleRate: 8000, samples: expected })))).toBe(0);
  });

  it('holds a long silence as a count: pushing it never waits', async () => {
    const stream = openMp3Stream(8000);
    await stream.push(new Int16Array(8000 * (MAX_QUEUED_SECONDS + 1)));
    // Had the silence been queued, this push would wait for the encoder to catch up with five minutes of it.
    const state = { done: false };
    void stream.push(new Int16Array(8000)).then(() => (state.done = true));
    await Promise.resolve();
    expect(state.done).toBe(true);
    const mp3 = joinBytes(await stream.finish());
    expect(Buffer.compare(Buffer.from(mp3), Buffer.from(await encodeMp3({ sampleRate: 8000, samples: new Int16Array(8000 * (MAX_QUEUED_SECONDS + 2)) })))).toBe(0);
  });

  it('settles every waiting push, not only the last, when a caller pushes again before the first has settled', async () => {
    const stream = openMp3Stream(8000);
    const over = tone(8000 * (MAX_QUEUED_SECONDS + 1));
    await Promise.all([stream.push(over), stream.push(over)]);
    expect(joinBytes(await stream.finish()).length).toBeGreaterThan(0);
  });
});
