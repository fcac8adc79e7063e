import type * as Mdast from 'mdast';
import { htmlTagNames } from 'html-tag-names';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parseDocument } from 'yaml';
import { cleanText } from '../model/clean.js';
import type { Draft, DraftBlock, DraftMetadata } from '../model/draft.js';
import type { Inline } from '../model/types.js';
import { metadataFromRecord } from './sidecar.js';
import { ReaderError } from './types.js';

/** Thrown for Markdown the reader cannot accept (bad front matter); the caller names the file. */
export class MarkdownError extends ReaderError {
  override name = 'MarkdownError';
}

type Definitions = Map<string, Mdast.Definition>;

interface Context {
  readonly definitions: Definitions;
  readonly warnings: string[];
}

function position(node: Mdast.Node): string {
  return node.position ? `line ${node.position.start.line}` : 'unknown line';
}

const HTML_ELEMENTS: ReadonlySet<string> = new Set(htmlTagNames);
const LONE_TAG = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>$/u;

/**
 * What an inline raw HTML node stands for in the text. CommonMark reads any
 * `<word>` as a tag, but a name no HTML element has is a placeholder the
 * author typed ("ftp.<CC>.debian.org"), so it stays as written; `<br>` parts
 * two words, as a hard line break does; other tags and comments are dropped
 * (undefined), their text kept.
 */
function inlineHtmlText(value: string): string | undefined {
  const name = LONE_TAG.exec(value)?.[1]?.toLowerCase();
  if (name === undefined) return undefined;
  if (name === 'br') return ' ';
  return HTML_ELEMENTS.has(name) ? undefined : value;
}

function convertInlines(nodes: readonly Mdast.PhrasingContent[], ctx: Context): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ type: 'text', value: node.value });
        break;
      case 'inlineCode':
        out.push({ type: 'code', value: node.value });
        break;
      case 'break':
        out.push({ type: 'text', value: ' ' });
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: convertInlines(node.children, ctx) });
        break;
      case 'strong':
        out.push({ type: 'strong', children: convertInlines(node.children, ctx) });
        break;
      case 'delete':
        out.push(...convertInlines(node.children, ctx));
        break;
      case 'link':
        out.push({ type: 'link', url: node.url, ...(node.title ? { title: node.title } : {}), children: convertInlines(node.children, ctx) });
        break;
      case 'linkReference': {
        const definition = ctx.definitions.get(node.identifier);
        const children = convertInlines(node.children, ctx);
        if (definition) out.push({ type: 'link', url: definition.url, ...(definition.title ? { title: definition.title } : {}), children });
        else out.push(...children);
        break;
      }
      case 'html': {
        // Raw HTML cannot be carried faithfully into SSML, EPUB and PDF alike; tags are dropped, their text stays.
        const text = inlineHtmlText(node.value);
        if (text === undefined) ctx.warnings.push(`raw HTML at ${position(node)} was dropped`);
        else out.push({ type: 'text', value: text });
        break;
      }
      case 'image':
      case 'imageReference':
        // Images are lifted out of the paragraph into figures by `convertParagraph`.
        break;
      default:
        break;
    }
  }
  return out;
}

function imageOf(node: Mdast.PhrasingContent, ctx: Context): Extract<DraftBlock, { type: 'figure' }> | undefined {
  let src: string | undefined;
  let title: string | null | undefined;
  if (node.type === 'image') {
    src = node.url;
    title = node.title;
  } else if (node.type === 'imageReference') {
    const definition = ctx.definitions.get(node.identifier);
    src = definition?.url;
    title = definition?.title;
  } else {
    return undefined;
  }
  if (src === undefined) return undefined;
  const alt = node.alt ?? '';
  if (alt.trim() === '') ctx.warnings.push(`image "${src}" at ${position(node)} has no alt text`);
  return { type: 'figure', src, alt, ...(title ? { title } : {}) };
}

/** A paragraph's text, then a figure for each image in it (images become figures after the text). */
function convertParagraph(node: Mdast.Paragraph, ctx: Context): DraftBlock[] {
  const figures = collectImages(node.children, ctx);
  const inlines = convertInlines(node.children, ctx);
  return [{ type: 'paragraph', inlines }, ...figures];
}

function collectImages(nodes: readonly Mdast.PhrasingContent[], ctx: Context): DraftBlock[] {
  return nodes.flatMap((node): DraftBlock[] => {
    const figure = imageOf(node, ctx);
    if (figure) return [figure];
    return 'children' in node ? collectImages(node.children as Mdast.PhrasingContent[], ctx) : [];
  });
}

function convertBlocks(nodes: readonly Mdast.RootContent[], ctx: Context): DraftBlock[] {
  const out: DraftBlock[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        out.push({ type: 'heading', level: node.depth, inlines: convertInlines(node.children, ctx) }, ...collectImages(node.children, ctx));
        break;
      case 'paragraph':
        out.push(...convertParagraph(node, ctx));
        break;
      case 'list':
        out.push({
          type: 'list',
          ordered: node.ordered === true,
          ...(node.ordered && typeof node.start === 'number' ? { start: node.start } : {}),
          items: node.children.map((item) => convertBlocks(item.children, ctx)),
        });
        break;
      case 'blockquote':
        out.push({ type: 'quote', blocks: convertBlocks(node.children, ctx) });
        break;
      case 'code':
        out.push({ type: 'paragraph', inlines: [{ type: 'code', value: node.value }] });
        break;
      case 'html':
        ctx.warnings.push(`raw HTML block at ${position(node)} was dropped`);
        break;
      default:
        // thematic breaks, definitions, front matter: no content of their own
        break;
    }
  }
  return out;
}

