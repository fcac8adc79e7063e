import type { Metadata } from '../../model/types.js';
import { uiText } from './language.js';
import { CONTENT_HREF, htmlStartTag, shownXhtml, STYLESHEET_HREF, type TocEntry } from './xhtml.js';
import { escapeAttr, escapeText } from '../../shared/xml.js';

interface TocNode {
  readonly entry: TocEntry;
  readonly children: TocNode[];
}

/** Section headings (whose depths never skip a level) as a tree. */
function tocTree(entries: readonly TocEntry[]): TocNode[] {
  const roots: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const entry of entries) {
    const node: TocNode = { entry, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.entry.depth ?? 0) >= entry.depth) stack.pop();
    (stack[stack.length - 1]?.children ?? roots).push(node);
    stack.push(node);
  }
  return roots;
}

function navList(nodes: readonly TocNode[], indent: string): string[] {
  if (nodes.length === 0) return [];
  const lines = [`${indent}<ol>`];
  for (const node of nodes) {
    const link = `<a href="${CONTENT_HREF}#${escapeAttr(node.entry.id)}">${escapeText(node.entry.text)}</a>`;
    if (node.children.length === 0) lines.push(`${indent}  <li>${link}</li>`);
    else lines.push(`${indent}  <li>${link}`, ...navList(node.children, `${indent}    `), `${indent}  </li>`);
  }
  lines.push(`${indent}</ol>`);
  return lines;
}

/**
 * The EPUB navigation document: the table of contents (`epub:type="toc"`,
 * `role="doc-toc"`; the article, then an entry per section heading) and the
 * landmarks (where the article starts).
 */
export function navDocument(meta: Metadata, sections: readonly TocEntry[]): string {
  const lang = meta.lang;
  const title = shownXhtml(meta.title, lang);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    htmlStartTag(lang),
    '<head>',
    '  <meta charset="UTF-8"/>',
    `  <title>${title}</title>`,
    `  <link rel="stylesheet" type="text/css" href="${STYLESHEET_HREF}"/>`,
    '</head>',
    '<body>',
    '  <nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">',
    `    <h1 id="toc-title">${uiText('Contents', lang)}</h1>`,
    '    <ol>',
    ...(sections.length === 0
      ? [`      <li><a href="${CONTENT_HREF}">${title}</a></li>`]
      : [`      <li><a href="${CONTENT_HREF}">${title}</a>`, ...navList(tocTree(sections), '        '), '      </li>']),
    '    </ol>',
    '  </nav>',
    '  <nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">',
    `    <h2 id="landmarks-title">${uiText('Landmarks', lang)}</h2>`,
    '    <ol>',
    `      <li><a epub:type="bodymatter" href="${CONTENT_HREF}">${uiText('Start of the article', lang)}</a></li>`,
    '    </ol>',
    '  </nav>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function ncxPoints(nodes: readonly TocNode[], indent: string, order: { next: number }): string[] {
  return nodes.flatMap((node) => {
    const n = order.next++;
    return [
      `${indent}<navPoint id="np-${n}" playOrder="${n}">`,
      `${indent}  <navLabel><text>${escapeText(node.entry.text)}</text></navLabel>`,
      `${indent}  <content src="${CONTENT_HREF}#${escapeAttr(node.entry.id)}"/>`,
      ...ncxPoints(node.children, `${indent}  `, order),
      `${indent}</navPoint>`,
    ];
  });
}

function treeDepth(nodes: readonly TocNode[]): number {
  return nodes.reduce((max, node) => Math.max(max, 1 + treeDepth(node.children)), 0);
}

/** The EPUB 2 NCX table of contents, for older reading systems; the same entries as the nav document. */
export function ncxDocument(meta: Metadata, sections: readonly TocEntry[]): string {
  const tree = tocTree(sections);
  const order = { next: 2 };
  const title = shownXhtml(meta.title, meta.lang);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${escapeAttr(meta.lang)}">`,
    '  <head>',
    `    <meta name="dtb:uid" content="${escapeAttr(meta.identifier)}"/>`,
    `    <meta name="dtb:depth" content="${1 + treeDepth(tree)}"/>`,
    '    <meta name="dtb:totalPageCount" content="0"/>',
    '    <meta name="dtb:maxPageNumber" content="0"/>',
    '  </head>',
    `  <docTitle><text>${title}</text></docTitle>`,
    '  <navMap>',
    '    <navPoint id="np-1" playOrder="1">',
    `      <navLabel><text>${title}</text></navLabel>`,
    `      <content src="${CONTENT_HREF}"/>`,
    ...ncxPoints(tree, '      ', order),
    '    </navPoint>',
    '  </navMap>',
    '</ncx>',
    '',
  ].join('\n');
}
