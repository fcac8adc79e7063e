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

/** Where each node of a run starts in the run's text. Remembered per run, as `lengths` is per node. */
const runStarts = new WeakMap<readonly Inline[], readonly number[]>();

function startsOf(inlines: readonly Inline[]): readonly number[] {
  let starts = runStarts.get(inlines);
  if (starts === undefined) {
    const computed: number[] = [];
    let offset = 0;
    for (const node of inlines) {
      computed.push(offset);
      offset += textLength(node);
    }
    runStarts.set(inlines, computed);
    starts = computed;
  }
  return starts;
}

/** The index of the node holding character `at` (the last node starting at or before it). */
function nodeAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The inlines covering the characters [start, end) of `inlineText(inlines)`,
 * keeping the formatting (emphasis, links, ...) that surrounds each piece.
 * Containers that end up empty are dropped. The first node is found by a
 * binary search at every level, so slicing a long paragraph sentence by
 * sentence costs the sentences' own size, not the paragraph's each time.
 */
export function sliceInlines(inlines: readonly Inline[], start: number, end: number): Inline[] {
  const out: Inline[] = [];
  if (inlines.length === 0 || end <= start) return out;
  const starts = startsOf(inlines);
  for (let index = nodeAt(starts, Math.max(start, 0)); index < inlines.length; index++) {
    const offset = starts[index] ?? 0;
    if (offset >= end) break;
    const node = inlines[index]!;
    const length = textLength(node);
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, length);
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
