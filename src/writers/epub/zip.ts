import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { contentBytes, type FileContent } from '../../shared/bytes.js';

/** Media types whose bytes are already compressed: stored, not deflated again. */
const STORED = /\.(mp3|jpe?g|png|gif)$/i;

/**
 * What JSZip takes for a file: text as its UTF-8 bytes, bytes as they are,
 * bytes in parts as a stream of those parts, which JSZip passes through to its
 * output without joining them (with `streamFiles: false` it still writes each
 * entry's CRC and sizes in its local header, so the zip is the same bytes as
 * from one array).
 */
function zipInput(content: FileContent): Uint8Array | Readable {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : Readable.from(content);
}

/** DOS zip timestamps cover 1980 to 2107. */
function dosDate(instant: Date): Date {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  return new Date(Math.min(Math.max(instant.getTime(), min), max));
}

/** Container order: `mimetype`, then `META-INF/container.xml`, then everything else by name. */
function containerOrder(a: string, b: string): number {
  const rank = (name: string): number => (name === 'mimetype' ? 0 : name === 'META-INF/container.xml' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * An OCF zip of `files` that is the same bytes for the same files: the
 * `mimetype` entry first and stored (the OCF rule that lets tools recognise an
 * EPUB), every entry dated `date`, no folder entries, a fixed order. In
 * parts, in order: a stored file's parts are views of its bytes, so a long
 * narration is not copied into the zip (JSZip's `generateAsync` would join
 * every part into one more array as large as the book).
 */
export async function deterministicZip(files: ReadonlyMap<string, FileContent>, date: Date): Promise<Uint8Array[]> {
  const mimetype = files.get('mimetype');
  if (mimetype === undefined || new TextDecoder().decode(contentBytes(mimetype)) !== 'application/epub+zip') throw new Error('EPUB container has no valid mimetype file');
  const zip = new JSZip();
  const stamp = dosDate(date);
  for (const name of [...files.keys()].sort(containerOrder)) {
    const data = files.get(name)!;
    const stored = name === 'mimetype' || STORED.test(name);
    zip.file(name, zipInput(data), {
      binary: true,
      date: stamp,
      createFolders: false,
      compression: stored ? 'STORE' : 'DEFLATE',
      ...(stored ? {} : { compressionOptions: { level: 9 } }),
    });
  }
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = [];
    zip
      .generateInternalStream({ type: 'uint8array', platform: 'DOS', streamFiles: false })
      .on('data', (part: Uint8Array) => void parts.push(part))
      .on('error', reject)
      .on('end', () => resolve(parts))
      .resume();
  });
}
