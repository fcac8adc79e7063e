/**
 * The saved state of eSpeak NG's WASM memory, restored before every run of
 * its command line (espeak.ts), and restored only where a run can have
 * changed it.
 *
 * Of the 32 MiB, about 17 MiB are the data files embedded in the module
 * (phoneme tables, dictionaries, voices): Emscripten's file system serves
 * them as views of that memory, which it documents as never changing, and
 * eSpeak only reads them. Above the saved state's last non-zero byte the
 * memory was all zero. So a restore copies the saved bytes around the data
 * files (about 1 MiB), zero-fills the rest, and leaves the data files as they
 * are: a fifth of the copying, and 1 MiB kept instead of 32.
 *
 * Of the 14.5 MiB above the saved state, a sentence dirties under 1 MiB (the
 * sample: 0.8 MiB). Zero-filling all of it wrote every page, so the kernel gave
 * each one real memory: 14 MiB resident for nothing. A restore now zeroes only
 * up to the last 64 KiB chunk that holds a non-zero byte; finding it reads the
 * untouched pages, which stay unallocated (the kernel maps its one zero page
 * for reading).
 */

/** A range of byte addresses, end exclusive. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

export interface MemorySnapshot {
  /** The saved bytes, each with the address it goes back to. */
  readonly parts: readonly { readonly at: number; readonly bytes: Uint8Array }[];
  /** From here to the end of memory the saved state was zero. */
  readonly zeroFrom: number;
}

/**
 * Where Emscripten's embedded files lie, from its table at `table`: records
 * of three little-endian u32 (name address, length, content address), ended
 * by a zero name address. Undefined when the table lists none.
 */
export function embeddedFilesRange(memory: Uint8Array, table: number): ByteRange | undefined {
  const view = new DataView(memory.buffer, memory.byteOffset, memory.byteLength);
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (let at = table; at + 12 <= memory.byteLength && view.getUint32(at, true) !== 0; at += 12) {
    const length = view.getUint32(at + 4, true);
    const content = view.getUint32(at + 8, true);
    if (length === 0) continue;
    start = Math.min(start, content);
    end = Math.max(end, content + length);
  }
  return end > start ? { start, end: Math.min(end, memory.byteLength) } : undefined;
}

/** The state of `memory` to restore later; `unchanging` (the embedded files) is not saved. */
export function takeSnapshot(memory: Uint8Array, unchanging?: ByteRange): MemorySnapshot {
  // Whole zero chunks first: byte by byte, the 14.5 MiB of zeros took 25 ms of every worker's first unit.
  let zeroFrom = dirtyEnd(memory, 0);
  while (zeroFrom > 0 && memory[zeroFrom - 1] === 0) zeroFrom--;
  const ranges: ByteRange[] =
    unchanging && unchanging.end <= zeroFrom
      ? [
          { start: 0, end: unchanging.start },
          { start: unchanging.end, end: zeroFrom },
        ]
      : [{ start: 0, end: zeroFrom }];
  return { parts: ranges.filter((r) => r.end > r.start).map((r) => ({ at: r.start, bytes: memory.slice(r.start, r.end) })), zeroFrom };
}

const CHUNK = 64 * 1024;
const ZERO_CHUNK = Buffer.alloc(CHUNK);

/** The end of the last `CHUNK`-byte stretch (counted from the end) above `from` that holds a non-zero byte; `from` when all is zero. */
export function dirtyEnd(memory: Uint8Array, from: number): number {
  for (let end = memory.byteLength; end > from; end -= CHUNK) {
    const start = Math.max(from, end - CHUNK);
    const chunk = Buffer.from(memory.buffer, memory.byteOffset + start, end - start);
    if (chunk.compare(ZERO_CHUNK, 0, end - start) !== 0) return end;
  }
  return from;
}

/** Puts `memory` back as it was when `snapshot` was taken (memory grown since is zeroed too). */
export function restoreSnapshot(memory: Uint8Array, snapshot: MemorySnapshot): void {
  for (const part of snapshot.parts) memory.set(part.bytes, part.at);
  memory.fill(0, snapshot.zeroFrom, dirtyEnd(memory, snapshot.zeroFrom));
}
