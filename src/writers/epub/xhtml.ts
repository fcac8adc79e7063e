import type { Block, Document, Figure, Inline, List, Sentence } from '../../model/types.js';
import type { BookImage } from './images.js';
import { textDirection } from '../../shared/lang.js';
import { uiText } from './language.js';
import { escapeAttr, escapeText, langAttrs } from '../../shared/xml.js';
import { linkTarget } from '../../shared/links.js';
import { displayDate } from '../../shared/dates.js';
import { displayText } from '../../shared/typography.js';

/** The one content document's name inside the package folder. */
export const CONTENT_HREF = 'content.xhtml';
export const STYLESHEET_HREF = 'style.css';

/** A section heading as the table of contents lists it. */
export interface TocEntry {
  readonly id: string;
  readonly text: string;
  /** 1 for a top-level section of the article. */
  readonly depth: number;
}

export interface ContentDocument {
  readonly xhtml: string;
  /** Every `id` in the document: the targets media overlays may point at. */
  readonly ids: ReadonlySet<string>;
  readonly sections: readonly TocEntry[];
}

/** Text as the book shows it: escaped, with its language's display typography. Every text a reader sees goes through it, titles in the package and the navigation too. */
export function shownXhtml(text: string, lang: string): string {
  return escapeText(displayText(text, lang));
}

function inlineXhtml(inlines: readonly Inline[], lang: string): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
          return shownXhtml(node.value, lang);
        case 'code':
          return `<code>${escapeText(node.value)}</code>`;
        case 'emphasis':
          return `<em>${inlineXhtml(node.children, lang)}</em>`;
        case 'strong':
          return `<strong>${inlineXhtml(node.children, lang)}</strong>`;
        case 'link': {
          const href = linkTarget(node.url);
          const inner = inlineXhtml(node.children, lang);
          if (!href || inner.trim() === '') return inner;
          const title = node.title ? ` title="${escapeAttr(node.title)}"` : '';
          return `<a href="${escapeAttr(href)}"${title}>${inner}</a>`;
        }
      }
    })
    .join('');
}

function sentenceXhtml(sentence: Sentence, lang: string): string {
  const inner = sentence.inlines.length > 0 ? inlineXhtml(sentence.inlines, lang) : shownXhtml(sentence.text, lang);
  return `<span id="${escapeAttr(sentence.id)}">${inner}</span>`;
}

function sentencesXhtml(sentences: readonly Sentence[], lang: string): string {
  return sentences.map((sentence) => sentenceXhtml(sentence, lang)).join(' ');
}

/** The figure's text alternative: its alt text, else its title, else empty (then the book claims no WCAG conformance). */
export function figureAlt(figure: Figure): string {
  return figure.alt.trim() || figure.title?.trim() || '';
}

/** Writes the article's blocks as indented XHTML lines, recording ids and section headings. */
class ArticleXhtml {
  readonly ids = new Set<string>();
  readonly sections: TocEntry[] = [];
  private readonly out: string[] = [];

  constructor(
    private readonly doc: Document,
    private readonly images: ReadonlyMap<string, BookImage>,
  ) {}

  line(depth: number, text: string): void {
    this.out.push(`${'  '.repeat(depth)}${text}`);
  }

  text(): string {
    return this.out.join('\n');
  }

  id(id: string): string {
    if (this.ids.has(id)) throw new Error(`duplicate id "${id}" in the document model`);
    this.ids.add(id);
    return `id="${escapeAttr(id)}"`;
  }

  sentenceIds(sentences: readonly Sentence[]): void {
    for (const s of sentences) this.id(s.id);
  }

  /** Blocks nested in lists and quotes: no sections there, a heading becomes an emphasised paragraph. */
  nested(blocks: readonly Block[], depth: number): void {
    for (const block of blocks) {
      if (block.type === 'heading') {
        this.sentenceIds(block.sentences);
        this.line(depth, `<p ${this.id(block.id)} class="inner-heading"><strong>${sentencesXhtml(block.sentences, this.doc.meta.lang)}</strong></p>`);
      } else this.block(block, depth);
    }
  }

  block(block: Exclude<Block, { type: 'heading' }>, depth: number): void {
    switch (block.type) {
      case 'paragraph':
        if (block.sentences.length === 0) break; // never an empty <p>
        this.sentenceIds(block.sentences);
        this.line(depth, `<p ${this.id(block.id)}${block.lang ? ` ${langAttrs(block.lang)}` : ''}>${sentencesXhtml(block.sentences, block.lang ?? this.doc.meta.lang)}</p>`);
        break;
      case 'list':
        this.list(block, depth);
        break;
      case 'quote':
        if (block.blocks.length === 0) break;
        this.line(depth, `<blockquote ${this.id(block.id)}>`);
        this.nested(block.blocks, depth + 1);
        this.line(depth, '</blockquote>');
        break;
      case 'figure':
        this.figure(block, depth);
        break;
    }
  }

