import { describe, expect, it } from 'vitest';
import { joinBytes, type FileContent } from '../../../src/shared/bytes.js';
import { deterministicZip as zipParts } from '../../../src/writers/epub/zip.js';

const deterministicZip = async (files: ReadonlyMap<string, Uint8Array>, date: Date): Promise<Uint8Array> => joinBytes(await zipParts(files, date));

const enc = (s: string) => new TextEncoder().encode(s);
const files = () =>
  new Map<string, Uint8Array>([
    ['OEBPS/b.xhtml', enc('<b/>'.repeat(50))],
    ['OEBPS/audio/narration.mp3', new Uint8Array([0xff, 0xfb, 1, 2])],
    ['META-INF/container.xml', enc('<container/>')],
    ['mimetype', enc('application/epub+zip')],
  ]);

/** The local file headers in order: name, compression method, DOS time and date, extra-field length. */
function localHeaders(zip: Uint8Array): { name: string; method: number; time: number; date: number; extra: number }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = [];
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const method = view.getUint16(offset + 8, true);
    const time = view.getUint16(offset + 10, true);
    const date = view.getUint16(offset + 12, true);
    const size = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extra = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 30, offset + 30 + nameLength));
    out.push({ name, method, time, date, extra });
    offset += 30 + nameLength + extra + size;
  }
  return out;
}

describe('deterministicZip', () => {
  it('puts mimetype first, stored, without extra field; then container.xml; then the rest by name, all at the fixed date', async () => {
    const zip = await deterministicZip(files(), new Date('2024-10-08T13:45:30Z'));
    const headers = localHeaders(zip);
    expect(headers.map((h) => h.name)).toEqual(['mimetype', 'META-INF/container.xml', 'OEBPS/audio/narration.mp3', 'OEBPS/b.xhtml']);
    expect(headers[0]).toMatchObject({ method: 0, extra: 0 });
    expect(new TextDecoder().decode(zip.subarray(30 + 8, 30 + 8 + 20))).toBe('application/epub+zip');
    expect(headers.map((h) => h.method)).toEqual([0, 8, 0, 8]);
    const dosDate = ((2024 - 1980) << 9) | (10 << 5) | 8;
    const dosTime = (13 << 11) | (45 << 5) | 15;
    for (const h of headers) expect({ date: h.date, time: h.time }).toEqual({ date: dosDate, time: dosTime });
  });

  it('is byte-identical for the same files whatever their insertion order', async () => {
    const reversed = new Map([...files()].reverse());
    expect(await deterministicZip(reversed, new Date(0))).toEqual(await deterministicZip(files(), new Date(0)));
  });

  it('clamps dates before 1980 to the first DOS date and refuses a container without mimetype', async () => {
    const headers = localHeaders(await deterministicZip(files(), new Date(0)));
    expect(headers[0]?.date).toBe((0 << 9) | (1 << 5) | 1);
    const noMime = files();
    noMime.delete('mimetype');
    await expect(deterministicZip(noMime, new Date(0))).rejects.toThrow(/mimetype/);
  });

  it('gives a stored file as views of its own bytes, not a copy: a long narration is never held twice', async () => {
    const narration = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    const book = new Map(files()).set('OEBPS/audio/narration.mp3', narration);
    const parts = await zipParts(book, new Date(0));
    const views = parts.filter((p) => p.buffer === narration.buffer);
    expect(views.reduce((n, p) => n + p.length, 0)).toBe(narration.length);
    expect(Buffer.from(joinBytes(parts)).includes(Buffer.from(narration))).toBe(true);
  });

  it('passes a file given in parts through as those parts, and makes the same zip as from the file whole', async () => {
    const parts: Uint8Array[] = Array.from({ length: 40 }, (_, i) => new Uint8Array(997 + i).fill(i));
    const inParts = await zipParts(new Map<string, FileContent>([...files(), ['OEBPS/audio/narration.mp3', parts]]), new Date(0));
    const whole = await zipParts(new Map([...files(), ['OEBPS/audio/narration.mp3', joinBytes(parts)]]), new Date(0));
    expect(Buffer.from(joinBytes(inParts)).equals(Buffer.from(joinBytes(whole)))).toBe(true);
    expect(inParts.filter((p) => parts.includes(p))).toHaveLength(parts.length);
  });
});
