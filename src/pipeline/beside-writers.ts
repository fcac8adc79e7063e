import { resourceLimits } from 'node:worker_threads';
import type { Document } from '../model/types.js';
import type { FigureImages } from '../shared/images.js';
import { inheritedLimits, KeptThread, liveThread, threadEntry } from '../shared/threads.js';
import type { OutputFile, WriterOptions } from '../writers/index.js';
import type { WriteReply, WriteRequest } from './writer-protocol.js';

/*
 * Writers that need no speech (those marked `besideSpeech`: the PDF), run on
 * a helper thread beside the synthesis.
 * An article's thread spends most of a narrated run in eSpeak, and before
 * the first samples reach the MP3 encoders the second core has nothing to do:
 * the PDF (about 200 ms of the sample's 1.36 s, fonts and layout) is made
 * there meanwhile instead of after the speech. The thread is created on first
 * use and kept for this thread's later articles (the PDF's fonts are parsed
 * once); it holds no reference on the event loop while idle, so it never
 * keeps a process alive.
 */

export interface BesideResult {
  readonly files: readonly OutputFile[];
  readonly warnings: readonly string[];
}

/** A format that failed on the writer thread: its reason, and what it warned before. */
export class BesideWriterError extends Error {
  override name = 'BesideWriterError';
  constructor(
    message: string,
    readonly warnings: readonly string[],
  ) {
    super(message);
  }
}

function newWriterThread(): KeptThread<WriteRequest, WriteReply> {
  // A small young generation, as for the workers (pool.ts): at 4 MiB the sample's peak was 241-244 MB (3 runs), against
  // 263 MB with V8's default (one run) and 236-249 MB at 8 MiB, and no slower (hyperfine, 10 runs: 1.279 s, 1.305 s at 8).
  // Its old generation is held to this thread's: a format that needs more fails there alone, and the article's other
  // formats are written.
  return new KeptThread(threadEntry('writer-thread', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 4, ...inheritedLimits(resourceLimits) } });
}

let thread: KeptThread<WriteRequest, WriteReply> | undefined;
let nextId = 1;

/** Ends this thread's writer thread if it is idle (the next `writeBeside` starts a new one; see RELEASE_HELPERS_FROM_CHARS); whether it did. */
export function releaseWriterThread(): boolean {
  if (!thread?.endIfIdle()) return false;
  thread = undefined;
  return true;
}

/** Makes `format` of `doc` on this thread's writer thread (created on first use, replaced if it died). */
export function writeBeside(format: string, doc: Document, options: WriterOptions, images: FigureImages): Promise<BesideResult> {
  const writer = (thread = liveThread(thread, newWriterThread));
  const id = nextId++;
  return new Promise((resolve, reject) => {
    writer.open(id, {
      reply: (reply) => {
        writer.close(id);
        if (reply.type === 'done') resolve({ files: reply.files, warnings: reply.warnings });
        else reject(new BesideWriterError(reply.message, reply.warnings));
      },
      failed: (message) => reject(new BesideWriterError(`writer thread failed: ${message}`, [])),
    });
    writer.post({ id, format, doc, options, images });
  });
}
