import { inlineText } from './inline.js';
import type { Block, Document, Inline } from './types.js';
import { MODEL_VERSION } from './types.js';

/**
 * The problems that make `value` not a well-formed Document: wrong shape,
 * duplicate or malformed ids, a sentence whose text differs from its inlines,
 * empty sentences. An empty list means valid. Exported by the library for
 * callers holding a document from elsewhere (a `document.json` read back, a
 * hand-built tree); the tests check every document they make with it, so the
 * model's invariants are checked, not assumed.
 */
export function documentProblems(value: unknown): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const claim = (id: unknown, pattern: RegExp | { prefix: unknown; suffix: RegExp }, where: string): void => {
    const wellFormed =
      typeof id === 'string' &&
      (pattern instanceof RegExp ? pattern.test(id) : typeof pattern.prefix === 'string' && id.startsWith(pattern.prefix) && pattern.suffix.test(id.slice(pattern.prefix.length)));
    if (!wellFormed) problems.push(`${where}: malformed id ${JSON.stringify(id)}`);
    else if (seen.has(id)) problems.push(`${where}: duplicate id ${id}`);
    else seen.add(id);
  };
  const checkInlines = (inlines: unknown, where: string): void => {
    if (!Array.isArray(inlines)) {
      problems.push(`${where}: inlines must be an array`);
      return;
    }
    for (const node of inlines as unknown[]) {
      if (!isObject(node)) problems.push(`${where}: inline is not an object`);
      else if (node.type === 'text' || node.type === 'code') {
        if (typeof node.value !== 'string') problems.push(`${where}: ${node.type} without a string value`);
      } else if (node.type === 'emphasis' || node.type === 'strong' || node.type === 'link') {
        if (node.type === 'link' && typeof node.url !== 'string') problems.push(`${where}: link without url`);
        checkInlines(node.children, where);
      } else problems.push(`${where}: unknown inline type ${JSON.stringify(node.type)}`);
    }
  };
  const checkSentences = (block: Record<string, unknown>, where: string): void => {
    if (!Array.isArray(block.sentences) || block.sentences.length === 0) {
      problems.push(`${where}: no sentences`);
      return;
    }
    for (const s of block.sentences as unknown[]) {
      if (!isObject(s)) {
        problems.push(`${where}: sentence is not an object`);
        continue;
      }
      claim(s.id, { prefix: block.id, suffix: /^s\d+$/ }, where);
      checkInlines(s.inlines, String(s.id));
      if (typeof s.text !== 'string' || s.text.trim() === '') problems.push(`${String(s.id)}: empty sentence`);
      else if (Array.isArray(s.inlines) && inlineText(s.inlines as Inline[]) !== s.text) problems.push(`${String(s.id)}: text differs from its inlines`);
    }
  };
  const checkBlocks = (blocks: unknown, where: string): void => {
    if (!Array.isArray(blocks)) {
      problems.push(`${where}: blocks must be an array`);
      return;
    }
    for (const block of blocks as unknown[]) {
      if (!isObject(block)) {
        problems.push(`${where}: block is not an object`);
        continue;
      }
      const type = block.type as Block['type'];
      switch (type) {
        case 'heading':
          claim(block.id, /^h\d+$/, where);
          if (![1, 2, 3, 4, 5, 6].includes(block.level as number)) problems.push(`${String(block.id)}: bad level`);
          checkSentences(block, String(block.id));
          break;
        case 'paragraph':
          claim(block.id, /^p\d+$/, where);
          checkSentences(block, String(block.id));
          break;
        case 'list':
          claim(block.id, /^l\d+$/, where);
          if (!Array.isArray(block.items)) problems.push(`${String(block.id)}: items must be an array`);
          else
            for (const item of block.items as unknown[]) {
              if (!isObject(item)) continue;
              claim(item.id, { prefix: block.id, suffix: /^i\d+$/ }, String(block.id));
              checkBlocks(item.blocks, String(item.id));
            }
          break;
        case 'quote':
          claim(block.id, /^q\d+$/, where);
          checkBlocks(block.blocks, String(block.id));
          break;
        case 'figure':
          claim(block.id, /^f\d+$/, where);
          if (typeof block.src !== 'string' || typeof block.alt !== 'string') problems.push(`${String(block.id)}: figure needs src and alt`);
          break;
        default:
          problems.push(`${where}: unknown block type ${JSON.stringify(type)}`);
      }
    }
  };

  if (!isObject(value)) return ['document is not an object'];
  if (value.modelVersion !== MODEL_VERSION) problems.push(`modelVersion must be ${MODEL_VERSION}`);
  const meta = value.meta;
  if (!isObject(meta)) problems.push('meta missing');
  else {
    if (typeof meta.title !== 'string' || meta.title === '') problems.push('meta.title missing');
    if (typeof meta.lang !== 'string' || meta.lang === '') problems.push('meta.lang missing');
    if (typeof meta.identifier !== 'string' || !/^urn:uuid:[0-9a-f-]{36}$/.test(meta.identifier)) problems.push('meta.identifier malformed');
    if (meta.date !== undefined && (typeof meta.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(meta.date))) problems.push('meta.date malformed');
    if (!Array.isArray(meta.authors)) problems.push('meta.authors must be an array');
  }
  if (!Array.isArray(value.warnings)) problems.push('warnings must be an array');
  checkBlocks(value.blocks, 'document');
  return problems;
}

/** `value` as a Document, or an Error listing what is wrong with it. */
export function asDocument(value: unknown): Document {
  const problems = documentProblems(value);
  if (problems.length > 0) throw new Error(`not a voxpress document: ${problems.slice(0, 5).join('; ')}`);
  return value as Document;
}
