import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import * as fontkit from 'fontkit';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { wellFormedProblem } from '../speech/validate.js';

/**
 * voxpress's own machine checks of PDF/UA-1 (Matterhorn protocol) conditions,
 * read through pdf.js: the tests' structure checker, and `voxpress verify`'s
 * fallback where veraPDF (the auditors' validator) is not installed. Each
 * check has a name; `checkPdfUa` returns every finding, so a test can assert
 * that a deliberately broken file fails exactly the check it breaks.
 * pdf.js reads the content (operator lists, fonts, annotations, metadata);
 * pdf-lib reads the whole structure tree with /ID, which pdf.js does not expose.
 * Both are development dependencies: `voxpress verify` imports this module
 * only when they are installed (docs/dependencies.md).
 */

/** The checks, each with the ISO 14289-1 clause (and Matterhorn checkpoint) it decides. */
export const CHECKS = {
  'struct-tree': '7.1 (Matterhorn 01): the logical structure is a structure tree rooted in /StructTreeRoot',
  'mark-info': '6.2 (06-001): /MarkInfo /Marked true, no /Suspects',
  metadata: '5, 7.1 (06-002, 06-003): well-formed XMP with dc:title and pdfuaid:part 1',
  lang: '7.2 (11-006): natural language in the catalog',
  'viewer-preferences': '7.1 (07-001): /DisplayDocTitle true',
  'tagged-content': '7.1 (01-005): text and paint operators only in tagged content or artifacts',
  'mcid-in-tree': '7.1 (01-007): every marked-content id belongs to a structure element',
  'standard-roles': '7.1 (02-001, 02-004): standard structure types only',
  'heading-order': '7.4.2 (14-002, 14-003): headings start at H1, no level skipped',
  'link-annotations': '7.18 (28-004, 28-011): link annotations under Link elements, with /Contents and the right /Pg',
  'fonts-embedded': '7.21.4.1 (31-001): every font embedded',
  cidset: '7.21.4.2 (31-022): a CIDSet, where there is one, lists every glyph of the embedded subset',
  'no-notdef': '7.21.8 (31-030): no .notdef glyph drawn',
} as const;

export type CheckName = keyof typeof CHECKS;

/** The pdf.js release that reads the files. */
export const PDFJS_VERSION: string = pdfjs.version;

export interface Finding {
  readonly check: CheckName;
  readonly message: string;
}

/** A structure element read from the file itself (pdf-lib), with its content as page-qualified marked-content ids. */
export interface Element {
  readonly role: string;
  readonly id?: string;
  readonly alt?: string;
  readonly lang?: string;
  readonly actualText?: string;
  readonly parent?: Element;
  readonly children: (Element | Leaf)[];
}

type Leaf = { readonly type: 'content'; readonly id: string } | { readonly type: 'annotation'; readonly id: string; readonly page?: string };

const isLeaf = (n: Element | Leaf): n is Leaf => 'type' in n;

function text(obj: unknown): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;
}

/** The whole structure tree, read from the objects (pdf.js only shows each page's slice of it). */
function readTree(pdf: PDFDocument): Element | undefined {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return undefined;
  const top: Element = { role: 'StructTreeRoot', children: [] };
  const seen = new Set<PDFDict>();
  const visitKid = (kid: unknown, parent: Element, page: PDFRef | undefined): void => {
    const value = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid;
    if (value instanceof PDFNumber) {
      if (page) parent.children.push({ type: 'content', id: `p${page.objectNumber}R_mc${value.asNumber()}` });
    } else if (value instanceof PDFDict) {
      const type = value.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
      const pg = value.get(PDFName.of('Pg'));
      const kidPage = pg instanceof PDFRef ? pg : page;
      if (type === 'MCR') {
        const mcid = value.lookupMaybe(PDFName.of('MCID'), PDFNumber);
        if (mcid && kidPage) parent.children.push({ type: 'content', id: `p${kidPage.objectNumber}R_mc${mcid.asNumber()}` });
      } else if (type === 'OBJR') {
        const obj = value.get(PDFName.of('Obj'));
        if (obj instanceof PDFRef) parent.children.push({ type: 'annotation', id: `${obj.objectNumber}R`, ...(kidPage ? { page: `${kidPage.objectNumber}R` } : {}) });
      } else if (!seen.has(value)) {
        seen.add(value);
        const role = value.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? '';
        const id = text(value.lookup(PDFName.of('ID')));
        const alt = text(value.lookup(PDFName.of('Alt')));
        const lang = text(value.lookup(PDFName.of('Lang')));
        const actualText = text(value.lookup(PDFName.of('ActualText')));
        const element: Element = { role, parent, children: [], ...(id ? { id } : {}), ...(alt ? { alt } : {}), ...(lang ? { lang } : {}), ...(actualText !== undefined ? { actualText } : {}) };
        parent.children.push(element);
        const k = value.get(PDFName.of('K'));
        const kids = k instanceof PDFArray ? k.asArray() : k === undefined ? [] : [k];
        for (const child of kids) visitKid(child, element, kidPage);
      }
    } else if (value instanceof PDFArray) {
      for (const child of value.asArray()) visitKid(child, parent, page);
    }
  };
  visitKid(root.get(PDFName.of('K')), top, undefined);
  return top;
}

