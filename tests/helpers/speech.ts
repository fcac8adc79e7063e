import { XMLParser } from 'fast-xml-parser';
import { XmlDocument } from 'libxml2-wasm';
import { MODEL_VERSION, type Block, type Document, type Inline } from '../../src/model/types.js';
import { SSML_NAMESPACE } from '../../src/speech/ssml/profiles.js';

/** What a parsed SSML document says and holds, read back with real XML parsers (see parseSsml). */
export interface ParsedSsml {
  /** Every <s>: its marks, its written text, and its text as spoken (sub aliases in place of their content). */
  readonly sentences: { marks: string[]; written: string; spoken: string; subs: { written: string; alias: string }[] }[];
  readonly rootLang: string | undefined;
  readonly elementNames: string[];
  readonly breaks: string[];
}

/*
 * Read with two real parsers. libxml2 (the validators' parser) must accept the
 * document as well-formed; the text is then read with fast-xml-parser, because
 * libxml2-wasm 0.7 returns strings through Emscripten's UTF8ToString, which
 * decodes anything over 16 bytes with a default TextDecoder, and that drops a
 * leading U+FEFF: a text node starting with one would read back one character
 * short (found by tests/writers/ssml-property.test.ts, seed -835058774).
 * `htmlEntities` makes it decode numeric character references; a named
 * entity other than XML's five has already failed libxml2's check.
 */
type OrderedNode = { readonly '#text'?: string; readonly ':@'?: Record<string, string> } & Record<string, unknown>;

const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: true });

/** An ordered node's element name, or undefined for a text node. */
function nameOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text');
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const name = nameOf(node);
  return name === undefined ? [] : (node[name] as OrderedNode[]);
}

function walk(node: OrderedNode, visit: (name: string, node: OrderedNode) => void): void {
  const name = nameOf(node);
  if (name === undefined) return;
  visit(name, node);
  for (const child of childrenOf(node)) walk(child, visit);
}

/** The text of a node, as written (`spoken`: with each <sub>'s alias in place of its content). */
function textOf(node: OrderedNode, spoken: boolean): string {
  if (nameOf(node) === undefined) return node['#text'] ?? '';
  if (spoken && nameOf(node) === 'sub') return node[':@']?.alias ?? '';
  return childrenOf(node).map((child) => textOf(child, spoken)).join('');
}

export function parseSsml(xml: string): ParsedSsml {
  XmlDocument.fromString(xml).dispose();
  const nodes = orderedParser.parse(xml) as OrderedNode[];
  const root = nodes.find((node) => nameOf(node) === 'speak');
  if (!root) throw new Error('no <speak> root');
  const sentences: ParsedSsml['sentences'] = [];
  const elementNames: string[] = [];
  const breaks: string[] = [];
  walk(root, (name, e) => {
    elementNames.push(name);
    if (name === 'break') breaks.push(e[':@']?.time ?? '');
    if (name !== 's') return;
    const marks: string[] = [];
    const subs: { written: string; alias: string }[] = [];
    walk(e, (innerName, inner) => {
      if (innerName === 'mark') marks.push(inner[':@']?.name ?? '');
      if (innerName === 'sub') subs.push({ written: textOf(inner, false), alias: inner[':@']?.alias ?? '' });
    });
    const written = textOf(e, false);
    // Every <s> ends with the line break the writer adds for eSpeak NG (see builder.ts); the rest is the sentence.
    if (!written.endsWith('\n')) throw new Error(`<s> without its final line break: ${JSON.stringify(written)}`);
    sentences.push({ marks, written: written.slice(0, -1), spoken: textOf(e, true).slice(0, -1), subs });
  });
  return { sentences, rootLang: root[':@']?.['xml:lang'], elementNames, breaks };
}

export { SSML_NAMESPACE };

/** A document holding exactly the given sentences (one paragraph each), bypassing the readers: hostile text reaches the writer as is. */
export function documentOf(sentences: readonly (string | readonly Inline[])[], meta: { title?: string; lang?: string; date?: string } = {}): Document {
  const blocks: Block[] = sentences.map((s, i) => {
    const inlines: readonly Inline[] = typeof s === 'string' ? [{ type: 'text', value: s }] : s;
    const text = inlineTextOf(inlines);
    return { type: 'paragraph', id: `p${i + 1}`, sentences: [{ id: `p${i + 1}s1`, text, inlines }] };
  });
  return {
    modelVersion: MODEL_VERSION,
    meta: { identifier: 'urn:uuid:00000000-0000-0000-0000-000000000000', title: meta.title ?? 'Title', titleDerived: false, lang: meta.lang ?? 'en', langSource: 'stated', authors: [], ...(meta.date ? { date: meta.date } : {}) },
    blocks,
    warnings: [],
  };
}

function inlineTextOf(inlines: readonly Inline[]): string {
  return inlines.map((n) => (n.type === 'text' || n.type === 'code' ? n.value : inlineTextOf(n.children))).join('');
}
