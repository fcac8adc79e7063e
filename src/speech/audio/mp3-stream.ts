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
  /**
   * Appends samples (copied: the caller keeps its array). Settles at once
   * while little audio waits for the encoder, else once the encoder has
   * caught up: a caller that awaits it never holds more than
   * `MAX_QUEUED_SECONDS` of audio in the queue, however long the article (LAME is slower than
   * eSpeak, so unawaited pushes pile up the PCM of the whole narration).
   */
  push(samples: Int16Array): Promise<void>;
  /** Ends the stream: the whole MP3, as the encoder made it, in order. */
  finish(): Promise<readonly Uint8Array[]>;
  /** Drops the stream (after a failed synthesis). */
  abort(): void;
}

/**
 * Seconds of audio that may wait for the encoder before `push` waits too
 * (13 MB of samples at 22.05 kHz). At one minute a short article's synthesis
 * already waited, and its other writers started later: the sample took 17 %
 * longer (hyperfine, 8 runs). At five minutes it takes as long as with no
 * bound, and a two-hour article still queues only five minutes.
 */
export const MAX_QUEUED_SECONDS = 300;

/**
 * The helper thread's module. Under the test runner this module is loaded
 * from its TypeScript source, which a worker thread cannot run: it then
 * uses the compiled thread module in dist/ (npm test builds first).
 */
function threadModule(): URL {
  const url = new URL(`./mp3-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
  return url.pathname.endsWith('.ts') ? new URL(url.href.replace(/\/src\/(?!.*\/src\/)/, '/dist/').replace(/\.ts$/, '.js')) : url;
}

/** What the encoder thread tells one open stream. */
interface StreamListener {
  encoded(samples: number, mp3: Uint8Array): void;
  done(mp3: Uint8Array): void;
  failed(message: string): void;
}

class EncoderThread {
  private readonly worker: Worker;
  private readonly listeners = new Map<number, StreamListener>();
  private nextId = 1;
  private open = 0;
  dead = false;

  constructor() {
    this.worker = new Worker(threadModule());
    this.worker.unref();
    this.worker.on('message', (reply: Mp3Reply) => {
      const listener = this.listeners.get(reply.id);
      if (!listener) return;
      if (reply.type === 'encoded') listener.encoded(reply.samples, reply.mp3);
      else if (reply.type === 'done') listener.done(reply.mp3);
      else listener.failed(`MP3 encoder: ${reply.message}`);
    });
    const fail = (error: Error): void => {
      this.dead = true;
      for (const listener of [...this.listeners.values()]) listener.failed(`MP3 encoder thread failed: ${error.message}`);
      this.listeners.clear();
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
    const config = mp3Config(sampleRate);
    const maxQueued = MAX_QUEUED_SECONDS * sampleRate;
    let chunks: Uint8Array[] = [];
    let queued = 0;
    let error: string | undefined;
    let closed = false;
    // Every push still waiting for the encoder (a caller need not await one push before the next).
    let waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
    let finished: { resolve: (mp3: readonly Uint8Array[]) => void; reject: (error: Error) => void } | undefined;
    const close = (): boolean => {
      if (closed) return false;
      closed = true;
      this.hold(-1);
      return true;
    };
    const settleDrain = (): void => {
      if (waiting.length === 0 || (error === undefined && queued > maxQueued)) return;
      const waiters = waiting;
      waiting = [];
      for (const waiter of waiters) {
        if (error === undefined) waiter.resolve();
        else waiter.reject(new Error(error));
      }
    };
    this.listeners.set(id, {
      encoded: (samples, mp3) => {
        queued -= samples;
        if (mp3.length > 0) chunks.push(mp3);
        settleDrain();
      },
      done: (mp3) => {
        this.listeners.delete(id);
        const all = mp3.length > 0 ? [...chunks, mp3] : chunks;
        chunks = [];
        finished?.resolve(all);
      },
      failed: (message) => {
        this.listeners.delete(id);
        error ??= message;
        chunks = [];
        settleDrain();
        finished?.reject(new Error(message));
      },
    });
    this.hold(1);
    this.post({ id, type: 'start', config });
    return {
      push: (samples) => {
        if (closed) return Promise.resolve();
        if (error !== undefined) return Promise.reject(new Error(error));
        this.post({ id, type: 'push', samples });
        queued += samples.length;
        if (queued <= maxQueued) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          waiting.push({ resolve, reject });
        });
      },
      finish: () =>
        new Promise<readonly Uint8Array[]>((resolve, reject) => {
          if (closed) throw new Error('MP3 stream already ended');
          if (error !== undefined || this.dead) {
            this.listeners.delete(id);
            reject(new Error(error ?? 'MP3 encoder: thread failed'));
            return;
          }
          finished = { resolve, reject };
          this.post({ id, type: 'finish' });
        }).finally(close),
      abort: () => {
        this.listeners.delete(id);
        chunks = [];
        // No push waits for a stream that will not be encoded.
        for (const waiter of waiting) waiter.resolve();
        waiting = [];
        if (close()) this.post({ id, type: 'abort' });
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