function walk(node: Element, visit: (node: Element) => void): void {
  visit(node);
  for (const child of node.children) if (!isLeaf(child)) walk(child, visit);
}

/** An element's text as assistive technology gets it: its /ActualText where it has one, else its content. */
function elementText(node: Element, text: ReadonlyMap<string, string>): string {
  if (node.actualText !== undefined) return node.actualText;
  return node.children.map((c) => (isLeaf(c) ? (c.type === 'content' ? (text.get(c.id) ?? '') : '') : elementText(c, text))).join('');
}

function contentLeaves(node: Element): string[] {
  return node.children.flatMap((c) => (isLeaf(c) ? (c.type === 'content' ? [c.id] : []) : contentLeaves(c)));
}

/** PDF 1.7 (ISO 32000-1 14.8.4) standard structure types. */
export const STANDARD_ROLES = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'L', 'LI', 'Lbl', 'LBody',
  'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

const OPS = pdfjs.OPS;
const TEXT_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
const PAINT_OPS = new Set<number>([
  OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke,
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup, OPS.shadingFill,
]);

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
}

interface Glyph {
  readonly unicode?: string;
  readonly originalCharCode?: number;
  readonly isInFont?: boolean;
}

/** One page read through its operator list: text per marked-content id, and what lies outside tagging. */
interface PageScan {
  readonly mcids: Map<string, string>;
  readonly untagged: string[];
  readonly fontIds: Set<string>;
  readonly notdef: number;
}

/** pdf.js gives a BDC's tag as a string and a BMC's as a Name object. */
function tagName(tag: unknown): string {
  return typeof tag === 'object' && tag !== null && 'name' in tag ? String((tag as { name: unknown }).name) : String(tag);
}

function contentId(page: PDFPageProxy, mcid: number): string {
  return `p${page.ref?.num ?? 0}R_mc${mcid}`;
}

async function scanPage(page: PDFPageProxy): Promise<PageScan> {
  const ops = await page.getOperatorList();
  const names = new Map(Object.entries(OPS).map(([k, v]) => [v, k]));
  const stack: { tag: string; mcid?: number }[] = [];
  const mcids = new Map<string, string>();
  const untagged: string[] = [];
  const fontIds = new Set<string>();
  let notdef = 0;
  const currentMcid = (): number | undefined => [...stack].reverse().find((m) => m.mcid !== undefined)?.mcid;
  const covered = (): boolean => stack.some((m) => m.tag === 'Artifact' || m.mcid !== undefined);
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.beginMarkedContent) stack.push({ tag: tagName(args[0]) });
    else if (fn === OPS.beginMarkedContentProps) stack.push(typeof args[1] === 'number' ? { tag: tagName(args[0]), mcid: args[1] } : { tag: tagName(args[0]) });
    else if (fn === OPS.endMarkedContent) stack.pop();
    else if (fn === OPS.setFont) fontIds.add(String(args[0]));
    const paints = PAINT_OPS.has(fn) || (fn === OPS.constructPath && PAINT_OPS.has(args[0] as number));
    if ((TEXT_OPS.has(fn) || paints) && !covered()) untagged.push(names.get(fn === OPS.constructPath ? (args[0] as number) : fn) ?? String(fn));
    if (TEXT_OPS.has(fn)) {
      const glyphs = (fn === OPS.showText || fn === OPS.showSpacedText ? args[0] : args[args.length - 1]) as (Glyph | number | null)[];
      let text = '';
      for (const g of glyphs) {
        if (g === null || typeof g === 'number') continue;
        // Code 0 is glyph 0 (.notdef) in the Identity-encoded fonts; pdf.js also flags codes the font lacks (spaces have no outline, so they are exempt).
        if (g.originalCharCode === 0 || (g.isInFont === false && !/^\s$/.test(g.unicode ?? ''))) notdef++;
        text += g.unicode ?? '';
      }
      const mcid = currentMcid();
      if (mcid !== undefined) {
        const id = contentId(page, mcid);
        mcids.set(id, (mcids.get(id) ?? '') + text);
      }
    }
  });
  return { mcids, untagged, fontIds, notdef };
}

