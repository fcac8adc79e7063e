import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { checkPdfUa, type CheckName } from '../helpers/pdfua.js';

/**
 * The PDF/UA checker must catch what it claims to: each check gets a small
 * pdfkit file that is correct but for one deliberate defect, and must fail it.
 */

const require = createRequire(import.meta.url);
const DEJAVU = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const NOTO = require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf');

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

function render(options: Record<string, unknown>, draw: (doc: Doc, root: Element) => void, edit?: (pdf: string) => string): Promise<Uint8Array> {
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
function paragraph(doc: Doc, root: Element, text = 'A tagged paragraph.', role = 'P', font = 'body'): void {
  root.add(doc.struct(role, {}, () => doc.font(font).fontSize(12).text(text, 72, 100, { lineBreak: false })));
}

async function checksFailed(bytes: Uint8Array): Promise<Set<CheckName>> {
  return new Set((await checkPdfUa(bytes)).map((f) => f.check));
}

describe('PDF/UA checker', () => {
  it('passes a small correct file', async () => {
    const bytes = await render({}, (doc, root) => {
      root.add(doc.struct('H1', {}, () => doc.font('body').text('Title', 72, 72, { lineBreak: false })));
      paragraph(doc, root);
    });
    expect(await checkPdfUa(bytes)).toEqual([]);
  });

  const broken: [CheckName, string, () => Promise<Uint8Array>][] = [
    ['struct-tree', 'everything an artifact, no structure', () => render({}, (doc) => {
      doc.markContent('Artifact');
      doc.font('body').text('Untagged.', 72, 72, { lineBreak: false });
      doc.endMarkedContent();
    })],
    ['mark-info', '/Marked not true', () => render({}, (doc, root) => paragraph(doc, root), (pdf) => pdf.replace('/Marked true', '/Marked null'))],
    ['metadata', 'no pdfuaid:part in XMP', () => render({ subset: undefined }, (doc, root) => paragraph(doc, root))],
    ['metadata', 'XMP broken by an unescaped & in the title (pdfkit defect)', () => render({ info: { Title: 'Fish & Chips' } }, (doc, root) => paragraph(doc, root))],
    ['lang', 'no /Lang in the catalog', () => render({ lang: undefined }, (doc, root) => paragraph(doc, root))],
    ['viewer-preferences', 'no DisplayDocTitle', () => render({ displayTitle: false }, (doc, root) => paragraph(doc, root))],
    ['tagged-content', 'a rectangle painted outside marked content', () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.rect(72, 200, 100, 20).fill('#000');
    })],
    ['tagged-content', 'text drawn outside marked content', () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.font('body').text('Loose text.', 72, 300, { lineBreak: false });
    })],
    ['mcid-in-tree', 'marked content no element claims', () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.markStructureContent('P');
      doc.font('body').text('Orphan.', 72, 300, { lineBreak: false });
      doc.endMarkedContent();
    })],
    ['standard-roles', 'a made-up structure type', () => render({}, (doc, root) => paragraph(doc, root, 'Text.', 'Paragraph'))],
    ['heading-order', 'the first heading is H2', () => render({}, (doc, root) => paragraph(doc, root, 'Heading', 'H2'))],
    ['heading-order', 'H3 straight after H1', () => render({}, (doc, root) => {
      paragraph(doc, root, 'Title', 'H1');
      root.add(doc.struct('H3', {}, () => doc.font('body').text('Skipped', 72, 140, { lineBreak: false })));
    })],
    ['link-annotations', 'a link annotation with empty /Contents (pdfkit default)', () => render({}, (doc, root) => {
      const link = doc.struct('Link');
      root.add(link);
      link.add(doc.markStructureContent('Link'));
      doc.font('body').text('example', 72, 72, { lineBreak: false });
      doc.endMarkedContent();
      doc.link(72, 60, 60, 16, 'https://example.com/', { structParent: link } as PDFKit.Mixins.AnnotationOption);
      link.end();
    })],
    ['link-annotations', 'a link annotation outside any Link element', () => render({}, (doc, root) => {
      paragraph(doc, root);
      doc.link(72, 60, 60, 16, 'https://example.com/', { Contents: new String('Example') } as unknown as PDFKit.Mixins.AnnotationOption);
    })],
    ['link-annotations', 'a Link element ended after a page break (pdfkit puts the wrong page in /OBJR)', () => render({}, (doc, root) => {
      const link = doc.struct('Link');
      root.add(link);
      link.add(doc.markStructureContent('Link'));
      doc.font('body').text('example', 72, 72, { lineBreak: false });
      doc.endMarkedContent();
      doc.link(72, 60, 60, 16, 'https://example.com/', { structParent: link, Contents: new String('Example') } as unknown as PDFKit.Mixins.AnnotationOption);
      doc.addPage();
      paragraph(doc, root, 'Second page.');
      link.end();
    })],
    ['fonts-embedded', 'text in the standard Helvetica, never embedded', () => render({}, (doc, root) => paragraph(doc, root, 'Helvetica text.', 'P', 'Helvetica'))],
    ['no-notdef', 'a character the font has no glyph for', () => render({}, (doc, root) => paragraph(doc, root, 'Arrow \u2192 here.', 'P', 'noto'))],
  ];

  it.each(broken)('fails %s: %s', async (check, _what, make) => {
    const failed = await checksFailed(await make());
    expect(failed).toContain(check);
  });
});
