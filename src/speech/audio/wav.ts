import type { Pcm } from './pcm.js';

/** WAV (RIFF, PCM) reading and writing for mono 16-bit audio, the format every engine here emits. */

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

/**
 * The PCM in a WAV file. Chunks are walked rather than assuming a 44-byte
 * header, and a data size larger than the file (a streaming writer's
 * placeholder) is clamped to what is there.
 */
export function parseWav(bytes: Uint8Array): Pcm {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') throw new Error('not a WAV file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sampleRate = 0;
  let channels = 0;
  let bits = 0;
  let format = 0;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      const length = Math.min(size, bytes.length - body);
      // 16-bit integer PCM (eSpeak, Windows), or 32-bit float (macOS `say --data-format=LEF32`, format 3 or extensible).
      const float = bits === 32 && (format === 3 || format === 0xfffe);
      if (channels !== 1 || !((format === 1 || format === 0xfffe) && bits === 16) && !float) {
        throw new Error(`unsupported WAV (format ${format}, ${bits} bits, ${channels} channels): expected mono 16-bit PCM or 32-bit float`);
      }
      const samples = new Int16Array(Math.floor(length / (bits / 8)));
      for (let i = 0; i < samples.length; i++) {
        samples[i] = float ? Math.max(-32768, Math.min(32767, Math.round(view.getFloat32(body + 4 * i, true) * 32768))) : view.getInt16(body + 2 * i, true);
      }
      return { sampleRate, samples };
    }
    at = body + size + (size & 1);
  }
  throw new Error('WAV file has no data chunk');
}

/** A canonical 44-byte-header WAV file of mono 16-bit PCM. */
export function writeWav(pcm: Pcm): Uint8Array {
  const dataBytes = pcm.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string): void => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, pcm.sampleRate, true);
  view.setUint32(28, pcm.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < pcm.samples.length; i++) view.setInt16(44 + 2 * i, pcm.samples[i] ?? 0, true);
  return bytes;
}