interface Reading {
  readonly doc: PDFDocumentProxy;
  readonly pages: PDFPageProxy[];
  readonly tree: Element | undefined;
  /** For each annotation (`12R`), the page (`3R`) whose /Annots lists it. */
  readonly annotationPages: Map<string, string>;
  readonly scans: PageScan[];
  readonly text: Map<string, string>;
  /** One line per font descriptor whose /CIDSet leaves out glyphs of its font program. */
  readonly cidSets: string[];
}

function streamBytes(stream: unknown): Uint8Array | undefined {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : undefined;
}

/**
 * ISO 14289-1 7.21.4.2 (veraPDF 7.21.4.2-2): a CIDSet must mark every CID in
 * the embedded font program. pdfkit's `subset: 'PDF/UA'` writes one that
 * leaves out glyphs reached only as parts of composite glyphs (the accent of
 * "é"). For the TrueType subsets pdfkit embeds (CIDToGIDMap /Identity, so
 * CID = glyph id), every glyph id below the font's glyph count must be set.
 */
function cidSetProblems(pdf: PDFDocument): string[] {
  const problems: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFRawStream ? undefined : object;
    if (!(dict instanceof PDFDict) || dict.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText() !== 'FontDescriptor') continue;
    const cidSet = streamBytes(dict.lookup(PDFName.of('CIDSet')));
    const program = streamBytes(dict.lookup(PDFName.of('FontFile2')));
    if (!cidSet || !program) continue;
    const font = fontkit.create(Buffer.from(program));
    // An embedded program is one font, never a collection.
    const glyphs = 'numGlyphs' in font ? font.numGlyphs : 0;
    const missing: number[] = [];
    for (let gid = 0; gid < glyphs; gid++) if ((((cidSet[gid >> 3] ?? 0) >> (7 - (gid & 7))) & 1) === 0) missing.push(gid);
    const name = dict.lookupMaybe(PDFName.of('FontName'), PDFName)?.decodeText() ?? '?';
    if (missing.length > 0) problems.push(`font ${name}: /CIDSet leaves out ${missing.length} of its ${glyphs} glyphs (CIDs ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''})`);
  }
  return problems;
}

