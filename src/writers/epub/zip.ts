import JSZip from 'jszip';

/** Media types whose bytes are already compressed: stored, not deflated again. */
const STORED = /\.(mp3|jpe?g|png|gif)$/i;

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
 * EPUB), every entry dated `date`, no folder entries, a fixed order.
 */
export async function deterministicZip(files: ReadonlyMap<string, Uint8Array>, date: Date): Promise<Uint8Array> {
  const mimetype = files.get('mimetype');
  if (!mimetype || new TextDecoder().decode(mimetype) !== 'application/epub+zip') throw new Error('EPUB container has no valid mimetype file');
  const zip = new JSZip();
  const stamp = dosDate(date);
  for (const name of [...files.keys()].sort(containerOrder)) {
    const data = files.get(name)!;
    const stored = name === 'mimetype' || STORED.test(name);
    zip.file(name, data, {
      binary: true,
      date: stamp,
      createFolders: false,
      compression: stored ? 'STORE' : 'DEFLATE',
      ...(stored ? {} : { compressionOptions: { level: 9 } }),
    });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'DOS', streamFiles: false });
}
