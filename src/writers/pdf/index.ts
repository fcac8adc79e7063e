import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Document } from '../../model/types.js';
import { VERSION } from '../../version.js';
import type { Writer, WriterOptions } from '../types.js';
import { embeddingFont, FONT_NAMES } from './fonts.js';
import { layoutDocument, PAPER_SIZES, type ImageProbe, type Paper } from './layout.js';
import { fileIdentifier, fixedDate, xmpDescriptions } from './metadata.js';
import { createDocument, registerFont, type PdfDoc } from './pdfkit-fixes.js';
import { renderLayout } from './render.js';
import { Tagger } from './tagging.js';

export type { Paper } from './layout.js';
export { MissingGlyphError } from './fonts.js';

/** Options of the PDF writer (`WriterOptions.pdf`). */
export interface PdfOptions {
  /** Paper size: ISO A4 (default) or US Letter. */
  readonly paper?: Paper;
}

export const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** Bytes of a local PNG or JPEG the article refers to; remote and other images are not embedded. */
function readLocalImage(src: string, resourceDir: string | undefined): Uint8Array | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  try {
    const data = readFileSync(path.resolve(resourceDir ?? '.', decodeURI(src)));
    const png = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const jpeg = data[0] === 0xff && data[1] === 0xd8;
    return png || jpeg ? data : undefined;
  } catch {
    return undefined;
  }
}

function imageProbe(pdf: PdfDoc, resourceDir: string | undefined): ImageProbe {
  return (src) => {
    const data = readLocalImage(src, resourceDir);
    if (!data) return undefined;
    try {
      const image = (pdf as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(Buffer.from(data));
      return image.width > 0 && image.height > 0 ? { data, width: image.width, height: image.height } : undefined;
    } catch {
      return undefined;
    }
  };
}

function collect(pdf: PdfDoc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

/** The article as a tagged PDF/UA-1 file. Same document and options, same bytes. */
export async function renderPdf(doc: Document, options: WriterOptions = {}): Promise<Uint8Array> {
  const paper = options.pdf?.paper ?? 'a4';
  if (!PAPERS.includes(paper)) throw new Error(`unknown paper size "${paper}"; choose a4 or letter`);
  const date = fixedDate(doc, options.sourceDateEpoch);
  const title = doc.meta.title.normalize('NFC');
  const producer = `voxpress ${VERSION} (PDFKit 0.20)`;
  const info: Record<string, string | Date> = { Title: title, Creator: `voxpress ${VERSION}`, Producer: producer, CreationDate: date, ModDate: date };
  if (doc.meta.authors.length > 0) info.Author = doc.meta.authors.join(', ');
  if (doc.meta.description) info.Subject = doc.meta.description;
  const pdf = createDocument({
    size: PAPER_SIZES[paper],
    lang: doc.meta.lang,
    info,
    xmp: xmpDescriptions({ title, authors: doc.meta.authors, ...(doc.meta.description ? { description: doc.meta.description } : {}), lang: doc.meta.lang, identifier: doc.meta.identifier, date, producer }),
    id: fileIdentifier(doc, { paper }),
    defaultFont: embeddingFont('NotoSerif'),
  });
  const bytes = collect(pdf);
  for (const name of FONT_NAMES) registerFont(pdf, name, embeddingFont(name));
  const layout = layoutDocument(doc, paper, imageProbe(pdf, options.resourceDir));
  const tagger = new Tagger(pdf, layout.root);
  renderLayout(pdf, tagger, layout, title);
  tagger.finish();
  pdf.end();
  return bytes;
}

/** `article.pdf`: the print edition, tagged for PDF/UA-1. */
export const pdfWriter: Writer = {
  format: 'pdf',
  byDefault: true,
  description: 'article.pdf: tagged PDF/UA-1 print edition (A4 or US Letter, --paper)',
  async write({ doc, options }) {
    return [{ name: 'article.pdf', data: await renderPdf(doc, options) }];
  },
};
