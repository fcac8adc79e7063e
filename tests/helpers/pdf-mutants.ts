import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { CheckName } from '../../src/verify/pdfua.js';

/**
 * Small pdfkit files, each correct but for one deliberate defect: the negative
 * controls of voxpress's PDF/UA checker (tests/conformance/pdfua-checker.test.ts)
 * and of veraPDF (tests/conformance/verapdf.test.ts), which must both fail them.
 */

const require = createRequire(import.meta.url);
const DEJAVU = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const NOTO = require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf');

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

export function render(options: Record<string, unknown>, draw: (doc: Doc, root: Element) => void, edit?: (pdf: string) => string): Promise<Uint8Array> {
  const doc = new PDFDocument({ pdfVersion: '1.7', tagged: true, lang: 'en', displayTitle: true, subset: 'PDF/UA', info: { Title: 'Checker test' }, ...options } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const bytes = Buffer.concat(chunks);
      resolve(edit ? Buffer.from(edit(bytes.toString('latin1')), 'latin1') : bytes);
    });
  });
  doc.registerFont('body', DEJAVU);
  doc.registerFont('noto', NOTO);
  const root = doc.struct('Document');
  doc.addStructure(root);
  draw(doc, root);
  doc.end();
  return done;
}

/** A paragraph of text, tagged. */
export function paragraph(doc: Doc, root: Element, text = 'A tagged paragraph.', role = 'P', font = 'body'): void {
  root.add(doc.struct(role, {}, () => doc.font(font).fontSize(12).text(text, 72, 100, { lineBreak: false })));
}

/**
 * A file correct but for one defect: the checker's check it must fail, what is
 * wrong, and the veraPDF PDF/UA-1 rules (clause-test) that fail on it, as
 * veraPDF 1.28.2 reported them. An empty list is a defect veraPDF has no rule
 * for (see the note on the entry).
 */
export interface Mutant {
  readonly check: CheckName;
  readonly what: string;
  readonly verapdf: readonly string[];
  readonly make: () => Promise<Uint8Array>;
}

/** A small file with no defect: a heading and a paragraph. */
export function correct(): Promise<Uint8Array> {
  return render({}, (doc, root) => {
    root.add(doc.struct('H1', {}, () => doc.font('body').text('Title', 72, 72, { lineBreak: false })));
    paragraph(doc, root);
  });
}

/**
 * A page of artifacts only (a blank page with a page number): allowed, since
 * PDF/UA asks for a structure tree, not for real content on every page. The
 * checker once failed it ("page has no structure tree") where veraPDF passes
 * it; veraPDF was right.
 */
export function artifactOnlyPage(): Promise<Uint8Array> {
  return render({}, (doc, root) => {
    paragraph(doc, root);
    doc.addPage();
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font('body').text('2', 300, 800, { lineBreak: false });
    doc.endMarkedContent();
  });
}

