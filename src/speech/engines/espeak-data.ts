import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '../../shared/json.js';
import { WasmReader } from '../../shared/wasm.js';

/*
 * eSpeak NG's WASM module without its data. The package's espeak-ng.wasm is
 * 18.5 MB, of which 18.2 MB is one data segment: the program's static data and
 * its embedded data files. A compiled module keeps its whole binary for as
 * long as an instance lives, and instantiating copies the segment into linear
 * memory, so each thread held those bytes twice (about 20 MB of a worker's
 * resident memory). The build (scripts/espeak-data.mjs) writes the code alone
 * (0.3 MB) and the segments' bytes to dist/data/; a thread compiles the code
 * and reads the segments straight into the new instance's memory, before the
 * program runs, which is what instantiating the whole module does.
 */

/** An active data segment: where in linear memory its bytes go. */
export interface DataSegment {
  readonly offset: number;
  readonly bytes: Uint8Array;
}

const DATA_SECTION = 11;
const DATA_COUNT_SECTION = 12;

/** The offset expression Emscripten writes, `i32.const k; end`. */
function constantOffset(r: WasmReader): number {
  if (r.byte() !== 0x41) throw new Error('unsupported WASM data segment offset');
  const offset = r.signed();
  if (r.byte() !== 0x0b) throw new Error('unsupported WASM data segment offset');
  return offset;
}

/**
 * A WASM binary split into its code (every section but the data and data-count
 * sections) and its data segments; only active segments of memory 0 at a
 * constant offset, the form Emscripten writes (anything else throws).
 */
export function splitData(wasm: Uint8Array): { code: Uint8Array; segments: DataSegment[] } {
  const r = new WasmReader(wasm);
  r.skip(8); // magic and version
  const kept: Uint8Array[] = [wasm.subarray(0, 8)];
  const segments: DataSegment[] = [];
  while (r.at < wasm.length) {
    const start = r.at;
    const id = r.byte();
    const size = r.unsigned();
    const end = r.at + size;
    if (id === DATA_SECTION) {
      for (let n = r.unsigned(), i = 0; i < n; i++) {
        if (r.unsigned() !== 0) throw new Error('unsupported WASM data segment (not active in memory 0)');
        const offset = constantOffset(r);
        const length = r.unsigned();
        segments.push({ offset, bytes: wasm.subarray(r.at, r.at + length) });
        r.skip(length);
      }
    } else if (id !== DATA_COUNT_SECTION) kept.push(wasm.subarray(start, end));
    r.at = end;
  }
  return { code: Buffer.concat(kept), segments };
}

/** What the build wrote: the package version it split, the code's file, and where each segment's bytes are in the data file. */
interface SplitManifest {
  readonly version: string;
  /** The size of the package's espeak-ng.wasm that was split. */
  readonly wasmBytes: number;
  readonly segments: readonly { readonly offset: number; readonly at: number; readonly length: number }[];
}

/** The folder of the build's files, from src/ and from dist/ alike. */
const DATA = new URL('../../../dist/data/', import.meta.url);
export const SPLIT_FILES = { manifest: 'espeak-ng.split.json', code: 'espeak-ng.code.wasm', data: 'espeak-ng.data' } as const;

/** A JSON file the build wrote to dist/data/ (eSpeak's voice list, the split's manifest), or undefined when there is none. */
export function builtJson(name: string): unknown {
  try {
    return JSON.parse(readFileSync(new URL(name, DATA), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The package's own module. */
export function packagedWasmPath(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('espeak-ng')), 'espeak-ng.wasm');
}

function packageVersion(): string {
  const manifest: unknown = createRequire(import.meta.url)('espeak-ng/package.json');
  return isRecord(manifest) && typeof manifest.version === 'string' ? manifest.version : '';
}

function isManifest(value: unknown): value is SplitManifest {
  if (!isRecord(value) || typeof value.version !== 'string' || typeof value.wasmBytes !== 'number' || !Array.isArray(value.segments)) return false;
  return value.segments.every((s: unknown) => isRecord(s) && typeof s.offset === 'number' && typeof s.at === 'number' && typeof s.length === 'number');
}

/** The build's split of the installed package's module, or undefined (not built, or made from another version of the package). */
export function builtSplit(): { code: string; data: string; segments: SplitManifest['segments'] } | undefined {
  const manifest = builtJson(SPLIT_FILES.manifest);
  if (!isManifest(manifest) || manifest.version !== packageVersion() || manifest.wasmBytes !== statSync(packagedWasmPath()).size) return undefined;
  return { code: fileURLToPath(new URL(SPLIT_FILES.code, DATA)), data: fileURLToPath(new URL(SPLIT_FILES.data, DATA)), segments: manifest.segments };
}

/** The manifest and data file the build writes for a split (`at`: each segment's place in the data file). */
export function splitManifest(wasm: Uint8Array, segments: readonly DataSegment[]): SplitManifest {
  let at = 0;
  const placed = segments.map((s) => {
    const entry = { offset: s.offset, at, length: s.bytes.length };
    at += s.bytes.length;
    return entry;
  });
  return { version: packageVersion(), wasmBytes: wasm.length, segments: placed };
}

/** Reads each segment from the data file into `memory` at its offset (no copy in between). */
export function loadSegments(memory: ArrayBuffer, split: { data: string; segments: SplitManifest['segments'] }): void {
  const fd = openSync(split.data, 'r');
  try {
    for (const segment of split.segments) {
      const target = new Uint8Array(memory, segment.offset, segment.length);
      let done = 0;
      while (done < segment.length) {
        const read = readSync(fd, target, done, segment.length - done, segment.at + done);
        if (read === 0) throw new Error(`${split.data} ends before its eSpeak data segment does`);
        done += read;
      }
    }
  } finally {
    closeSync(fd);
  }
}
