import { parentPort } from 'node:worker_threads';
import { articleResources, writerFor } from '../writers/index.js';
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
  const warnings: string[] = [];
  try {
    const writer = writerFor(request.format);
    if (!writer) throw new Error(`unknown format "${request.format}"`);
    const resources = articleResources(request.doc, request.options, new Set(), request.images);
    const files = await writer.write({ doc: request.doc, options: request.options, resources, warn: (message) => void warnings.push(message) });
    return { id: request.id, type: 'done', files, warnings };
  } catch (error) {
    return { id: request.id, type: 'failed', message: error instanceof Error ? error.message : String(error), warnings };
  }
}

parentPort?.on('message', (request: WriteRequest) => {
  queue = queue.then(async () => parentPort?.postMessage(await handle(request)));
});
