import { describe, expect, it } from 'vitest';
import { parseWav, writeWav } from '../../../src/speech/audio/wav.js';

describe('WAV', () => {
  it('round-trips mono 16-bit PCM with a canonical 44-byte header', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const bytes = writeWav({ sampleRate: 22050, samples });
    expect(bytes.length).toBe(44 + samples.length * 2);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RIFF');
    const back = parseWav(bytes);
    expect(back.sampleRate).toBe(22050);
    expect([...back.samples]).toEqual([...samples]);
  });

  it('skips unknown chunks and clamps a data size larger than the file (streaming writers)', () => {
    const wav = writeWav({ sampleRate: 16000, samples: Int16Array.from([5, 6, 7]) });
    const list = Uint8Array.from([...'LIST'].map((c) => c.charCodeAt(0)).concat([2, 0, 0, 0, 65, 66]));
    const bytes = new Uint8Array(wav.length + list.length);
    bytes.set(wav.subarray(0, 36));
    bytes.set(list, 36);
    bytes.set(wav.subarray(36), 36 + list.length);
    new DataView(bytes.buffer).setUint32(36 + list.length + 4, 0x7fffffff, true);
    expect([...parseWav(bytes).samples]).toEqual([5, 6, 7]);
  });

  it('reads 32-bit float WAV (macOS say) and rejects what it cannot read', () => {
    const bytes = writeWav({ sampleRate: 8000, samples: new Int16Array(0) });
    const floats = new Uint8Array(44 + 8);
    floats.set(bytes.subarray(0, 44));
    const view = new DataView(floats.buffer);
    view.setUint16(20, 3, true);
    view.setUint16(34, 32, true);
    view.setUint32(40, 8, true);
    view.setFloat32(44, 0.5, true);
    view.setFloat32(48, -1, true);
    expect([...parseWav(floats).samples]).toEqual([16384, -32768]);
    expect(() => parseWav(new TextEncoder().encode('not a wav at all'))).toThrow(/not a WAV/);
  });
});
