/**
 * eSpeak NG's synthesis events, read from its WASM build.
 *
 * The library reports every word it speaks (`espeakEVENT_WORD`: the word's
 * place in the input text and the sample where it starts) to the callback set
 * with `espeak_SetSynthCallback`. The npm build exports only the command line
 * (`__main_argc_argv`), whose callback writes the WAV and ignores the words,
 * and no symbol names. But the callback is called through the module's
 * function table, which is exported: the slot holding it is found once (among
 * the slots of its signature, the one called with an event list), and a
 * wrapper put there reads the events and calls the original. The audio is
 * untouched.
 */

import { WasmReader, type WasmApi } from '../../shared/wasm.js';

/** The exported function table: what `__indirect_function_table` is. */
export interface WasmTable {
  readonly length: number;
  get(index: number): unknown;
  set(index: number, value: unknown): void;
}

/** `(i32, i32, i32) -> i32`, eSpeak's `t_espeak_callback(short *wav, int numsamples, espeak_EVENT *events)`. */
export type Callback = (wav: number, samples: number, events: number) => number;

const I32 = 0x7f;

/**
 * The function-table slots of a WASM binary whose functions take three i32
 * and return one i32, from its type, import, function and (active, table 0)
 * element sections.
 */
export function callbackSlots(wasm: Uint8Array): number[] {
  const r = new WasmReader(wasm);
  r.skip(8); // magic and version
  const types: boolean[] = [];
  const functionTypes: number[] = [];
  let importedFunctions = 0;
  const slots: number[] = [];
  const elements: [slot: number, func: number][] = [];
  while (r.at < wasm.length) {
    const id = r.byte();
    const size = r.unsigned();
    const end = r.at + size;
    if (id === 1) {
      for (let n = r.unsigned(), i = 0; i < n; i++) {
        r.byte(); // 0x60, func
        const params = Array.from({ length: r.unsigned() }, () => r.byte());
        const results = Array.from({ length: r.unsigned() }, () => r.byte());
        types.push(params.length === 3 && params.every((p) => p === I32) && results.length === 1 && results[0] === I32);
      }
    } else if (id === 2) {
      for (let n = r.unsigned(), i = 0; i < n; i++) {
        r.skip(r.unsigned()); // module
        r.skip(r.unsigned()); // name
        const kind = r.byte();
        if (kind === 0) {
          r.unsigned();
          importedFunctions++;
        } else if (kind === 1) {
          r.byte();
          r.skipLimits();
        } else if (kind === 2) r.skipLimits();
        else r.skip(2); // global: type, mutability
      }
    } else if (id === 3) {
      for (let n = r.unsigned(), i = 0; i < n; i++) functionTypes.push(r.unsigned());
    } else if (id === 9) {
      for (let n = r.unsigned(), i = 0; i < n; i++) {
        // Only the form Emscripten writes: active, table 0, offset `i32.const k; end`, function indices.
        if (r.unsigned() !== 0 || r.byte() !== 0x41) throw new Error('unsupported WASM element segment');
        const offset = r.signed();
        if (r.byte() !== 0x0b) throw new Error('unsupported WASM element offset');
        for (let count = r.unsigned(), j = 0; j < count; j++) elements.push([offset + j, r.unsigned()]);
      }
    }
    r.at = end;
  }
  for (const [slot, func] of elements) {
    if (func >= importedFunctions && types[functionTypes[func - importedFunctions] ?? -1] === true) slots.push(slot);
  }
  return slots;
}

/**
 * A WASM function calling `fn`, which a function table accepts: a tiny module
 * importing it as `(i32, i32, i32) -> i32` and exporting it (how Emscripten's
 * own `addFunction` wraps JavaScript).
 */
export function asTableFunction(api: WasmApi, fn: Callback): unknown {
  // prettier-ignore
  const bytes = Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x08, 0x01, 0x60, 0x03, I32, I32, I32, 0x01, I32, // type 0: (i32 i32 i32) -> i32
    0x02, 0x07, 0x01, 0x01, 0x65, 0x01, 0x66, 0x00, 0x00, // import "e" "f" (func type 0)
    0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, // export "f" (func 0)
  ]);
  const instance = new api.Instance(new api.Module(bytes), { e: { f: fn } });
  return (instance.exports as { f: unknown }).f;
}

/** One `espeak_EVENT` as the wasm32 build lays it out (36 bytes). */
export interface EspeakEvent {
  /** `espeak_EVENT_TYPE`: 1 word, 2 sentence, 3 mark, 5 end, 8 sample rate. */
  readonly type: number;
  /** 1-based character position in the input text. */
  readonly textPosition: number;
  /** Characters of the input the word spans. */
  readonly length: number;
  /** Sample of the output where the event happens. */
  readonly sample: number;
  /** `id.number`: the rate of a sample-rate event, the count of a word event. */
  readonly number: number;
}

export const EVENT_WORD = 1;
export const EVENT_SAMPLE_RATE = 8;
const EVENT_BYTES = 36;
/** More than any callback's list holds: a guard against reading a pointer that is not one. */
const MAX_EVENTS = 4096;

/** The events of the list at `pointer`, up to its terminator (type 0); none for a pointer outside memory. */
export function readEvents(memory: ArrayBuffer, pointer: number): EspeakEvent[] {
  const events: EspeakEvent[] = [];
  if (pointer <= 0 || pointer % 4 !== 0) return events;
  const words = new Int32Array(memory);
  for (let i = 0; i < MAX_EVENTS; i++) {
    const at = (pointer + i * EVENT_BYTES) >> 2;
    if (at + 9 > words.length) return [];
    const type = words[at] ?? 0;
    if (type === 0) return events;
    events.push({ type, textPosition: words[at + 2] ?? 0, length: words[at + 3] ?? 0, sample: words[at + 5] ?? 0, number: words[at + 7] ?? 0 });
  }
  return [];
}

/**
 * Finds the slot of the synthesis callback and puts `onEvents` in front of it.
 * `probe` runs one synthesis; during it every candidate slot is watched, and
 * the callback is the one whose third argument is an event list that opens
 * with the sample rate. Every other slot gets its function back. Returns false
 * (and changes nothing) unless exactly one slot was called so.
 */
export function hookSynthCallback(api: WasmApi, table: WasmTable, memory: () => ArrayBuffer, slots: readonly number[], probe: () => void, onEvents: (events: EspeakEvent[]) => void): boolean {
  const originals = new Map(slots.map((slot) => [slot, table.get(slot) as Callback]));
  const called = new Set<number>();
  for (const [slot, original] of originals) {
    table.set(
      slot,
      asTableFunction(api, (a, b, c) => {
        const first = readEvents(memory(), c)[0];
        if (first?.type === EVENT_SAMPLE_RATE && first.number > 0) called.add(slot);
        return original(a, b, c);
      }),
    );
  }
  try {
    probe();
  } finally {
    for (const [slot, original] of originals) table.set(slot, original);
  }
  const [slot, ...others] = called;
  const original = slot === undefined ? undefined : originals.get(slot);
  if (slot === undefined || original === undefined || others.length > 0) return false;
  table.set(
    slot,
    asTableFunction(api, (wav, samples, events) => {
      onEvents(readEvents(memory(), events));
      return original(wav, samples, events);
    }),
  );
  return true;
}
