import type { Document } from '../../model/types.js';
import { displayText } from '../../shared/typography.js';
import { VERSION } from '../../shared/version.js';
import type { FigureImages } from '../../shared/images.js';
import { PAPERS, type WriterOptions } from '../options.js';
import { CJK_CHARACTER } from '../../shared/lang.js';
import { cjkPostscriptName, isCjkFont } from './cjk-fonts.js';
import { describeCluster, loadFont, registrationOrder, SUBSTITUTE } from './fonts.js';
import { layoutDocument, PAPER_SIZES, type ProbedImage } from './layout.js';
import { fileIdentifier, xmpDescriptions } from './metadata.js';
import { outputInstant } from '../../shared/dates.js';
import { createDocument, imageSize, registerFont, type PdfDoc } from './pdfkit-fixes.js';
import { fontsDrawn, renderLayout, runningHeader } from './render.js';
import { woff2Ready } from './woff2.js';
import { Tagger } from './tagging.js';


/**
 * The image of each figure as the PDF can draw it: PNG and JPEG (the formats
 * pdfkit embeds); for any other (GIF, SVG, remote, missing) the layout prints
 * the text alternative in its place.
 */
function imageProbe(pdf: PdfDoc, images: FigureImages): (figureId: string) => ProbedImage | undefined {
  return (figureId) => {
    const image = images.get(figureId);
    if (image?.kind !== 'embedded' || (image.mediaType !== 'image/png' && image.mediaType !== 'image/jpeg')) return undefined;
    const size = imageSize(pdf, image.data);
    return size ? { data: image.data, ...size } : undefined;
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
export async function renderPdf(doc: Document, options: WriterOptions = {}, images: FigureImages = new Map(), warn: (message: string) => void = () => {}): Promise<Uint8Array> {
  const paper = options.pdf?.paper ?? 'a4';
  if (!PAPERS.includes(paper)) throw new Error(`unknown paper size "${paper}"; choose a4 or letter`);
  const date = outputInstant(doc, options.sourceDateEpoch);
  // As page 1 shows it, so the viewer's title bar (DisplayDocTitle) and the running head say the same.
  const title = displayText(doc.meta.title, doc.meta.lang).normalize('NFC');
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
    defaultFont: loadFont('NotoSerif'),
  });
  const bytes = collect(pdf);
  // The CJK faces are WOFF2 files, decoded on first use by a decoder that starts asynchronously.
  if (CJK_CHARACTER.test(JSON.stringify([doc.meta, doc.blocks]))) await woff2Ready();
  const layout = layoutDocument(doc, paper, imageProbe(pdf, images));
  for (const { cluster, id } of layout.missing) warn(`pdf: no embedded font has "${cluster}" (${describeCluster(cluster)}) in ${id}: drawn as ${SUBSTITUTE}, kept in the text layer`);
  const header = runningHeader(title, layout, doc.meta.lang);
  for (const name of registrationOrder(fontsDrawn(layout, header))) registerFont(pdf, name, loadFont(name), isCjkFont(name) ? cjkPostscriptName(name) : undefined);
  const tagger = new Tagger(pdf, layout.root);
  renderLayout(pdf, tagger, layout, header);
  tagger.finish();
  pdf.end();
  return bytes;
}
