import type { StructNode } from './layout.js';
import { setElementId, structElement, writeIdTree, type PdfDoc, type StructElement } from './pdfkit-fixes.js';

/**
 * The structure tree: layout nodes become PDF structure elements the first
 * time content of theirs is drawn, so the tree's order is the drawing order,
 * which is the reading order. Everything drawn is either marked content of an
 * element or an Artifact (PDF/UA-1 7.1-1, 7.1-2).
 */
export class Tagger {
  private readonly elements = new Map<StructNode, StructElement>();
  private readonly ids = new Map<string, StructElement>();

  constructor(
    private readonly doc: PdfDoc,
    root: StructNode,
  ) {
    const element = structElement(doc, root.role, {}, true);
    this.elements.set(root, element);
  }

  /** The element of a node, created (under its parent's element) when first needed. */
  element(node: StructNode): StructElement {
    const existing = this.elements.get(node);
    if (existing) return existing;
    if (!node.parent) throw new Error(`structure node ${node.role} has no parent`);
    const parent = this.element(node.parent);
    const options: Record<string, string> = {};
    if (node.lang) options.lang = node.lang;
    if (node.alt) options.alt = node.alt;
    if (node.actualText) options.actual = node.actualText;
    const element = structElement(this.doc, node.role, options);
    if (node.id) {
      if (this.ids.has(node.id)) throw new Error(`duplicate structure id ${node.id}`);
      setElementId(element, node.id);
      this.ids.set(node.id, element);
    }
    parent.add(element);
    this.elements.set(node, element);
    return element;
  }

  /** Draws content as marked content of the node's element (`/Tag <</MCID n>> BDC ... EMC`), with the text it stands for when the glyphs do not say it. */
  content(node: StructNode, draw: () => void, actualText?: string): void {
    const element = this.element(node);
    const marked = this.doc.markStructureContent(node.role, actualText !== undefined ? ({ actual: actualText } as PDFKit.Mixins.MarkingOptions) : {});
    draw();
    this.doc.endMarkedContent();
    element.add(marked);
  }

  /** Draws content that is not part of the document's logical content (running heads, rules, underlines). */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.doc.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
    draw();
    this.doc.endMarkedContent();
  }

  /** Writes what must follow the last element: the ID tree. */
  finish(): void {
    writeIdTree(this.doc, this.ids);
  }
}