  list(list: List, depth: number): void {
    const items = list.items.filter((item) => item.blocks.length > 0);
    if (items.length === 0) return;
    const tag = list.ordered ? 'ol' : 'ul';
    const start = list.ordered && list.start !== undefined && list.start !== 1 ? ` start="${list.start}"` : '';
    this.line(depth, `<${tag} ${this.id(list.id)}${start}>`);
    for (const item of items) {
      this.line(depth + 1, `<li ${this.id(item.id)}>`);
      this.nested(item.blocks, depth + 2);
      this.line(depth + 1, '</li>');
    }
    this.line(depth, `</${tag}>`);
  }

  figure(figure: Figure, depth: number): void {
    const image: BookImage = this.images.get(figure.id) ?? { kind: 'missing', reason: 'not loaded' };
    const alt = figureAlt(figure);
    const caption = figure.title?.trim();
    this.line(depth, `<figure ${this.id(figure.id)}>`);
    if (image.kind === 'embedded') {
      this.line(depth + 1, `<img src="${escapeAttr(image.image.href)}" alt="${escapeAttr(alt)}"/>`);
    } else if (image.kind === 'missing') {
      // The image was left out (see io/resources.ts): its text alternative stands in its place.
      const label = alt ? shownXhtml(alt, this.doc.meta.lang) : uiText('Image not available', this.doc.meta.lang);
      this.line(depth + 1, `<p class="remote-image">${label}</p>`);
    } else {
      // EPUB forbids images fetched from the web at reading time: link to it instead.
      const href = linkTarget(image.url);
      const label = figure.alt.trim() ? shownXhtml(figure.alt.trim(), this.doc.meta.lang) : uiText('Image on the web', this.doc.meta.lang);
      this.line(depth + 1, href ? `<p class="remote-image"><a href="${escapeAttr(href)}">${label}</a></p>` : `<p class="remote-image">${label}</p>`);
    }
    if (caption) this.line(depth + 1, `<figcaption>${shownXhtml(caption, this.doc.meta.lang)}</figcaption>`);
    this.line(depth, '</figure>');
  }

  /** The article body: top-level headings open (nested) sections; levels never skip. */
  body(blocks: readonly Block[], depth: number): void {
    const open: number[] = [];
    for (const block of blocks) {
      if (block.type !== 'heading') {
        this.block(block, depth + open.length);
        continue;
      }
      const level = Math.min(block.level, (open[open.length - 1] ?? 0) + 1, 5);
      while (open.length > 0 && (open[open.length - 1] ?? 0) >= level) {
        open.pop();
        this.line(depth + open.length, '</section>');
      }
      this.line(depth + open.length, `<section ${this.id(`sec-${block.id}`)} aria-labelledby="${escapeAttr(block.id)}">`);
      open.push(level);
      this.sentenceIds(block.sentences);
      this.line(depth + open.length, `<h${level + 1} ${this.id(block.id)}>${sentencesXhtml(block.sentences, this.doc.meta.lang)}</h${level + 1}>`);
      this.sections.push({ id: block.id, text: displayText(block.sentences.map((s) => s.text).join(' '), this.doc.meta.lang), depth: level });
    }
    while (open.length > 0) {
      open.pop();
      this.line(depth + open.length, '</section>');
    }
  }

  header(depth: number): void {
    const { meta } = this.doc;
    this.line(depth, '<header>');
    this.line(depth + 1, `<h1 ${this.id('title')}>${shownXhtml(meta.title, meta.lang)}</h1>`);
    if (meta.authors.length > 0) {
      this.line(depth + 1, `<p class="byline">${uiText('By', meta.lang)} ${shownXhtml(listFormat(meta.authors, meta.lang), meta.lang)}</p>`);
    }
    if (meta.source) this.line(depth + 1, `<p class="source">${shownXhtml(meta.source, meta.lang)}</p>`);
    if (meta.date) {
      this.line(depth + 1, `<p class="dateline"><time ${this.id('date')} datetime="${escapeAttr(meta.date)}">${escapeText(displayDate(meta.date, meta.lang))}</time></p>`);
    }
    this.line(depth, '</header>');
  }
}

/** "A, B and C" in the article's language. */
function listFormat(items: readonly string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The `<html>` start tag every XHTML document of the book opens with. */
export function htmlStartTag(lang: string): string {
  const dir = textDirection(lang) === 'rtl' ? ' dir="rtl"' : '';
  return `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" ${langAttrs(lang)}${dir}>`;
}

/**
 * The article as one XHTML content document: a header with the title
 * (`id="title"`), byline and date (`id="date"`), then the body with a
 * `<span>` per sentence carrying the model's sentence id.
 */
export function contentDocument(doc: Document, images: ReadonlyMap<string, BookImage>): ContentDocument {
  const writer = new ArticleXhtml(doc, images);
  writer.header(3);
  writer.body(doc.blocks, 3);
  const xhtml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    htmlStartTag(doc.meta.lang),
    '<head>',
    '  <meta charset="UTF-8"/>',
    `  <title>${shownXhtml(doc.meta.title, doc.meta.lang)}</title>`,
    `  <link rel="stylesheet" type="text/css" href="${STYLESHEET_HREF}"/>`,
    '</head>',
    '<body epub:type="bodymatter">',
    '  <main>',
    '    <article>',
    writer.text(),
    '    </article>',
    '  </main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { xhtml, ids: writer.ids, sections: writer.sections };
}

