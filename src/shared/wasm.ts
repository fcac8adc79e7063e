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
