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

/**
 * A file's contents: text (written as UTF-8), bytes, or bytes in parts that
 * are written one after the other and never joined, so that a large file
 * made of pieces (a two-hour narration inside an EPUB) is not copied whole
 * once more just to be written.
 */
export type FileContent = string | Uint8Array | readonly Uint8Array[];

/** The contents as byte parts, in order (text encoded as UTF-8). */
export function contentParts(content: FileContent): readonly Uint8Array[] {
  if (typeof content === 'string') return [new TextEncoder().encode(content)];
  return content instanceof Uint8Array ? [content] : content;
}

/** The contents as one array of bytes (joined only when in parts): for callers that want a file whole. */
export function contentBytes(content: FileContent): Uint8Array {
  return joinBytes(contentParts(content));
}
