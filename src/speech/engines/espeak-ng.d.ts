// The `espeak-ng` package (Emscripten MODULARIZE build) ships no types; only what espeak.ts uses.
// WebAssembly values are `unknown` here: this project's lib (ES2023, no DOM) has no WebAssembly types.
declare module 'espeak-ng' {
  export interface EmscriptenFS {
    writeFile(path: string, data: string | Uint8Array): void;
    readFile(path: string): Uint8Array;
    unlink(path: string): void;
    analyzePath(path: string): { exists: boolean };
    /** Resolves a path to its node; throws an ErrnoError when it does not exist (Emscripten's FS internals). */
    lookupPath(path: string, options?: Readonly<Record<string, unknown>>): unknown;
    /** Makes every missing folder of `path` under `parent` (a path or a node); returns the last one's node. */
    createPath(parent: string | unknown, path: string, canRead?: boolean, canWrite?: boolean): unknown;
    /** The error every failed file-system call throws, made with `new` (the glue checks `name` and reads `errno`). */
    ErrnoError: ErrnoErrorConstructor;
  }
  export interface ErrnoErrorConstructor {
    new (errno: number, node?: unknown): Error & { errno: number };
    prototype: Error;
  }
  export interface ESpeakModule {
    FS: EmscriptenFS;
  }
  export interface ESpeakModuleOptions {
    noInitialRun?: boolean;
    print?: (line: string) => void;
    printErr?: (line: string) => void;
    /** Emscripten's hook: instantiate the module yourself, call `receive(instance, module)`, return the exports. */
    instantiateWasm?: (imports: unknown, receive: (instance: unknown, module: unknown) => void) => unknown;
    /** Called with the module before its runtime starts (its file system exists, the embedded files are not in it yet). */
    preRun?: ((module: ESpeakModule) => void)[];
  }
  const ESpeakNg: (options: ESpeakModuleOptions) => Promise<ESpeakModule>;
  export default ESpeakNg;
}
