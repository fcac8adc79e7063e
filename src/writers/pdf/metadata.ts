import { createHash } from 'node:crypto';
import type { Document } from '../../model/types.js';
import { isoSeconds } from '../../shared/dates.js';
import { VERSION } from '../../shared/version.js';
import { escapeText } from '../../shared/xml.js';

/**
 * The PDF's document information: fixed dates, a content-derived file
 * identifier and the XMP packet (Dublin Core, XMP basic, PDF/UA id).
 * Nothing here reads the clock, so the same input gives the same bytes.
 */

/** The trailer `/ID`: 16 bytes of a hash over everything the file is made from. */
export function fileIdentifier(doc: Document, settings: unknown): Uint8Array {
  const digest = createHash('sha256').update(JSON.stringify({ version: VERSION, doc, settings })).digest();
  return new Uint8Array(digest.subarray(0, 16));
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
  const date = isoSeconds(fields.date);
  const authors = fields.authors.length > 0 ? `\n      <dc:creator><rdf:Seq>${fields.authors.map((a) => `<rdf:li>${escapeText(a)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>` : '';
  const description = fields.description ? `\n      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeText(fields.description)}</rdf:li></rdf:Alt></dc:description>` : '';
  return `
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeText(fields.title)}</rdf:li></rdf:Alt></dc:title>${authors}${description}
      <dc:language><rdf:Bag><rdf:li>${escapeText(fields.lang)}</rdf:li></rdf:Bag></dc:language>
      <dc:identifier>${escapeText(fields.identifier)}</dc:identifier>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <xmp:CreateDate>${date}</xmp:CreateDate>
      <xmp:ModifyDate>${date}</xmp:ModifyDate>
      <xmp:MetadataDate>${date}</xmp:MetadataDate>
      <xmp:CreatorTool>voxpress ${escapeText(VERSION)}</xmp:CreatorTool>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <pdf:Producer>${escapeText(fields.producer)}</pdf:Producer>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>`;
}
