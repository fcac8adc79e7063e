import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asTableFunction, callbackSlots, hookSynthCallback, readEvents, type Callback, type WasmTable } from '../../../src/speech/engines/espeak-events.js';
import { webAssembly } from '../../../src/shared/wasm.js';

const api = webAssembly;

/**
 * A module with a 4-slot table: slot 1 holds an `(i32 i32 i32) -> i32`
 * function, slot 2 an `(i32) -> i32` one, slot 3 an `(i32 i64 i32) -> i64` one
 * (a seek), all behind one imported function.
 */
// prettier-ignore
const TABLE_MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x14, 0x03, 0x60, 0x03, 0x7f, 0x7f, 0x7f, 0x01, 0x7f, 0x60, 0x01, 0x7f, 0x01, 0x7f, 0x60, 0x03, 0x7f, 0x7e, 0x7f, 0x01, 0x7e, // types
  0x02, 0x07, 0x01, 0x01, 0x65, 0x01, 0x69, 0x00, 0x01, // import e.i : type 1
  0x03, 0x04, 0x03, 0x00, 0x01, 0x02, // functions 1, 2, 3 of types 0, 1, 2
  0x04, 0x04, 0x01, 0x70, 0x00, 0x04, // table funcref min 4
  0x09, 0x09, 0x01, 0x00, 0x41, 0x01, 0x0b, 0x03, 0x01, 0x02, 0x03, // elements at 1: funcs 1, 2, 3
  0x0a, 0x10, 0x03, 0x04, 0x00, 0x41, 0x07, 0x0b, 0x04, 0x00, 0x41, 0x08, 0x0b, 0x04, 0x00, 0x42, 0x09, 0x0b, // code
]);

describe('eSpeak NG synthesis events', () => {
  it('finds the table slots of callback signature in a binary', () => {
    new api.Module(TABLE_MODULE); // the fixture is a valid module
    expect(callbackSlots(TABLE_MODULE)).toEqual([1]);
  });

  it('finds a handful of candidate slots in the shipped eSpeak NG build', () => {
    const wasm = path.join(path.dirname(createRequire(import.meta.url).resolve('espeak-ng')), 'espeak-ng.wasm');
    const slots = callbackSlots(new Uint8Array(readFileSync(wasm)));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.length).toBeLessThan(20);
  });

  it('wraps a JavaScript function as a WASM function that calls it', () => {
    const calls: number[][] = [];
    const wrapped = asTableFunction(api, (a, b, c) => {
      calls.push([a, b, c]);
      return a + b + c;
    }) as (a: number, b: number, c: number) => number;
    expect(wrapped(1, 2, 3)).toBe(6);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('reads an event list up to its terminator, and nothing from a pointer that is not one', () => {
    const memory = new ArrayBuffer(1024);
    const words = new Int32Array(memory);
    const at = 64 >> 2;
    // Sample rate, then a word at text position 7, 5 characters long, sample 6776, then the terminator.
    words.set([8, 0, 0, 0, 0, 0, 0, 22050, 0], at);
    words.set([1, 0, 7, 5, 307, 6776, 0, 2, 0], at + 9);
    expect(readEvents(memory, 64)).toEqual([
      { type: 8, textPosition: 0, length: 0, sample: 0, number: 22050 },
      { type: 1, textPosition: 7, length: 5, sample: 6776, number: 2 },
    ]);
    expect(readEvents(memory, 0)).toEqual([]);
    expect(readEvents(memory, 66)).toEqual([]);
    expect(readEvents(memory, 1020)).toEqual([]);
  });

  describe('hooking the synthesis callback', () => {
    /** A table of three callbacks over one memory whose event list (at 64) opens with the sample rate. */
    function fixture(): { table: WasmTable & { slots: unknown[] }; memory: ArrayBuffer; originals: Callback[] } {
      const memory = new ArrayBuffer(1024);
      new Int32Array(memory).set([8, 0, 0, 0, 0, 0, 0, 22050, 0, 1, 0, 3, 4, 0, 99, 0, 1, 0], 64 >> 2);
      const originals: Callback[] = [() => 1, () => 2, () => 3];
      const slots: unknown[] = [...originals];
      const table = { slots, length: slots.length, get: (i: number) => slots[i], set: (i: number, f: unknown) => void (slots[i] = f) };
      return { table, memory, originals };
    }

    it('finds the slot called with an event list, gives the others their function back, and reads the events there', () => {
      const { table, memory, originals } = fixture();
      const call = (slot: number, events: number): number => (table.get(slot) as Callback)(0, 0, events);
      const seen: number[][] = [];
      const hooked = hookSynthCallback(api, table, () => memory, [0, 1, 2], () => {
        call(0, 8); // a length, not a pointer
        call(1, 64);
      }, (events) => seen.push(events.map((e) => e.type)));
      expect(hooked).toBe(true);
      expect(table.get(0)).toBe(originals[0]);
      expect(table.get(2)).toBe(originals[2]);
      expect(table.get(1)).not.toBe(originals[1]);
      expect(call(1, 64)).toBe(2); // the original still runs
      expect(seen).toEqual([[8, 1]]);
    });

    it('changes nothing and says so when no slot, or more than one, is called with an event list', () => {
      for (const probe of [(): void => {}, (t: WasmTable): void => [0, 2].forEach((slot) => void (t.get(slot) as Callback)(0, 0, 64))]) {
        const { table, memory, originals } = fixture();
        expect(hookSynthCallback(api, table, () => memory, [0, 1, 2], () => probe(table), () => {})).toBe(false);
        expect(table.slots).toEqual(originals);
      }
    });
  });
});