function collectDefinitions(root: Mdast.Root): Definitions {
  const definitions: Definitions = new Map();
  const visit = (node: Mdast.Node): void => {
    if (node.type === 'definition') {
      const definition = node as Mdast.Definition;
      if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition);
    }
    if ('children' in node) for (const child of node.children as Mdast.Node[]) visit(child);
  };
  visit(root);
  return definitions;
}

/** Front matter larger than this is refused: metadata is a few lines, and YAML parsing is slow on megabytes of keys. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;

function frontMatterOf(root: Mdast.Root, warnings: string[]): DraftMetadata {
  const yaml = root.children.find((node): node is Mdast.Yaml => node.type === 'yaml');
  if (!yaml) return {};
  if (yaml.value.length > MAX_FRONT_MATTER_CHARS) throw new MarkdownError(`front matter is too large (${yaml.value.length} characters; the limit is ${MAX_FRONT_MATTER_CHARS})`);
  let data: unknown;
  try {
    // YAML warnings become the article's warnings instead of multi-line process warnings.
    const document = parseDocument(yaml.value, { logLevel: 'silent' });
    const [problem] = document.errors;
    if (problem) throw problem;
    for (const warning of document.warnings) warnings.push(`front matter: ${warning.message.split('\n')[0]}`);
    data = document.toJS();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new MarkdownError(`invalid YAML front matter: ${message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new MarkdownError('front matter must be a YAML mapping');
  return metadataFromRecord(data as Record<string, unknown>, 'front matter');
}

/**
 * Lists and quotes nested deeper than this are refused. News copy nests two
 * or three levels; each level costs every writer indentation (the PDF column,
 * the EPUB's margins), and the Markdown parser's work grows with the square
 * of the depth.
 */
export const MAX_NESTING = 16;
/**
 * A line may begin with at most this many characters of indentation and list
 * or quote markers (16 levels of four-column indentation, four times over).
 * Checked before parsing: the parser takes minutes and gigabytes on a list
 * nested a thousand deep, long before the depth could be counted in its tree.
 */
export const MAX_LINE_PREFIX = 256;

/** Indentation, quote markers and list markers at the start of a line: what the parser nests by. */
const CONTAINER_PREFIX = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;

/** Refuses, in one line, text whose lines begin deeper than any article nests. Linear: one look at each line's start. */
function assertShallowLines(text: string): void {
  let line = 1;
  for (let at = 0; at < text.length; line++) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    // Only the first MAX_LINE_PREFIX + 1 characters are looked at, however long the line.
    const prefix = CONTAINER_PREFIX.exec(text.slice(at, Math.min(end, at + MAX_LINE_PREFIX + 1)))?.[0].length ?? 0;
    if (prefix > MAX_LINE_PREFIX) {
      throw new MarkdownError(`line ${line} begins with more than ${MAX_LINE_PREFIX} characters of indentation and list or quote markers: lists and quotes may nest at most ${MAX_NESTING} deep`);
    }
    at = end + 1;
  }
}

/** Refuses, in one line, lists and quotes nested deeper than MAX_NESTING. A walk with its own stack: no recursion to overflow. */
function assertNesting(root: Mdast.Root): void {
  const stack: { node: Mdast.Node; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    const nested = node.type === 'list' || node.type === 'blockquote' ? depth + 1 : depth;
    if (nested > MAX_NESTING) throw new MarkdownError(`lists and quotes nested more than ${MAX_NESTING} deep at ${position(node)}; the limit is ${MAX_NESTING}`);
    if ('children' in node) for (const child of node.children as Mdast.Node[]) stack.push({ node: child, depth: nested });
  }
}

/**
 * Reads a CommonMark article with optional YAML front matter. A leading
 * level-1 heading is the title when the front matter gives none.
 */
export function readMarkdown(source: string): Draft {
  const text = cleanText(source.replace(/^\uFEFF/, ''));
  assertShallowLines(text);
  const root = fromMarkdown(text, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
  assertNesting(root);
  const ctx: Context = { definitions: collectDefinitions(root), warnings: [] };
  let meta = frontMatterOf(root, ctx.warnings);
  let body = root.children.filter((node) => node.type !== 'yaml');
  const first = body[0];
  if (meta.title === undefined && first?.type === 'heading' && first.depth === 1) {
    meta = { ...meta, title: plainText(first) };
    body = body.slice(1);
  }
  return { meta, blocks: convertBlocks(body, ctx), warnings: ctx.warnings };
}

function plainText(node: Mdast.Node): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Mdast.Node[]).map(plainText).join('');
  return '';
}
