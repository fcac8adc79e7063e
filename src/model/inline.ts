import type { Inline } from './types.js';

/** The plain text of a run of inlines, as a reader or listener meets it. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const node of inlines) {
    out += node.type === 'text' || node.type === 'code' ? node.value : inlineText(node.children);
  }
  return out;
}

/** The length of a node's text. Remembered per node: nodes are immutable, and slicing a long paragraph sentence by sentence asks again and again. */
const lengths = new WeakMap<Inline, number>();

export function textLength(node: Inline): number {
  let length = lengths.get(node);
  if (length === undefined) {
    length = node.type === 'text' || node.type === 'code' ? node.value.length : node.children.reduce((n, child) => n + textLength(child), 0);
    lengths.set(node, length);
  }
  return length;
}

/**
 * The inlines covering the characters [start, end) of `inlineText(inlines)`,
 * keeping the formatting (emphasis, links, ...) that surrounds each piece.
 * Containers that end up empty are dropped.
 */
export function sliceInlines(inlines: readonly Inline[], start: number, end: number): Inline[] {
  const out: Inline[] = [];
  let offset = 0;
  for (const node of inlines) {
    if (offset >= end) break;
    const length = textLength(node);
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, length);
    offset += length;
    if (to <= from) continue;
    if (node.type === 'text' || node.type === 'code') {
      out.push({ ...node, value: node.value.slice(from, to) });
    } else {
      const children = sliceInlines(node.children, from, to);
      if (children.length > 0) out.push({ ...node, children });
    }
  }
  return mergeAdjacentText(out);
}

/** Joins neighbouring text runs so that slicing never leaves `text, text` pairs. */
export function mergeAdjacentText(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: last.value + node.value };
    } else if (!(node.type === 'text' && node.value === '')) {
      out.push(node);
    }
  }
  return out;
}

/** Applies `fn` to every text and code value, keeping the tree's shape. */
export function mapInlineText(inlines: readonly Inline[], fn: (value: string) => string): Inline[] {
  return inlines.map((node): Inline =>
    node.type === 'text' || node.type === 'code'
      ? { ...node, value: fn(node.value) }
      : { ...node, children: mapInlineText(node.children, fn) },
  );
}
