/**
 * The parts end to end in one new array (the one part itself when there is
 * only one). Unlike `Buffer.concat`, whose result may be a view into Node's
 * shared pool, the result owns its whole buffer, so it can be transferred to
 * another thread; and there is no second copy to make it so.
 */
export function joinBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