export const BROKEN: readonly Mutant[] = [
  {
    check: 'struct-tree',
    what: 'no structure tree (the catalog has no /StructTreeRoot)',
    verapdf: ['7.1-11', '7.1-3'],
    make: () => render({}, (doc, root) => paragraph(doc, root), (pdf) => pdf.replace(/\/StructTreeRoot \d+ 0 R/, (m) => m.replace('StructTreeRoot', 'StructTreeRooX'))),
  },
  {
    check: 'mark-info',
    what: '/Marked not true',
    verapdf: ['6.2-1'],
    make: () => render({}, (doc, root) => paragraph(doc, root), (pdf) => pdf.replace('/Marked true', '/Marked null')),
  },
  {
    check: 'metadata',
    what: 'no pdfuaid:part in XMP',
    verapdf: ['5-1'],
    make: () => render({ subset: undefined }, (doc, root) => paragraph(doc, root)),
  },
  {
    check: 'metadata',
    what: 'XMP broken by an unescaped & in the title (pdfkit defect)',
    verapdf: ['5-1', '7.1-9'],
    make: () => render({ info: { Title: 'Fish & Chips' } }, (doc, root) => paragraph(doc, root)),
  },
  {
    check: 'lang',
    what: 'no /Lang in the catalog',
    verapdf: ['7.2-33', '7.2-34'],
    make: () => render({ lang: undefined }, (doc, root) => paragraph(doc, root)),
  },
  {
    check: 'viewer-preferences',
    what: 'no DisplayDocTitle',
    verapdf: ['7.1-10'],
    make: () => render({ displayTitle: false }, (doc, root) => paragraph(doc, root)),
  },
  {
    check: 'tagged-content',
    what: 'a rectangle painted outside marked content',
    verapdf: ['7.1-3'],
    make: () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.rect(72, 200, 100, 20).fill('#000');
    }),
  },
  {
    check: 'tagged-content',
    what: 'text drawn outside marked content',
    verapdf: ['7.1-3'],
    make: () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.font('body').text('Loose text.', 72, 300, { lineBreak: false });
    }),
  },
  {
    check: 'mcid-in-tree',
    what: 'marked content no element claims',
    verapdf: ['7.1-3'],
    make: () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.markStructureContent('P');
      doc.font('body').text('Orphan.', 72, 300, { lineBreak: false });
      doc.endMarkedContent();
    }),
  },
  {
    check: 'standard-roles',
    what: 'a made-up structure type',
    verapdf: ['7.1-5'],
    make: () => render({}, (doc, root) => paragraph(doc, root, 'Text.', 'Paragraph')),
  },
  {
    check: 'heading-order',
    what: 'the first heading is H2',
    verapdf: ['7.4.2-1'],
    make: () => render({}, (doc, root) => paragraph(doc, root, 'Heading', 'H2')),
  },
  {
    check: 'heading-order',
    what: 'H3 straight after H1',
    verapdf: ['7.4.2-1'],
    make: () => render({}, (doc, root) => {
      paragraph(doc, root, 'Title', 'H1');
      root.add(doc.struct('H3', {}, () => doc.font('body').text('Skipped', 72, 140, { lineBreak: false })));
    }),
  },
  {
    check: 'link-annotations',
    what: 'a link annotation with empty /Contents (pdfkit default)',
    verapdf: ['7.18.1-2', '7.18.5-2'],
    make: () => render({}, (doc, root) => {
      const link = doc.struct('Link');
      root.add(link);
      link.add(doc.markStructureContent('Link'));
      doc.font('body').text('example', 72, 72, { lineBreak: false });
      doc.endMarkedContent();
      doc.link(72, 60, 60, 16, 'https://example.com/', { structParent: link } as PDFKit.Mixins.AnnotationOption);
      link.end();
    }),
  },
  {
    check: 'link-annotations',
    what: 'a link annotation outside any Link element',
    verapdf: ['7.18.5-1'],
    make: () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.link(72, 60, 60, 16, 'https://example.com/', { Contents: new String('Example') } as unknown as PDFKit.Mixins.AnnotationOption);
    }),
  },
  {
    check: 'link-annotations',
    what: 'a Link element ended after a page break (pdfkit puts the wrong page in /OBJR)',
    // ISO 32000-1 14.7.4.3 (Table 325): an object reference's /Pg is the page the annotation is on.
    // veraPDF's PDF/UA-1 profile has no rule for it, so it passes this file; the checker is right to fail it.
    verapdf: [],
    make: () => render({}, (doc, root) => {
      const link = doc.struct('Link');
      root.add(link);
      link.add(doc.markStructureContent('Link'));
      doc.font('body').text('example', 72, 72, { lineBreak: false });
      doc.endMarkedContent();
      doc.link(72, 60, 60, 16, 'https://example.com/', { structParent: link, Contents: new String('Example') } as unknown as PDFKit.Mixins.AnnotationOption);
      doc.addPage();
      paragraph(doc, root, 'Second page.');
      link.end();
    }),
  },
  {
    check: 'fonts-embedded',
    what: 'text in the standard Helvetica, never embedded',
    verapdf: ['7.21.4.1-1'],
    make: () => render({}, (doc, root) => paragraph(doc, root, 'Helvetica text.', 'P', 'Helvetica')),
  },
  {
    check: 'no-notdef',
    what: 'a character the font has no glyph for',
    verapdf: ['7.21.7-2', '7.21.8-1'],
    make: () => render({}, (doc, root) => paragraph(doc, root, 'Arrow \u2192 here.', 'P', 'noto')),
  },
  {
    check: 'cidset',
    what: "an incomplete /CIDSet (pdfkit's subset: 'PDF/UA' with composite glyphs such as é)",
    // The checker had no such check and passed this file; veraPDF was right to fail it.
    verapdf: ['7.21.4.2-2'],
    make: () => render({}, (doc, root) => paragraph(doc, root, 'Café, naïve, Привет.', 'P', 'noto')),
  },
];
