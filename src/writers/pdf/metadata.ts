import { createHash } from 'node:crypto';
import type { Document } from '../../model/types.js';
import { VERSION } from '../../version.js';

/**
 * The PDF's document information: fixed dates, a content-derived file
 * identifier and the XMP packet (Dublin Core, XMP basic, PDF/UA id).
 * Nothing here reads the clock, so the same input gives the same bytes.
 */

/** The creation and modification date: the article's date, else SOURCE_DATE_EPOCH, else the Unix epoch. */
export function fixedDate(doc: Document, sourceDateEpoch: number | undefined): Date {
  if (doc.meta.date) return new Date(`${doc.meta.date}T00:00:00Z`);
  if (sourceDateEpoch !== undefined && Number.isFinite(sourceDateEpoch)) return new Date(sourceDateEpoch * 1000);
  return new Date(0);
}

/** The trailer `/ID`: 16 bytes of a hash over everything the file is made from. */
export function fileIdentifier(doc: Document, settings: unknown): Uint8Array {
  const digest = createHash('sha256').update(JSON.stringify({ version: VERSION, doc, settings })).digest();
  return new Uint8Array(digest.subarray(0, 16));
}

// XML 1.0 forbids these characters outright; they cannot even be escaped.
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML element or attribute, whatever it holds. */
export function xmlText(value: string): string {
  return value
    .replace(XML_ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function isoDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export interface XmpFields {
  readonly title: string;
  readonly authors: readonly string[];
  readonly description?: string;
  readonly lang: string;
  readonly identifier: string;
  readonly date: Date;
  readonly producer: string;
}

/**
 * The rdf:Description elements of the XMP packet. PDF/UA-1 (ISO 14289-1
 * 5 and 7.1) needs `dc:title` and the `pdfuaid:part` identification schema.
 */
export function xmpDescriptions(fields: XmpFields): string {
  const date = isoDate(fields.date);
  const authors = fields.authors.length > 0 ? `\n      <dc:creator><rdf:Seq>${fields.authors.map((a) => `<rdf:li>${xmlText(a)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>` : '';
  const description = fields.description ? `\n      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(fields.description)}</rdf:li></rdf:Alt></dc:description>` : '';
  return `
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(fields.title)}</rdf:li></rdf:Alt></dc:title>${authors}${description}
      <dc:language><rdf:Bag><rdf:li>${xmlText(fields.lang)}</rdf:li></rdf:Bag></dc:language>
      <dc:identifier>${xmlText(fields.identifier)}</dc:identifier>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <xmp:CreateDate>${date}</xmp:CreateDate>
      <xmp:ModifyDate>${date}</xmp:ModifyDate>
      <xmp:MetadataDate>${date}</xmp:MetadataDate>
      <xmp:CreatorTool>voxpress ${xmlText(VERSION)}</xmp:CreatorTool>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <pdf:Producer>${xmlText(fields.producer)}</pdf:Producer>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>`;
}
