import PDFDocument from 'pdfkit';
import type * as fontkit from 'fontkit';

/**
 * Every workaround for pdfkit 0.20's defects against PDF/UA-1 lives here,
 * each with the rule it satisfies. The rest of the writer calls these
 * functions and never reaches into pdfkit's private fields itself.
 */

export type PdfDoc = PDFKit.PDFDocument;

interface Ref {
  readonly data: Record<string, unknown>;
}

/** The parts of pdfkit's private API the workarounds need. */
interface Internals {
  _id: Uint8Array;
  _addInfo(): void;
  appendXML(xml: string, newline?: boolean): void;
  getStructTreeRoot(): Ref;
  page: { dictionary: Ref; width: number; annotations: Ref[] };
}

/** A structure element as pdfkit keeps it before writing it out. */
export interface StructElement {
  readonly dictionary: Ref;
  add(child: StructElement | StructContent): StructElement;
}

export type StructContent = ReturnType<PdfDoc['markStructureContent']>;

interface ElementInternals {
  _children: unknown[];
  _flushChild(child: unknown): void;
  dictionary: { data: { K: unknown[] } };
}

export interface Outline {
  addItem(title: string, options?: Record<string, unknown>): Outline;
}

function internals(doc: PdfDoc): Internals {
  return doc as unknown as Internals;
}

export interface DocumentSettings {
  readonly size: readonly [number, number];
  readonly lang: string;
  readonly info: Record<string, string | Date>;
  /** The rdf:Description elements of the XMP packet. */
  readonly xmp: string;
  /** The trailer `/ID`, derived from the content. */
  readonly id: Uint8Array;
  /** The font a new document starts in (instead of Helvetica, which pdfkit would parse from its AFM file every time). */
  readonly defaultFont: fontkit.Font;
}

/**
 * A tagged PDF 1.7 document (`/MarkInfo /Marked true`, a structure tree root,
 * `/Lang` in the catalog, `/ViewerPreferences /DisplayDocTitle true`).
 */
export function createDocument(settings: DocumentSettings): PdfDoc {
  const doc = new PDFDocument({
    // pdfkit's default version 1.3 writes no XMP metadata stream at all (PDF/UA-1 7.1-8 needs one).
    pdfVersion: '1.7',
    tagged: true,
    lang: settings.lang,
    displayTitle: true,
    autoFirstPage: false,
    size: [...settings.size],
    margin: 0,
    info: settings.info,
    font: settings.defaultFont,
    // Not `subset: 'PDF/UA'`: it writes an incomplete /CIDSet for fonts with composite
    // glyphs (é, ü, Cyrillic), failing PDF/UA-1 7.21.4.2; the pdfuaid XMP is written below instead.
  } as unknown as PDFKit.PDFDocumentOptions);
  const raw = internals(doc);
  // pdfkit derives the file identifier from the info dictionary; ISO 32000-1 14.4 wants it
  // to identify the file, and reproducible builds want it from the content, not the clock.
  raw._id = settings.id;
  // pdfkit writes the info strings into XMP without XML escaping (a `&` in the title makes the
  // packet ill-formed, so there is no valid dc:title: PDF/UA-1 7.1-8/7.1-10) and cannot write
  // the PDF/UA identification schema without its broken subset mode (PDF/UA-1 5): the whole
  // XMP body is ours.
  raw._addInfo = () => raw.appendXML(settings.xmp);
  return doc;
}

/**
 * Registers a parsed font (pdfkit accepts fontkit font objects, though its
 * types do not say so), so documents share its decoded tables.
 * pdfkit writes each glyph's ToUnicode entry from `glyph.codePoints`, and
 * fontkit caches glyph objects with the characters they were first created
 * for. Subsetting a composite glyph (Å, é) creates its components (A, acute)
 * with no characters at all; in the next document using the same font object
 * a Latin "A" then had an empty ToUnicode entry and extracted as nothing,
 * failing PDF/UA-1 7.21.7 (text mappable to Unicode). Within one document
 * all text is encoded before the subset, so emptying the glyph cache for
 * every document is enough; the decoded tables stay shared.
 */
