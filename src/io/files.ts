import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { describeFsError } from './errors.js';

/** Why a file could not be read, in the words a user acts on. */
export class FileRefused extends Error {
  override name = 'FileRefused';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The bytes of a regular file, at most `limit` of them. Checked on the open
 * descriptor: a FIFO, a device (`/dev/zero`) or a folder is refused before
 * anything is read, and a file that grows while being read is cut at the
 * limit and refused, so no read is ever unbounded.
 */
export async function readBoundedFile(file: string, limit: number): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO with no writer must not hang.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw new FileRefused(describeFsError(error), (error as NodeJS.ErrnoException).code);
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new FileRefused('is a folder, not a file', 'EISDIR');
    if (!info.isFile()) throw new FileRefused('is not a regular file', 'ENOTREG');
    if (info.size > limit) throw new FileRefused(`file is too large (${info.size} bytes; the limit is ${limit})`, 'EFBIG');
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let at = 0;
    while (at < buffer.length) {
      const { bytesRead } = await handle.read(buffer, at, buffer.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    if (at > limit) throw new FileRefused(`file is too large (more than ${limit} bytes)`, 'EFBIG');
    return buffer.subarray(0, at);
  } finally {
    await handle.close();
  }
}
