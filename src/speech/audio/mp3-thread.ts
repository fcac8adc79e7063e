import { parentPort } from 'node:worker_threads';
import type { Mp3Reply, Mp3Request } from './mp3-protocol.js';
import { joinBytes } from '../../shared/bytes.js';
import { Lame } from './lame.js';

/*
 * The MP3 helper thread (see mp3-stream.ts): one LAME instance per open
 * stream, reused for the next one, requests handled strictly in order. Each
 * push's MP3 bytes go straight back (transferred, not copied): the thread
 * holds no audio between requests.
 */

const idle: Lame[] = [];
const jobs = new Map<number, Lame>();
let queue: Promise<void> = Promise.resolve();

function reply(message: Mp3Reply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

function handle(message: Mp3Request): void {
  if (message.type === 'start') {
    const lame = idle.pop() ?? new Lame();
    lame.configure(message.config);
    jobs.set(message.id, lame);
    return;
  }
  const lame = jobs.get(message.id);
  if (!lame) return;
  if (message.type === 'push') {
    const mp3 = joinBytes(lame.encode(message.samples));
    reply({ id: message.id, type: 'encoded', samples: message.samples.length, mp3 }, [mp3.buffer as ArrayBuffer]);
    return;
  }
  jobs.delete(message.id);
  const last = lame.finalize();
  idle.push(lame);
  if (message.type === 'abort') return;
  reply({ id: message.id, type: 'done', mp3: last }, [last.buffer as ArrayBuffer]);
}

parentPort?.on('message', (message: Mp3Request) => {
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      jobs.delete(message.id);
      reply({ id: message.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
});
