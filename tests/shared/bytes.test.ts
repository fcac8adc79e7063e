import { describe, expect, it } from 'vitest';
import { copyParts, joinBytes, totalLength } from '../../src/shared/bytes.js';

describe('joinBytes', () => {
  it('puts the parts end to end in an array that owns its whole buffer', () => {
    const backing = Uint8Array.from([9, 1, 2, 3, 9]);
    const joined = joinBytes([backing.subarray(1, 3), new Uint8Array(0), Uint8Array.from([3, 4])]);
    expect([...joined]).toEqual([1, 2, 3, 4]);
    expect(joined.byteOffset).toBe(0);
    expect(joined.buffer.byteLength).toBe(4);
    // Transferable: what a pooled Buffer.concat result is not.
    const moved = structuredClone(joined, { transfer: [joined.buffer as ArrayBuffer] });
    expect([...moved]).toEqual([1, 2, 3, 4]);
  });

  it('gives the one part itself, and an empty array for none', () => {
    const only = Uint8Array.from([5]);
    expect(joinBytes([only])).toBe(only);
    expect(joinBytes([]).length).toBe(0);
  });

  it('copies parts of any number array into place from an offset', () => {
    const parts = [Int16Array.from([-1, 2]), Int16Array.from([3])];
    const out = new Int16Array(2 + totalLength(parts));
    copyParts(parts, out, 2);
    expect([...out]).toEqual([0, 0, -1, 2, 3]);
  });
});
