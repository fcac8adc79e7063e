import { Worker } from 'node:worker_threads';
import { mp3Config } from './mp3.js';
import type { Mp3Reply, Mp3Request } from './mp3-protocol.js';

/**
 * MP3 encoding on a helper thread, fed unit by unit while the next unit is
 * being synthesised: synthesis and encoding overlap instead of adding up.
 * The output is byte-identical to `encodeMp3` on the joined PCM (LAME buffers
 * its input, so chunk boundaries do not matter; a test checks it).
 *
 * One helper thread per calling thread, created on first use and kept; it
 * holds no reference on the event loop while idle, so it never keeps a
 * process alive.
 */

export interface Mp3Stream {
  /** Appends samples (copied: the caller keeps its array). */
  push(samples: Int16Array): void;
  /** Ends the stream: the whole MP3. */
  finish(): Promise<Uint8Array>;
  /** Drops the stream (after a failed synthesis). */
  abort(): void;
}

/**
 * The helper thread's module. Under the test runner this module is loaded
 * from its TypeScript source, which a worker thread cannot run: it then
 * uses the compiled thread module in dist/ (npm test builds first).
 */
function threadModule(): URL {
  const url = new URL(`./mp3-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  return url.pathname.endsWith('.ts') ? new URL(url.href.replace(/\/src\/(?!.*\/src\/)/, '/dist/').replace(/\.ts$/, '.js')) : url;
}

class EncoderThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (mp3: Uint8Array) => void; reject: (error: Error) => void }>();
  private readonly failed = new Map<number, string>();
  private nextId = 1;
  private open = 0;
  dead = false;

  constructor() {
    this.worker = new Worker(threadModule());
    this.worker.unref();
    this.worker.on('message', (reply: Mp3Reply) => {
      const waiter = this.waiting.get(reply.id);
      if (reply.type === 'error' && !waiter) {
        this.failed.set(reply.id, reply.message);
        return;
      }
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.type === 'done') waiter.resolve(reply.mp3);
      else waiter.reject(new Error(`MP3 encoder: ${reply.message}`));
    });
    const fail = (error: Error): void => {
      this.dead = true;
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`MP3 encoder thread failed: ${error.message}`));
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
  }

  private post(request: Mp3Request): void {
    this.worker.postMessage(request);
  }

  /** Keeps the process alive only while some stream is open. */
  private hold(delta: 1 | -1): void {
    this.open += delta;
    if (this.open === 1 && delta === 1) this.worker.ref();
    if (this.open === 0) this.worker.unref();
  }

  stream(sampleRate: number): Mp3Stream {
    const id = this.nextId++;
    let closed = false;
    const close = (): boolean => {
      if (closed) return false;
      closed = true;
      this.hold(-1);
      return true;
    };
    const config = mp3Config(sampleRate);
    this.hold(1);
    this.post({ id, type: 'start', config });
    return {
      push: (samples) => {
        if (!closed) this.post({ id, type: 'push', samples });
      },
      finish: () =>
        new Promise<Uint8Array>((resolve, reject) => {
          if (closed) throw new Error('MP3 stream already ended');
          const early = this.failed.get(id);
          if (early !== undefined || this.dead) {
            this.failed.delete(id);
            close();
            reject(new Error(`MP3 encoder: ${early ?? 'thread failed'}`));
            return;
          }
          this.waiting.set(id, { resolve, reject });
          this.post({ id, type: 'finish' });
        }).finally(close),
      abort: () => {
        if (close()) this.post({ id, type: 'abort' });
        this.failed.delete(id);
      },
    };
  }
}

let thread: EncoderThread | undefined;

function encoderThread(): EncoderThread {
  if (!thread || thread.dead) thread = new EncoderThread();
  return thread;
}

/**
 * Starts this thread's encoder thread ahead of the first stream, so that its
 * start-up (loading and compiling LAME, about half a second) overlaps the
 * engine's own instead of delaying the first samples' encoding.
 */
export function prepareMp3Encoder(): void {
  encoderThread();
}

/** A new MP3 stream on this thread's encoder thread (created on first use, replaced if it died). */
export function openMp3Stream(sampleRate: number): Mp3Stream {
  return encoderThread().stream(sampleRate);
}
