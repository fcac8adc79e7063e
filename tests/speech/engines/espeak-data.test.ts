import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { builtSplit, loadSegments, packagedWasmPath, splitData, splitManifest } from '../../../src/speech/engines/espeak-data.js';

/** The parts of the WebAssembly API this test uses (the tests' lib has no WebAssembly types). */
interface WasmStatics {
  readonly Module: { new (bytes: Uint8Array): object; imports(module: object): { module: string; name: string; kind: string }[] };
  readonly Instance: new (module: object, imports: object) => { readonly exports: { readonly memory?: { readonly buffer: ArrayBuffer } } };
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmStatics }).WebAssembly;

/** The linear memory of a fresh instance of `module`: every import a function that is never called (nothing runs). */
function freshMemory(module: object): Uint8Array {
  const imports: Record<string, Record<string, () => number>> = {};
  for (const entry of Wasm.Module.imports(module)) {
    if (entry.kind !== 'function') throw new Error(`unexpected import kind ${entry.kind}`);
    (imports[entry.module] ??= {})[entry.name] = () => 0;
  }
  const memory = new Wasm.Instance(module, imports).exports.memory;
  if (!memory) throw new Error('the module exports no memory');
  return new Uint8Array(memory.buffer);
}

/** The ids of a binary's sections, in order. */
function sectionIds(wasm: Uint8Array): number[] {
  const ids: number[] = [];
  let at = 8;
  while (at < wasm.length) {
    ids.push(wasm[at++]!);
    let size = 0;
    let shift = 0;
    for (let b = 0x80; b & 0x80; shift += 7) {
      b = wasm[at++]!;
      size += (b & 0x7f) * 2 ** shift;
    }
    at += size;
  }
  return ids;
}

const packaged = readFileSync(packagedWasmPath());
const work = mkdtempSync(path.join(tmpdir(), 'voxpress-espeak-data-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('splitData', () => {
  it("gives eSpeak's code without its data, and an instance of the code with the segments loaded has the whole module's memory", () => {
    const { code, segments } = splitData(packaged);
    expect(sectionIds(code)).not.toContain(11);
    expect(code.length).toBeLessThan(packaged.length / 20);
    expect(segments.reduce((sum, s) => sum + s.bytes.length, 0)).toBeGreaterThan(packaged.length * 0.9);
    const whole = freshMemory(new Wasm.Module(packaged));
    const parted = freshMemory(new Wasm.Module(code));
    expect(parted.length).toBe(whole.length);
    // Without its data the memory differs; with it, it is the same to the byte.
    expect(Buffer.compare(parted, whole)).not.toBe(0);
    const file = path.join(work, 'segments');
    writeFileSync(file, Buffer.concat(segments.map((s) => s.bytes)));
    loadSegments(parted.buffer as ArrayBuffer, { data: file, segments: splitManifest(packaged, segments).segments });
    expect(Buffer.compare(parted, whole)).toBe(0);
  });

  it('refuses a data segment Emscripten does not write (passive)', () => {
    // magic, version; memory section (one memory, min 1 page); data section: one passive segment of one byte.
    const passive = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 0, 1, 11, 4, 1, 1, 1, 0x2a]);
    expect(() => splitData(passive)).toThrow('unsupported WASM data segment (not active in memory 0)');
  });
});

describe('builtSplit and loadSegments', () => {
  it("names the build's files, made from the installed package: the data file holds the segments, in order", () => {
    const split = builtSplit();
    expect(split).toBeDefined();
    const { code, segments } = splitData(packaged);
    expect(readFileSync(split!.code)).toEqual(Buffer.from(code));
    const data = readFileSync(split!.data);
    expect(split!.segments.map((s) => s.offset)).toEqual(segments.map((s) => s.offset));
    split!.segments.forEach((s, i) => expect(Buffer.compare(data.subarray(s.at, s.at + s.length), segments[i]!.bytes)).toBe(0));
  });

  it('says which file ends early', () => {
    const file = path.join(work, 'short');
    writeFileSync(file, Buffer.alloc(10));
    expect(() => loadSegments(new ArrayBuffer(65536), { data: file, segments: [{ offset: 0, at: 0, length: 100 }] })).toThrow(`${file} ends before its eSpeak data segment does`);
  });
});

describe('the engine on the split module', () => {
  it("speaks exactly as on the package's whole module", async () => {
    const unit = {
      ssml: '<?xml version="1.0" encoding="UTF-8"?>\n<speak version="1.1" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en"><s>The council approved the budget on Monday.</s></speak>\n',
      spoken: 'The council approved the budget on Monday.',
    };
    const split = await import('../../../src/speech/engines/espeak.js');
    const fromSplit = await split.espeakEngine.synthesize(unit, { lang: 'en' });
    vi.resetModules();
    const noSplit = vi.fn(() => undefined);
    vi.doMock('../../../src/speech/engines/espeak-data.js', async (original) => ({ ...(await original<object>()), builtSplit: noSplit }));
    const whole = await import('../../../src/speech/engines/espeak.js');
    expect(whole.espeakEngine).not.toBe(split.espeakEngine);
    const fromWhole = await whole.espeakEngine.synthesize(unit, { lang: 'en' });
    vi.doUnmock('../../../src/speech/engines/espeak-data.js');
    expect(noSplit).toHaveBeenCalledOnce();
    expect(fromSplit.samples.length).toBeGreaterThan(10_000);
    expect(Buffer.from(fromSplit.samples.buffer, fromSplit.samples.byteOffset, fromSplit.samples.byteLength)).toEqual(Buffer.from(fromWhole.samples.buffer, fromWhole.samples.byteOffset, fromWhole.samples.byteLength));
    expect(fromSplit.words).toEqual(fromWhole.words);
  });
});
