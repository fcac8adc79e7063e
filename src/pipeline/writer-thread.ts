import { parentPort } from 'node:worker_threads';
import { articleResources, writerFor } from '../writers/index.js';
import { firstLine, runWriter } from './render.js';
import type { WriteReply, WriteRequest } from './writer-protocol.js';

/*
 * The writer thread (see beside-writers.ts): runs the writers that need no
 * speech, one request at a time, while the article's thread synthesises the
 * narration. A writer is the same pure function here as there, so its files
 * are the same bytes. Module state (the PDF's parsed fonts) lives as long as
 * the thread, which its owner keeps for the next article.
 */

let queue: Promise<void> = Promise.resolve();

async function handle(request: WriteRequest): Promise<WriteReply> {
  const writer = writerFor(request.format);
  if (!writer) return { id: request.id, type: 'failed', message: `unknown format "${request.format}"`, warnings: [] };
  const resources = articleResources(request.doc, request.options, new Set(), request.images);
  const { files, failure, warnings } = await runWriter(writer, request.doc, request.options, resources);
  // The writer's own reason: the calling thread names the format once, as for a writer run there.
  return failure ? { id: request.id, type: 'failed', message: firstLine(failure.cause), warnings } : { id: request.id, type: 'done', files, warnings };
}

parentPort?.on('message', (request: WriteRequest) => {
  queue = queue.then(async () => parentPort?.postMessage(await handle(request)));
});
