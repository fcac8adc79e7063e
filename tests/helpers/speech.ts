import { XmlDocument, XmlElement } from 'libxml2-wasm';
import { MODEL_VERSION, type Block, type Document, type Inline } from '../../src/model/types.js';
import { SSML_NAMESPACE } from '../../src/speech/ssml/profiles.js';

/** What a parsed SSML document says and holds, read back with a real XML parser (libxml2). */
export interface ParsedSsml {
  /** Every <s>: its marks, its written text, and its text as spoken (sub aliases in place of their content). */
  readonly sentences: { marks: string[]; written: string; spoken: string; subs: { written: string; alias: string }[] }[];
  readonly rootLang: string | undefined;
  readonly elementNames: string[];
  readonly breaks: string[];
}

function walk(element: XmlElement, visit: (e: XmlElement) => void): void {
  visit(element);
  for (let node = element.firstChild; node; node = node.next) if (node instanceof XmlElement) walk(node, visit);
}

function spokenText(element: XmlElement): string {
  let out = '';
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof XmlElement) out += node.name === 'sub' ? (node.attr('alias')?.value ?? '') : spokenText(node);
    else out += node.content;
  }
  return out;
}

export function parseSsml(xml: string): ParsedSsml {
  const doc = XmlDocument.fromString(xml);
  try {
    const sentences: ParsedSsml['sentences'] = [];
    const elementNames: string[] = [];
    const breaks: string[] = [];
    walk(doc.root, (e) => {
      elementNames.push(e.name);
      if (e.name === 'break') breaks.push(e.attr('time')?.value ?? '');
      if (e.name !== 's') return;
      const marks: string[] = [];
      const subs: { written: string; alias: string }[] = [];
      walk(e, (inner) => {
        if (inner.name === 'mark') marks.push(inner.attr('name')?.value ?? '');
        if (inner.name === 'sub') subs.push({ written: inner.content, alias: inner.attr('alias')?.value ?? '' });
      });
      // Every <s> ends with the line break the writer adds for eSpeak NG (see builder.ts); the rest is the sentence.
      if (!e.content.endsWith('\n')) throw new Error(`<s> without its final line break: ${JSON.stringify(e.content)}`);
      sentences.push({ marks, written: e.content.slice(0, -1), spoken: spokenText(e).slice(0, -1), subs });
    });
    return { sentences, rootLang: doc.root.attr('lang', 'xml')?.value, elementNames, breaks };
  } finally {
    doc.dispose();
  }
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
