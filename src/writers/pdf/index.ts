import type { Document } from '../../model/types.js';
import type { FigureImages } from '../../shared/images.js';
import type { WriterOptions } from '../options.js';
import type { Writer } from '../types.js';
export { PAPERS, type Paper, type PdfOptions } from '../options.js';

/**
 * `article.pdf`. The typesetting and pdfkit (with fontkit and the fonts) load
 * on first use, so a run without a PDF never pays for them (about 0.2 s).
 */
export async function renderPdf(doc: Document, options: WriterOptions = {}, images: FigureImages = new Map(), warn: (message: string) => void = () => {}): Promise<Uint8Array> {
  const { renderPdf: render } = await import('./document.js');
  return render(doc, options, images, warn);
}

/** `article.pdf`: the print edition, tagged for PDF/UA-1. */
export const pdfWriter: Writer = {
  format: 'pdf',
  byDefault: true,
  needs: [],
  besideSpeech: true,
  description: 'article.pdf: tagged PDF/UA-1 print edition (A4 or US Letter, --paper)',
  async write({ doc, options, resources, warn }) {
    return [{ name: 'article.pdf', data: await renderPdf(doc, options, resources.images, warn) }];
  },
};
