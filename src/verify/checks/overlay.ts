import path from 'node:path';
import JSZip from 'jszip';
import { XmlDocument } from 'libxml2-wasm';
import type { Finding } from '../types.js';
import type { Outcome, Timing } from '../validator.js';
import { idDifference } from './timing.js';

/*
 * The EPUB's media overlays against the rest of the article: every SMIL
 * <text> points at an element that exists, every <audio> at a file in the
 * book, and the overlay's ids are timing.json's units, in order. EPUBCheck
 * checks the first two (RSC-012, RSC-007) when it is installed; the third is
 * voxpress's own promise (one id, one piece of text, everywhere).
 */

export const OVERLAY_CHECKED = 'EPUB media overlays: every SMIL <text> and <audio> target exists; the SMIL ids are timing.json\'s units, in order';

const NS = { smil: 'http://www.w3.org/ns/SMIL' };

/** The values an XPath ending in an attribute selects, in document order. */
function attributes(xml: Uint8Array, xpath: string): string[] {
  const doc = XmlDocument.fromBuffer(xml);
  try {
    return doc.find(xpath, NS).map((node) => node.content);
  } finally {
    doc.dispose();
  }
}

/** The ids of a content document (parsed once per document). */
function idsOf(xml: Uint8Array): Set<string> {
  return new Set(attributes(xml, '//@id'));
}

interface Book {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly ids: Map<string, Set<string>>;
}

/** The findings of one SMIL file, and the ids its <text> elements name, in order. */
function smilFindings(book: Book, smil: string): { findings: Finding[]; ids: string[] } {
  const data = book.files.get(smil);
  if (!data) return { findings: [], ids: [] };
  const findings: Finding[] = [];
  const ids: string[] = [];
  const resolve = (src: string): string => path.posix.normalize(path.posix.join(path.posix.dirname(smil), decodeURIComponent(src)));
  let texts: string[];
  let audios: string[];
  try {
    texts = attributes(data, '//smil:text/@src');
    audios = attributes(data, '//smil:audio/@src');
  } catch (error) {
    return { findings: [{ rule: 'smil', message: `not well-formed XML: ${(error as Error).message}`, location: smil }], ids: [] };
  }
  for (const src of texts) {
    const [file = '', id = ''] = src.split('#');
    const target = resolve(file);
    const content = book.files.get(target);
    ids.push(id);
    if (!content) {
      findings.push({ rule: 'smil-target', message: `<text src="${src}">: no ${target} in the book`, location: smil });
      continue;
    }
    if (!book.ids.has(target)) book.ids.set(target, idsOf(content));
    if (!book.ids.get(target)?.has(id)) findings.push({ rule: 'smil-target', message: `<text src="${src}">: ${target} has no element with id "${id}"`, location: smil });
  }
  for (const src of new Set(audios)) if (!book.files.has(resolve(src))) findings.push({ rule: 'smil-audio', message: `<audio src="${src}">: no ${resolve(src)} in the book`, location: smil });
  return { findings, ids };
}

/** article.epub's overlays: targets, audio, and ids against timing.json (when usable). A book without overlays has nothing to check here. */
export async function overlayOutcome(epub: Uint8Array, timing: Timing | undefined): Promise<Outcome> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(epub);
  } catch (error) {
    return { checked: OVERLAY_CHECKED, counts: {}, findings: [{ rule: 'zip', message: `not a zip: ${(error as Error).message}` }] };
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) files.set(name, await entry.async('uint8array'));
  const smils = [...files.keys()].filter((name) => name.endsWith('.smil')).sort();
  if (smils.length === 0) return { checked: `${OVERLAY_CHECKED} (the book has no media overlay)`, counts: { overlays: 0 }, findings: [] };
  const book: Book = { files, ids: new Map() };
  const findings: Finding[] = [];
  const ids: string[] = [];
  for (const smil of smils) {
    const result = smilFindings(book, smil);
    findings.push(...result.findings);
    ids.push(...result.ids);
  }
  const difference = timing && idDifference('overlay <text>', ids, "timing.json's unit", timing.units.map((u) => u.id));
  if (difference) findings.push({ rule: 'ids', message: difference });
  return { checked: timing ? OVERLAY_CHECKED : `${OVERLAY_CHECKED} (ids not compared: no usable timing.json)`, counts: { overlays: smils.length, pars: ids.length, problems: findings.length }, findings };
}
