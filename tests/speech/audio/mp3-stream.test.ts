import { describe, expect, it } from 'vitest';
import { encodeMp3 } from '../../../src/speech/audio/mp3.js';
import { openMp3Stream } from '../../../src/speech/audio/mp3-stream.js';

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
    const [ma, mb] = await Promise.all([a.finish(), b.finish()]);
    expect(Buffer.compare(Buffer.from(ma), expected)).toBe(0);
    expect(Buffer.compare(Buffer.from(mb), expected)).toBe(0);
  });

  it('drops an aborted stream without disturbing the next one', async () => {
    const aborted = openMp3Stream(22050);
    aborted.push(pieces()[2] ?? new Int16Array(0));
    aborted.abort();
    const next = openMp3Stream(22050);
    next.push(pieces()[3] ?? new Int16Array(0));
    const mp3 = await next.finish();
    expect(Buffer.compare(Buffer.from(mp3), Buffer.from(await encodeMp3({ sampleRate: 22050, samples: pieces()[3] ?? new Int16Array(0) })))).toBe(0);
    await expect(next.finish()).rejects.toThrow(/already ended/);
  });
});
