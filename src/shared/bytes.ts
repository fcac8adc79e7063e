/** A typed array of numbers (bytes, samples): what `copyParts` can join. */
interface NumberArray {
  readonly length: number;
  set(array: ArrayLike<number>, offset?: number): void;
}

/** The summed length of the parts. */
export function totalLength(parts: readonly { readonly length: number }[]): number {
  return parts.reduce((n, p) => n + p.length, 0);
}

/** Copies the parts end to end into `out`, the first at `at`. */
export function copyParts(parts: readonly ArrayLike<number>[], out: NumberArray, at = 0): void {
  let offset = at;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
}

/**
 * The parts end to end in one new array (the one part itself when there is
 * only one). Unlike `Buffer.concat`, whose result may be a view into Node's
 * shared pool, the result owns its whole buffer, so it can be transferred to
 * another thread; and there is no second copy to make it so.
 */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(totalLength(parts));
  copyParts(parts, out);
  return out;
}
