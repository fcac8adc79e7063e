import { isoSeconds } from '../../shared/dates.js';
import type { Metadata } from '../../model/types.js';
import type { MetaEntry } from './accessibility.js';
import { textDirection } from '../../shared/lang.js';
import { escapeAttr, escapeText } from '../../shared/xml.js';
import { shownXhtml } from './xhtml.js';

/** One manifest item. */
export interface ManifestItem {
  readonly id: string;
  readonly href: string;
  readonly mediaType: string;
  readonly properties?: string;
  readonly mediaOverlay?: string;
}

export interface PackageParts {
  readonly meta: Metadata;
  /** `dcterms:modified`, already fixed by the caller (never the clock). */
  readonly modified: Date;
  /** Extra `<meta property>` entries: accessibility, media overlay durations and narrator. */
  readonly entries: readonly MetaEntry[];
  /** Overlay durations per overlay item id (`refines`). */
  readonly refinedEntries: readonly (MetaEntry & { readonly refines: string })[];
  readonly manifest: readonly ManifestItem[];
  /** Manifest ids in reading order. */
  readonly spine: readonly string[];
  readonly ncxId?: string;
}

function metaLine(entry: MetaEntry & { readonly refines?: string }): string {
  const refines = entry.refines ? ` refines="#${escapeAttr(entry.refines)}"` : '';
  const lang = entry.lang ? ` xml:lang="${escapeAttr(entry.lang)}"` : '';
  return `    <meta property="${escapeAttr(entry.property)}"${refines}${lang}>${escapeText(entry.value)}</meta>`;
}

/** The OPF package document (EPUB 3) with Dublin Core, accessibility and media-overlay metadata. */
export function packageDocument(parts: PackageParts): string {
  const { meta } = parts;
  const rtl = textDirection(meta.lang) === 'rtl';
  const description = meta.description?.trim();
  const manifest = parts.manifest.map((item) => {
    const properties = item.properties ? ` properties="${escapeAttr(item.properties)}"` : '';
    const overlay = item.mediaOverlay ? ` media-overlay="${escapeAttr(item.mediaOverlay)}"` : '';
    return `    <item id="${escapeAttr(item.id)}" href="${escapeAttr(item.href)}" media-type="${escapeAttr(item.mediaType)}"${properties}${overlay}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${escapeAttr(meta.lang)}"${rtl ? ' dir="rtl"' : ''}>`,
    '  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `    <dc:identifier id="pub-id">${escapeText(meta.identifier)}</dc:identifier>`,
    `    <dc:title>${shownXhtml(meta.title, meta.lang)}</dc:title>`,
    `    <dc:language>${escapeText(meta.lang)}</dc:language>`,
    ...meta.authors.map((author, i) => `    <dc:creator id="creator-${i + 1}">${escapeText(author)}</dc:creator>`),
    ...(meta.source ? [`    <dc:publisher>${escapeText(meta.source)}</dc:publisher>`] : []),
    ...(meta.date ? [`    <dc:date>${escapeText(meta.date)}</dc:date>`] : []),
    ...(description ? [`    <dc:description>${escapeText(description)}</dc:description>`] : []),
    `    <meta property="dcterms:modified">${isoSeconds(parts.modified)}</meta>`,
    ...parts.entries.map(metaLine),
    ...parts.refinedEntries.map(metaLine),
    '  </metadata>',
    '  <manifest>',
    ...manifest,
    '  </manifest>',
    `  <spine${parts.ncxId ? ` toc="${escapeAttr(parts.ncxId)}"` : ''}${rtl ? ' page-progression-direction="rtl"' : ''}>`,
    ...parts.spine.map((id) => `    <itemref idref="${escapeAttr(id)}"/>`),
    '  </spine>',
    '</package>',
    '',
  ].join('\n');
}
