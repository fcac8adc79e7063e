import { describe, expect, it } from 'vitest';
import { webAssembly } from '../../src/shared/wasm.js';

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
