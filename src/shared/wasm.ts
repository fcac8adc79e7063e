/**
 * The parts of the WebAssembly API voxpress uses, typed here once: the
 * project's lib (ES2023, no DOM) has no WebAssembly types.
 */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => unknown;
  Instance: new (module: unknown, imports: unknown) => { readonly exports: unknown };
  compile(bytes: Uint8Array): Promise<unknown>;
}

/** Node's global `WebAssembly`. */
export const webAssembly = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** A reader over the bytes of a WASM binary (LEB128 integers). */
export class WasmReader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new Error('WASM binary ends early');
    return b;
  }
  unsigned(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if ((b & 0x80) === 0) return result;
    }
  }
  signed(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.byte();
      result |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    return shift < 32 && b & 0x40 ? result | (-1 << shift) : result;
  }
  skip(n: number): void {
    this.at += n;
  }
  skipLimits(): void {
    const flags = this.byte();
    this.unsigned();
    if (flags & 1) this.unsigned();
  }
}
