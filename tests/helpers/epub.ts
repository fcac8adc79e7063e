import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EpubCheck, type EpubCheckResult } from '@likecoin/epubcheck-ts';
import JSZip from 'jszip';
import { XmlDocument } from 'libxml2-wasm';
import { parseArticle } from '../../src/readers/index.js';
import { loadImages } from '../../src/io/resources.js';
import type { Document } from '../../src/model/types.js';
import { encodeMp3 } from '../../src/speech/audio/mp3.js';
import type { FigureImages } from '../../src/shared/images.js';
import { sentences } from '../../src/model/walk.js';
import type { Narration, Clip } from '../../src/speech/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.resolve(here, '../fixtures/epub');
export const SAMPLE = path.resolve(here, '../../input/khorev-asif-meeting.txt');

/** Each figure's image of `doc`, as the pipeline's resolver loads them from `resourceDir`. */
export async function imagesOf(doc: Document, resourceDir: string): Promise<FigureImages> {
  return (await loadImages(doc, resourceDir)).images;
}

/** A fixture article (or the sample) read into the model, with the folder its images are relative to. */
export function loadArticle(file: string): { doc: Document; resourceDir: string } {
  const full = path.isAbsolute(file) ? file : path.join(FIXTURES, file);
  return { doc: parseArticle(readFileSync(full, 'utf8'), { file: full }), resourceDir: path.dirname(full) };
}

export const NS = {
  x: 'http://www.w3.org/1999/xhtml',
  epub: 'http://www.idpf.org/2007/ops',
  opf: 'http://www.idpf.org/2007/opf',
  dc: 'http://purl.org/dc/elements/1.1/',
  smil: 'http://www.w3.org/ns/SMIL',
  ncx: 'http://www.daisy.org/z3986/2005/ncx/',
};

/** The severity overrides that turn epubcheck-ts's suppressed accessibility checks on (the same TSV works with its CLI `-c`). */
export function accessibilityOverrides(): Map<string, 'warning'> {
  const tsv = readFileSync(path.join(FIXTURES, 'epubcheck-a11y.tsv'), 'utf8');
  return new Map(
    tsv
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => [line.split('\t')[0]!, 'warning'] as const),
  );
}

/** epubcheck-ts with accessibility checks on. */
export async function epubcheckTs(bytes: Uint8Array): Promise<EpubCheckResult> {
  return EpubCheck.validate(bytes, { customMessages: accessibilityOverrides(), includeUsage: true });
}

/** The problems (fatal, error, warning) in a result, one line each, for readable failures. */
export function problems(result: EpubCheckResult): string[] {
  return result.messages.filter((m) => m.severity === 'fatal' || m.severity === 'error' || m.severity === 'warning').map((m) => `${m.severity} ${m.id} ${m.location?.path ?? ''}:${m.location?.line ?? ''} ${m.message}`);
}

/** The files of a zip, by name. */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('uint8array'));
  return out;
}

/** A parsed XML document from a book's file; parsing itself proves well-formedness. */
export function xml(files: Map<string, Uint8Array>, name: string): XmlDocument {
  const data = files.get(name);
  if (!data) throw new Error(`no ${name} in the book`);
  return XmlDocument.fromBuffer(data);
}

/** Attribute values selected by an XPath ending in `/@attr`. */
export function values(doc: XmlDocument, xpath: string): string[] {
  return doc.find(xpath, NS).map((node) => node.content);
}

/** `seconds` of silence as a real MP3 (voxpress's own encoder), mono 22050 Hz. */
export function silentMp3(seconds: number): Promise<Uint8Array> {
  return encodeMp3({ sampleRate: 22050, samples: new Int16Array(Math.round(seconds * 22050)) });
}

const BITRATES: Record<string, number[]> = {
  // kbit/s by index, Layer III: MPEG-1, then MPEG-2/2.5
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

/**
 * An MP3's playing time in milliseconds, measured by walking its Layer III
 * frame headers (ID3v2 tag and LAME's Xing/Info frame skipped).
 */
export function mp3DurationMs(bytes: Uint8Array): number {
  let offset = 0;
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) {
    offset = 10 + (((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f));
  }
  let samples = 0;
  let rate = 0;
  let first = true;
  while (offset + 4 <= bytes.length) {
    const b1 = bytes[offset + 1]!;
    const b2 = bytes[offset + 2]!;
    if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) throw new Error(`not an MP3 frame at byte ${offset}`);
    const version = (b1 >> 3) & 3;
    const bitrate = (version === 3 ? BITRATES.v1! : BITRATES.v2!)[b2 >> 4]! * 1000;
    rate = RATES[version]![(b2 >> 2) & 3]!;
    const padding = (b2 >> 1) & 1;
    const perFrame = version === 3 ? 1152 : 576;
    const length = Math.floor(((perFrame / 8) * bitrate) / rate) + padding;
    const frame = new TextDecoder('latin1').decode(bytes.subarray(offset, offset + Math.min(length, 64)));
    const isInfo = first && (frame.includes('Xing') || frame.includes('Info'));
    if (!isInfo) samples += perFrame;
    first = false;
    offset += length;
  }
  return (samples / rate) * 1000;
}

/**
 * A narration of `doc` like the speech stage makes: a clip for the title, the
 * date and every sentence, with pauses between them, over a real MP3 of
 * silence whose measured length is the narration's duration.
 */
export async function syntheticNarration(doc: Document): Promise<Narration> {
  const ids = ['title', ...(doc.meta.date ? ['date'] : []), ...sentences(doc).map((s) => s.id)];
  const clips: Clip[] = [];
  let at = 120;
  for (const [i, id] of ids.entries()) {
    const length = 400 + ((i * 137) % 900);
    clips.push({ id, startMs: at, endMs: at + length });
    at += length + 250;
  }
  const mp3 = await silentMp3(at / 1000 + 0.2);
  const durationMs = mp3DurationMs(mp3);
  if (at > durationMs) throw new Error('synthetic narration longer than its audio');
  return { mp3: [mp3], durationMs, clips };
}
