import { createRequire } from 'node:module';

/**
 * WOFF2 → TrueType, through `wawoff2` (Google's woff2 decoder compiled with
 * Emscripten). fontkit reads WOFF2 itself, but its subsetter copies glyph
 * records byte for byte from the `glyf` table, which WOFF2 stores
 * transformed: pdfkit then embeds empty glyphs. Decoding to TrueType first
 * gives it a font it subsets correctly.
 *
 * The decoder's runtime starts asynchronously once; after that each call is
 * synchronous, so the (synchronous) layout can load a font when it first
 * meets a character.
 */

interface Binding {
  decompress(bytes: Uint8Array): Uint8Array | false;
  onRuntimeInitialized?: () => void;
  calledRun?: boolean;
}

let binding: Binding | undefined;
let ready: Promise<void> | undefined;
let started = false;

/** Starts the decoder (about 20 ms, once per thread). */
export function woff2Ready(): Promise<void> {
  ready ??= new Promise<void>((resolve) => {
    const loaded = createRequire(import.meta.url)('wawoff2/build/decompress_binding.js') as Binding;
    binding = loaded;
    const done = (): void => {
      started = true;
      resolve();
    };
    if (loaded.calledRun) done();
    else loaded.onRuntimeInitialized = done;
  });
  return ready;
}

/** The TrueType font a WOFF2 file holds. `woff2Ready()` must have resolved. */
export function ttfFromWoff2(bytes: Uint8Array, file: string): Uint8Array {
  if (!binding || !started) throw new Error('the WOFF2 decoder is not started (woff2Ready)');
  const ttf = binding.decompress(bytes);
  if (ttf === false) throw new Error(`${file}: not a valid WOFF2 font`);
  // The result is a view of the decoder's memory, which the next call overwrites.
  return ttf.slice();
}
