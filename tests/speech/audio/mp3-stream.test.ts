import { describe, expect, it } from 'vitest';
import { encodeMp3 } from '../../../src/speech/audio/mp3.js';
import { MAX_QUEUED_SECONDS, openMp3Stream } from '../../../src/speech/audio/mp3-stream.js';
import { joinBytes } from '../../../src/shared/bytes.js';

/** Two seconds of a deterministic chirp, in uneven pieces as units arrive. */
function pieces(): Int16Array[] {
  const all = Int16Array.from({ length: 44100 }, (_, i) => Math.round(12000 * Math.sin((i * i) / 40000)));
  return [all.subarray(0, 1234), new Int16Array(6615), all.subarray(1234, 30000), all.subarray(30000)];
}

describe('MP3 stream on the encoder thread', () => {
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
    const allowance = settled(stream.push(new Int16Array(8000 * MAX_QUEUED_SECONDS)));
    const more = stream.push(new Int16Array(8000));
    const waiting = settled(more);
    // The thread answers in a later turn of the event loop: only a push within the allowance has settled by now.
    await Promise.resolve();
    expect(allowance.done).toBe(true);
    expect(waiting.done).toBe(false);
    await more;
    const mp3 = joinBytes(await stream.finish());
    expect(Buffer.compare(Buffer.from(mp3), Buffer.from(await encodeMp3({ sampleRate: 8000, samples: new Int16Array(8000 * (MAX_QUEUED_SECONDS + 1)) })))).toBe(0);
  });

  it('settles every waiting push, not only the last, when a caller pushes again before the first has settled', async () => {
    const stream = openMp3Stream(8000);
    const over = new Int16Array(8000 * (MAX_QUEUED_SECONDS + 1));
    await Promise.all([stream.push(over), stream.push(over)]);
    expect(joinBytes(await stream.finish()).length).toBeGreaterThan(0);
  });
});