async function read(bytes: Uint8Array): Promise<Reading> {
  const doc = await openPdf(bytes);
  const pages: PDFPageProxy[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push(await doc.getPage(i));
  const scans = await Promise.all(pages.map(scanPage));
  const text = new Map<string, string>();
  for (const scan of scans) for (const [id, t] of scan.mcids) text.set(id, t);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const annotationPages = new Map<string, string>();
  for (const page of pdf.getPages()) {
    const annots = page.node.Annots();
    for (const ref of annots?.asArray() ?? []) if (ref instanceof PDFRef) annotationPages.set(`${ref.objectNumber}R`, `${page.ref.objectNumber}R`);
  }
  return { doc, pages, tree: readTree(pdf), annotationPages, scans, text, cidSets: cidSetProblems(pdf) };
}

/** Every structure element in document order. */
function elements(reading: Reading): Element[] {
  const out: Element[] = [];
  if (reading.tree) walk(reading.tree, (node) => node.role !== 'StructTreeRoot' && out.push(node));
  return out;
}

/** All PDF/UA findings for the file; an empty list means every check passed. */
export async function checkPdfUa(bytes: Uint8Array): Promise<Finding[]> {
  const reading = await read(bytes);
  const { doc, pages, scans } = reading;
  const findings: Finding[] = [];
  const fail = (check: CheckName, message: string): void => void findings.push({ check, message });

  // A page may hold artifacts only (a blank page): PDF/UA asks for the tree, not for real content on every page.
  if (!reading.tree || reading.tree.children.length === 0) fail('struct-tree', 'no structure tree root with elements');

  const markInfo = await doc.getMarkInfo();
  if (markInfo?.Marked !== true) fail('mark-info', 'catalog /MarkInfo /Marked is not true');
  if (markInfo?.Suspects === true) fail('mark-info', '/MarkInfo /Suspects is true');

  const { info, metadata } = await doc.getMetadata();
  if (!metadata) fail('metadata', 'no XMP metadata stream');
  else {
    // pdf.js reads ill-formed XMP leniently; a real XML parser (libxml2) decides whether it is well-formed.
    const malformed = wellFormedProblem(metadata.getRaw());
    if (malformed !== undefined) fail('metadata', `XMP is not well-formed XML: ${malformed}`);
    if (!(metadata.get('dc:title') ?? '').toString().trim()) fail('metadata', 'XMP has no dc:title');
    if (metadata.get('pdfuaid:part') !== '1') fail('metadata', 'XMP has no pdfuaid:part 1');
  }
  const language = (info as { Language?: string | null }).Language;
  if (!language) fail('lang', 'catalog has no /Lang');

  const prefs = (await doc.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
  if (prefs?.DisplayDocTitle !== true) fail('viewer-preferences', '/ViewerPreferences /DisplayDocTitle is not true');

  const treeContent = new Set(reading.tree ? contentLeaves(reading.tree) : []);
  scans.forEach((scan, i) => {
    if (scan.untagged.length > 0) fail('tagged-content', `page ${i + 1}: ${scan.untagged.length} operators outside tagged content or artifacts (${[...new Set(scan.untagged)].join(', ')})`);
    for (const id of scan.mcids.keys()) if (!treeContent.has(id)) fail('mcid-in-tree', `page ${i + 1}: marked content ${id} belongs to no structure element`);
    if (scan.notdef > 0) fail('no-notdef', `page ${i + 1}: ${scan.notdef} .notdef glyphs drawn`);
  });

  const all = elements(reading);
  for (const node of all) if (!STANDARD_ROLES.has(node.role)) fail('standard-roles', `non-standard structure type ${node.role}`);

  const headings = all.map((node) => /^H([1-6])$/.exec(node.role)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  headings.forEach((level, i) => {
    const previous = i === 0 ? 0 : (headings[i - 1] as number);
    if (level > previous + 1) fail('heading-order', i === 0 ? `first heading is H${level}, not H1` : `H${level} follows H${previous}`);
  });

  const annotationParents = new Map<string, string>();
  for (const node of all) {
    for (const child of node.children) {
      if (!isLeaf(child) || child.type !== 'annotation') continue;
      annotationParents.set(child.id, node.role);
      // ISO 32000-1 14.7.4.3: an object reference's /Pg is the page the annotation is on.
      const page = reading.annotationPages.get(child.id);
      if (page && child.page !== page) fail('link-annotations', `annotation ${child.id} is on page object ${page} but its structure reference says ${child.page ?? 'no page'}`);
    }
  }
  for (const [i, page] of pages.entries()) {
    const annotations = (await page.getAnnotations()) as { subtype: string; id: string; contentsObj?: { str?: string } }[];
    for (const a of annotations.filter((x) => x.subtype === 'Link')) {
      if (!a.contentsObj?.str?.trim()) fail('link-annotations', `page ${i + 1}: link annotation ${a.id} has no /Contents`);
      if (annotationParents.get(a.id) !== 'Link') fail('link-annotations', `page ${i + 1}: link annotation ${a.id} is not under a Link element`);
    }
  }

  for (const [i, page] of pages.entries()) {
    for (const fontId of scans[i]?.fontIds ?? []) {
      const font = page.commonObjs.get(fontId) as { name?: string; missingFile?: boolean };
      if (font.missingFile) fail('fonts-embedded', `page ${i + 1}: font ${font.name ?? fontId} is not embedded`);
    }
  }
  for (const problem of reading.cidSets) fail('cidset', problem);
  await doc.destroy();
  return findings;
}

export interface TextElement {
  readonly role: string;
  readonly id?: string;
  readonly alt?: string;
  readonly lang?: string;
  readonly parent?: string;
  readonly actualText?: string;
  /** The element's text as drawn, glyphs mapped back through the fonts' ToUnicode maps. */
  readonly text: string;
}

/** Every structure element in structure order, with its text; `roles` keeps only those types. */
export async function structureText(bytes: Uint8Array, roles?: ReadonlySet<string>): Promise<TextElement[]> {
  const reading = await read(bytes);
  const out = elements(reading)
    .filter((node) => !roles || roles.has(node.role))
    .map((node) => ({
      role: node.role,
      ...(node.id ? { id: node.id } : {}),
      ...(node.alt ? { alt: node.alt } : {}),
      ...(node.lang ? { lang: node.lang } : {}),
      ...(node.parent && node.parent.role !== 'StructTreeRoot' ? { parent: node.parent.role } : {}),
      ...(node.actualText !== undefined ? { actualText: node.actualText } : {}),
      text: elementText(node, reading.text),
    }));
  await reading.doc.destroy();
  return out;
}
