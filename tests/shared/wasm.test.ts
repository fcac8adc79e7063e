import { describe, expect, it } from 'vitest';
import { WasmReader, webAssembly } from '../../src/shared/wasm.js';

// The smallest valid module: the magic number and version 1.
const EMPTY_MODULE = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

describe('webAssembly', () => {
  it('is Node’s WebAssembly, typed: it compiles and instantiates a module, and refuses bytes that are not one', async () => {
    const compiled = await webAssembly.compile(EMPTY_MODULE);
    expect(new webAssembly.Instance(new webAssembly.Module(EMPTY_MODULE), {}).exports).toEqual({});
    expect(compiled).toBeInstanceOf(webAssembly.Module);
    expect(() => new webAssembly.Module(Uint8Array.from([1, 2, 3]))).toThrow();
  });
});

describe('WasmReader', () => {
  it('reads LEB128 integers, unsigned and signed, and limits, and says when the bytes end early', () => {
    // 624485 unsigned; -123456 signed; 127 signed is -1 in one byte; limits with a maximum; a byte.
    const r = new WasmReader(Uint8Array.from([0xe5, 0x8e, 0x26, 0xc0, 0xbb, 0x78, 0x7f, 0x01, 0x02, 0x03, 0x2a]));
    expect(r.unsigned()).toBe(624485);
    expect(r.signed()).toBe(-123456);
    expect(r.signed()).toBe(-1);
    r.skipLimits();
    expect(r.byte()).toBe(0x2a);
    expect(() => r.byte()).toThrow('WASM binary ends early');
  });
});
