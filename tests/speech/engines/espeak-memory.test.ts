import { describe, expect, it } from 'vitest';
import { dirtyEnd, embeddedFilesRange, restoreSnapshot, takeSnapshot } from '../../../src/speech/engines/espeak-memory.js';

/** A memory of `size` bytes with an embedded-files table at `table` listing `files` ([content address, length]). */
function memoryWith(size: number, table: number, files: readonly (readonly [number, number])[]): Uint8Array {
  const memory = new Uint8Array(size);
  const view = new DataView(memory.buffer);
  files.forEach(([content, length], i) => {
    view.setUint32(table + i * 12, 1, true); // any non-zero name address
    view.setUint32(table + i * 12 + 4, length, true);
    view.setUint32(table + i * 12 + 8, content, true);
    memory.fill(0xaa, content, content + length);
  });
  return memory;
}

describe('eSpeak memory snapshots', () => {
  it('finds the embedded files from Emscripten\'s table, and nothing in an empty table', () => {
    const memory = memoryWith(4096, 100, [
      [1000, 500],
      [1500, 1000],
    ]);
    expect(embeddedFilesRange(memory, 100)).toEqual({ start: 1000, end: 2500 });
    expect(embeddedFilesRange(new Uint8Array(64), 0)).toBeUndefined();
  });

  it('restores every byte outside the embedded files, zeroes what lay past the saved state, and saves none of the files', () => {
    const memory = memoryWith(4096, 100, [[1000, 1500]]);
    memory.fill(7, 2600, 2700); // statics above the files
    const snapshot = takeSnapshot(memory, embeddedFilesRange(memory, 100));
    expect(snapshot.zeroFrom).toBe(2700);
    expect(snapshot.parts.reduce((n, p) => n + p.bytes.length, 0)).toBe(2700 - 1500);
    const pristine = memory.slice();
    memory.fill(1, 0, 40); // the table's neighbours
    memory.fill(2, 2650, 4096); // statics and heap grown past the saved state
    restoreSnapshot(memory, snapshot);
    expect(Buffer.compare(Buffer.from(memory), Buffer.from(pristine))).toBe(0);
  });

  it.each([0, 1, 65_535, 65_536, 65_537, 3 * 65_536 + 17])('ends the saved state just after the last non-zero byte, over many 64 KiB chunks (last at %i)', (last) => {
    const memory = new Uint8Array(8 * 65_536 + 100);
    memory[last] = 5;
    expect(takeSnapshot(memory).zeroFrom).toBe(last + 1);
    expect(takeSnapshot(new Uint8Array(3 * 65_536)).zeroFrom).toBe(0);
  });

  it('saves everything when no files are known, and zeroes memory grown since', () => {
    const memory = new Uint8Array(1024).fill(3, 0, 512);
    const snapshot = takeSnapshot(memory);
    const grown = new Uint8Array(2048).fill(9);
    restoreSnapshot(grown, snapshot);
    expect([...grown.subarray(0, 512)].every((b) => b === 3)).toBe(true);
    expect([...grown.subarray(512)].every((b) => b === 0)).toBe(true);
  });

  it('finds where the non-zero bytes above the saved state end, to the 64 KiB chunk', () => {
    const chunk = 64 * 1024;
    const memory = new Uint8Array(8 * chunk);
    expect(dirtyEnd(memory, 1000)).toBe(1000);
    memory[1500] = 1;
    expect(dirtyEnd(memory, 1000)).toBe(chunk);
    memory[3 * chunk] = 1;
    expect(dirtyEnd(memory, 1000)).toBe(4 * chunk);
    memory[8 * chunk - 1] = 1;
    expect(dirtyEnd(memory, 1000)).toBe(8 * chunk);
    expect(dirtyEnd(memory.subarray(0, 5 * chunk), 1000)).toBe(4 * chunk);
    expect(dirtyEnd(memory, 8 * chunk)).toBe(8 * chunk);
  });

  it('zeroes scattered bytes anywhere above the saved state, in a memory the size of eSpeak\'s', () => {
    const memory = new Uint8Array(32 * 1024 * 1024);
    memory.fill(5, 0, 18_341_853);
    const snapshot = takeSnapshot(memory);
    for (const at of [18_341_853, 18_400_000, 19_189_724, 25_000_001, 32 * 1024 * 1024 - 1]) {
      memory[at] = 0xff;
      restoreSnapshot(memory, snapshot);
      expect(memory.indexOf(0xff), `a byte at ${at}`).toBe(-1);
      expect(memory[18_341_852]).toBe(5);
    }
  });
});
