import { parentPort } from 'node:worker_threads';
import { createMp3Encoder, type WasmMediaEncoder } from 'wasm-media-encoders';
import type { Mp3Reply, Mp3Request } from './mp3-protocol.js';
import { joinBytes } from '../../shared/bytes.js';
import { encodeSamples } from './mp3.js';

/*
 * The MP3 helper thread (see mp3-stream.ts): one LAME instance per open
 * stream, reused for the next one, requests handled strictly in order. Each
 * push's MP3 bytes go straight back (transferred, not copied): the thread
 * holds no audio between requests.
 */

type Lame = WasmMediaEncoder<'audio/mpeg'>;

const idle: Lame[] = [];
const jobs = new Map<number, Lame>();
// The first encoder is made as the thread starts, before the first samples arrive: compiling LAME then overlaps the synthesis.
let queue: Promise<void> = createMp3Encoder().then((lame) => void idle.push(lame), () => undefined);

function reply(message: Mp3Reply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

async function handle(message: Mp3Request): Promise<void> {
  if (message.type === 'start') {
    const lame = idle.pop() ?? (await createMp3Encoder());
    lame.configure(message.config);
    jobs.set(message.id, lame);
    return;
  }
  const lame = jobs.get(message.id);
  if (!lame) return;
  if (message.type === 'push') {
    const mp3 = joinBytes(encodeSamples(lame, message.samples));
    reply({ id: message.id, type: 'encoded', samples: message.samples.length, mp3 }, [mp3.buffer as ArrayBuffer]);
    return;
  }
  jobs.delete(message.id);
  const last = lame.finalize().slice();
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