export function registerFont(doc: PdfDoc, name: string, font: fontkit.Font, postscriptName?: string): void {
  (font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
  doc.registerFont(name, font as unknown as Buffer);
  shareLayoutCache(doc, name);
  encodeVariableGlyphs(doc);
  // An instance of a variable font keeps the default instance's name (NotoSansJP-Thin for weight 400),
  // which pdfkit writes as the embedded font's /BaseFont: the caller names it.
  if (postscriptName) Object.defineProperty(font, 'postscriptName', { value: postscriptName, configurable: true });
}

/** A TrueType glyph outline as fontkit gives it (quadratic curves, points in font units). */
interface GlyphPath {
  readonly commands: readonly { readonly command: string; readonly args: readonly number[] }[];
}

/**
 * fontkit subsets an instance of a variable font (the CJK faces, instanced
 * at 400 and 700) by re-encoding each glyph's outline, but its encoder hands
 * restructure a byte count where a buffer is wanted and throws, so no PDF
 * with such a font could be written. This is that encoder, without the
 * defect: a simple glyph (ISO/IEC 14496-22 5.3.3) with one flag byte and
 * 16-bit deltas per point, no instructions, padded to 4 bytes.
 */
export function encodeSimpleGlyph(path: GlyphPath): Uint8Array {
  const points: { x: number; y: number; onCurve: boolean }[] = [];
  const ends: number[] = [];
  let contourStart = 0;
  const close = (): void => {
    if (points.length > contourStart) ends.push(points.length - 1);
    contourStart = points.length;
  };
  for (const { command, args } of path.commands) {
    if (command === 'moveTo') close();
    if (command === 'closePath') {
      close();
      continue;
    }
    for (let j = 0; j + 1 < args.length; j += 2) {
      const onCurve = !(command === 'quadraticCurveTo' && j === 0);
      points.push({ x: Math.round(args[j] ?? 0), y: Math.round(args[j + 1] ?? 0), onCurve });
    }
  }
  close();
  if (points.length === 0) return new Uint8Array(0);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const size = 10 + 2 * ends.length + 2 + points.length * 5;
  const bytes = new Uint8Array(size + ((4 - (size % 4)) % 4));
  const view = new DataView(bytes.buffer);
  view.setInt16(0, ends.length);
  view.setInt16(2, Math.min(...xs));
  view.setInt16(4, Math.min(...ys));
  view.setInt16(6, Math.max(...xs));
  view.setInt16(8, Math.max(...ys));
  let at = 10;
  for (const end of ends) {
    view.setUint16(at, end);
    at += 2;
  }
  view.setUint16(at, 0);
  at += 2;
  for (const point of points) bytes[at++] = point.onCurve ? 1 : 0;
  let last = 0;
  for (const x of xs) {
    view.setInt16(at, x - last);
    at += 2;
    last = x;
  }
  last = 0;
  for (const y of ys) {
    view.setInt16(at, y - last);
    at += 2;
    last = y;
  }
  return bytes;
}

/** Gives the current font's subsetter the glyph encoder above when the font is a variable-font instance. */
function encodeVariableGlyphs(doc: PdfDoc): void {
  const raw = doc as unknown as { _font: { font: { _variationProcessor?: unknown }; subset?: { glyphEncoder?: { encodeSimple(path: GlyphPath): Uint8Array } } } };
  const encoder = raw._font.subset?.glyphEncoder;
  if (raw._font.font._variationProcessor && encoder) encoder.encodeSimple = (path) => Buffer.from(encodeSimpleGlyph(path));
}

const layoutCaches = new Map<string, { cache: Record<string, unknown>; documents: number }>();

/**
 * pdfkit shapes every word again in every document (its word cache belongs
 * to the document's font object), which was most of the time per article.
 * The cached runs hold glyph ids, Unicode code points and scaled positions,
 * none of which depend on the document, so one cache per font serves all
 * documents of the process. Opening the font here only fixes its resource
 * name (F1, F2, ... in registration order); a font never drawn is not embedded.
 */
function shareLayoutCache(doc: PdfDoc, name: string): void {
  let entry = layoutCaches.get(name);
  // Started afresh now and then, so a long batch of varied articles cannot grow it without bound.
  if (!entry || entry.documents >= 1000) {
    entry = { cache: Object.create(null) as Record<string, unknown>, documents: 0 };
    layoutCaches.set(name, entry);
  }
  entry.documents++;
  doc.font(name);
  const raw = doc as unknown as { _font: { layoutCache?: Record<string, unknown> }; _fontFamilies: Record<string, unknown> };
  raw._font.layoutCache = entry.cache;
  // When a registered font turns out to be one already open (the default font), pdfkit
  // reuses it but forgets the name, and every later font(name) call parses it afresh.
  raw._fontFamilies[name] ??= raw._font;
}

const patchedElements = new WeakSet<object>();

/**
 * pdfkit writes a link's object reference (`/OBJR`) with the page that is
 * current when the element is written out, which is the last page by then:
 * a link on page 1 would claim to be on page 5. Each reference keeps the page
 * it was made on instead (ISO 32000-1 14.7.4.3: `/Pg` is the annotation's page).
 */
function keepObjrPages(element: StructElement): void {
  if (patchedElements.has(element)) return;
  patchedElements.add(element);
  const raw = element as unknown as ElementInternals;
  const flushChild = raw._flushChild.bind(raw);
  raw._flushChild = (child: unknown) => {
    const ref = child as { annotationRef?: Ref; pageRef?: Ref };
    if (ref.annotationRef && ref.pageRef) raw.dictionary.data.K.push({ Type: 'OBJR', Obj: ref.annotationRef, Pg: ref.pageRef });
    else flushChild(child);
  };
}

/**
 * A URI action's /URI must be 7-bit ASCII (ISO 32000-1 12.6.4.7); pdfkit
 * writes a non-ASCII URL as a UTF-16 string, which viewers cannot follow.
 * Non-ASCII characters are percent-encoded as UTF-8, existing escapes kept.
 */
export function asciiUri(url: string): string {
  return url.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
}

/**
 * A link annotation on the current page, under its Link structure element.
 * pdfkit leaves `/Contents` out; PDF/UA-1 7.18.5 requires it as the link's
 * description. pdfkit adds `/StructParent` and the parent-tree entry itself.
 */
export function linkAnnotation(doc: PdfDoc, element: StructElement, rect: readonly [number, number, number, number], url: string, contents: string): void {
  keepObjrPages(element);
  const [x, y, w, h] = rect;
  doc.link(x, y, w, h, asciiUri(url), { Contents: new String(contents), structParent: element } as unknown as PDFKit.Mixins.AnnotationOption);
  const children = (element as unknown as ElementInternals)._children;
  const reference = children[children.length - 1] as { pageRef?: Ref };
  reference.pageRef = internals(doc).page.dictionary;
}

/**
 * A bookmark to `top` (points from the page top) on the current page.
 * pdfkit computes the destination's left edge as `page width - options.left`,
 * so passing the page width gives the left edge 0 instead of the right edge.
 */
export function bookmark(doc: PdfDoc, parent: Outline, title: string, top: number): Outline {
  return parent.addItem(title, { top, left: internals(doc).page.width });
}

/**
 * Draws text with its baseline at `y` in the current font, size and colour.
 * pdfkit's `text()` measures every fragment twice more (and re-runs its
 * option handling) though the layout already knows the width; this calls its
 * fragment writer directly with that width. Performance only.
 */
export function drawText(doc: PdfDoc, text: string, x: number, y: number, width: number, rightToLeft = false): void {
  if (rightToLeft) mapLigaturesRightToLeft(doc, text);
  (doc as unknown as { _fragment(text: string, x: number, y: number, options: Record<string, unknown>): void })._fragment(text, x, y, {
    baseline: 'alphabetic',
    textWidth: width,
    wordCount: text.trim() ? text.trim().split(/\s+/).length : 0,
    // pdfkit shapes a fragment word by word unless given features: a right-to-left run must be
    // shaped whole, so that fontkit puts all of it (not each word) in visual order.
    ...(rightToLeft ? { features: { mark: false, mkmk: false } } : {}),
  });
}

interface EmbeddedFontInternals {
  layout(text: string, features: string[]): { glyphs: readonly { id: number; codePoints: readonly number[] }[] };
  subset: { includeGlyph(id: number): number };
  unicode: (readonly number[] | undefined)[];
}

/**
 * pdfkit maps each glyph to the characters it stands for in logical order.
 * Text extractors (poppler, pdf.js) read a right-to-left run in drawing
 * order and reverse it, so a ligature standing for several characters (the
 * Arabic lam-alef) came out with them swapped ("اإلعالن" for "الإعلان").
 * Its ToUnicode entry is written reversed, so the reversal restores the
 * word (ISO 32000-1 9.10.2: the mapping is the text a glyph represents).
 */
function mapLigaturesRightToLeft(doc: PdfDoc, text: string): void {
  const font = (doc as unknown as { _font: EmbeddedFontInternals })._font;
  for (const glyph of font.layout(text, []).glyphs) {
    if (glyph.codePoints.length < 2) continue;
    const gid = font.subset.includeGlyph(glyph.id);
    font.unicode[gid] ??= [...glyph.codePoints].reverse();
  }
}

/** The document outline's root. */
export function outlineRoot(doc: PdfDoc): Outline {
  return doc.outline as unknown as Outline;
}

/**
 * pdfkit can set `/ID` on an element but never writes the structure tree
 * root's `/IDTree`, which ISO 32000-1 14.7.2 (Table 322) requires whenever
 * an element has an ID. Keys are sorted as a name tree's must be.
 */
export function writeIdTree(doc: PdfDoc, elements: ReadonlyMap<string, StructElement>): void {
  if (elements.size === 0) return;
  const sorted = [...elements].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  internals(doc).getStructTreeRoot().data.IDTree = { Names: sorted.flatMap(([id, element]) => [new String(id), element.dictionary]) };
}

/** Sets the element's `/ID` entry (pdfkit's struct options have none). */
export function setElementId(element: StructElement, id: string): void {
  element.dictionary.data.ID = new String(id);
}

/**
 * The pixel size of a PNG or JPEG as pdfkit reads it, or undefined when pdfkit
 * cannot open it. `openImage` is pdfkit's own (untyped) image reader, so the
 * PDF draws only what it measured here.
 */
export function imageSize(doc: PdfDoc, data: Uint8Array): { width: number; height: number } | undefined {
  try {
    const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(Buffer.from(data));
    return image.width > 0 && image.height > 0 ? { width: image.width, height: image.height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A structure element of `role`; `root` adds it as the document's top element.
 * pdfkit's typings give `struct()` a return type without the `dictionary` the
 * ID tree needs, hence the one cast here.
 */
export function structElement(doc: PdfDoc, role: string, options: Record<string, string> = {}, root = false): StructElement {
  const element = doc.struct(role, options) as unknown as StructElement;
  if (root) doc.addStructure(element as unknown as PDFKit.PDFStructureElement);
  return element;
}
