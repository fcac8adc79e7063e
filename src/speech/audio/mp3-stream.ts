import { mp3Config } from './mp3.js';
import type { Mp3Reply, Mp3Request } from './mp3-protocol.js';
import { Mp3Segmenter } from './mp3-segments.js';
import { mp3EncoderThreads } from './encoder-threads.js';
import { KeptThread, liveThread, threadEntry } from '../../shared/threads.js';

/**
 * MP3 encoding on helper threads, fed unit by unit while the next unit is
 * being synthesised: synthesis and encoding overlap instead of adding up.
 * The stream is cut into segments at its pauses (mp3-segments.ts) and the
 * segments go to the encoder threads in turn, so with two threads two LAME
 * instances encode one article at once. The output is byte-identical to
 * `encodeMp3` on the joined PCM, whatever the number of threads (LAME buffers
 * its input, so chunk boundaries do not matter; a test checks it).
 *
 * The helper threads of a calling thread are created on first use and kept;
 * they hold no reference on the event loop while idle, so they never keep a
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
 * Seconds of audio that may wait for the encoders before `push` waits too
 * (5 MB of samples at 22.05 kHz); silence is held as a count and never waits.
 * With one encoder thread, a one-minute bound made the sample's synthesis wait
 * and its other writers start later (17 % longer, hyperfine, 8 runs), and five
 * minutes took as long as no bound. With two threads, two minutes take as long
 * as five (the sample's `--formats mp3`, 8 runs: 1.117 s against 1.131 s) and the
 * two-hour article's peak is 313 MB against 323 MB (`/usr/bin/time`).
 */
export const MAX_QUEUED_SECONDS = 120;

/** What an encoder thread tells the owner of one segment. */
interface SegmentListener {
  encoded(samples: number, mp3: Uint8Array): void;
  done(mp3: Uint8Array): void;
  failed(message: string): void;
}

/** A kept MP3 encoder thread; a segment's listener is opened by `start` and closed once it is done, failed or dropped. */
type EncoderThread = KeptThread<Mp3Request, Mp3Reply>;

function newEncoderThread(): EncoderThread {
  return new KeptThread(threadEntry('mp3-thread', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 2 } });
}

/** Starts a segment on `thread`: its replies go to `listener`. */
function beginSegment(thread: EncoderThread, id: number, listener: SegmentListener, config: ReturnType<typeof mp3Config>): void {
  thread.open(id, {
    reply: (reply) => {
      if (reply.type === 'encoded') listener.encoded(reply.samples, reply.mp3);
      else if (reply.type === 'done') listener.done(reply.mp3);
      else listener.failed(`MP3 encoder: ${reply.message}`);
    },
    failed: (message) => listener.failed(`MP3 encoder thread failed: ${message}`),
  });
  thread.post({ id, type: 'start', config });
}

/** One segment of a stream, on the thread that encodes it. */
interface Segment {
  readonly id: number;
  readonly thread: EncoderThread;
  readonly chunks: Uint8Array[];
  done: boolean;
}

let nextId = 1;
const threads: (EncoderThread | undefined)[] = [];
function encoderThread(index: number): EncoderThread {
  const thread = liveThread(threads[index], newEncoderThread);
  threads[index] = thread;
  return thread;
}

/**
 * Starts this thread's encoder threads ahead of the first stream, so that their
 * start-up (loading and compiling LAME) overlaps the engine's own instead of
 * delaying the first samples' encoding.
 */
export function prepareMp3Encoder(): void {
  for (let i = 0; i < mp3EncoderThreads(); i++) encoderThread(i);
}

/** Ends this thread's encoder threads that no stream is using (a later stream starts new ones; see RELEASE_HELPERS_FROM_CHARS); how many it ended. */
export function releaseMp3Encoders(): number {
  let ended = 0;
  threads.forEach((thread, index) => {
    if (!thread?.endIfIdle()) return;
    threads[index] = undefined;
    ended++;
  });
  return ended;
}

/** A new MP3 stream on this thread's encoder threads (created on first use, replaced if one died). */
export function openMp3Stream(sampleRate: number): Mp3Stream {
  const config = mp3Config(sampleRate);
  const maxQueued = MAX_QUEUED_SECONDS * sampleRate;
  const threadsOfStream = mp3EncoderThreads();
  const segments: Segment[] = [];
  let queued = 0;
  let error: string | undefined;
  let closed = false;
  // Every push still waiting for the encoders (a caller need not await one push before the next).
  let waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let finished: { resolve: (mp3: readonly Uint8Array[]) => void; reject: (error: Error) => void } | undefined;
  const settleDrain = (): void => {
    if (waiting.length === 0 || (error === undefined && queued > maxQueued)) return;
    const waiters = waiting;
    waiting = [];
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(new Error(error));
    }
  };
  const settleFinish = (): void => {
    if (!finished) return;
    if (error !== undefined) finished.reject(new Error(error));
    else if (segments.every((s) => s.done)) finished.resolve(segments.flatMap((s) => s.chunks));
    else return;
    finished = undefined;
  };
  const current = (): Segment => {
    const segment = segments[segments.length - 1];
    if (!segment) throw new Error('MP3 stream: no open segment');
    return segment;
  };
  const segmenter = new Mp3Segmenter(sampleRate, {
    open: () => {
      const segment: Segment = { id: nextId++, thread: encoderThread(segments.length % threadsOfStream), chunks: [], done: false };
      segments.push(segment);
      beginSegment(
        segment.thread,
        segment.id,
        {
          encoded: (samples, mp3) => {
            queued -= samples;
            if (mp3.length > 0) segment.chunks.push(mp3);
            settleDrain();
          },
          done: (mp3) => {
            segment.thread.close(segment.id);
            if (mp3.length > 0) segment.chunks.push(mp3);
            segment.done = true;
            settleFinish();
          },
          failed: (message) => {
            segment.thread.close(segment.id);
            error ??= message;
            for (const s of segments) s.chunks.length = 0;
            settleDrain();
            settleFinish();
          },
        },
        config,
      );
    },
    samples: (samples) => {
      // A view of a larger array would be cloned whole by postMessage: send only its samples.
      const own = samples.byteLength === samples.buffer.byteLength ? samples : samples.slice();
      current().thread.post({ id: current().id, type: 'push', samples: own });
      queued += samples.length;
    },
    close: () => current().thread.post({ id: current().id, type: 'finish' }),
  });
  const dropAll = (): void => {
    for (const segment of segments) {
      if (segment.done) continue;
      segment.done = true;
      segment.thread.close(segment.id);
      segment.thread.post({ id: segment.id, type: 'abort' });
    }
  };
  return {
    push: (samples) => {
      if (closed) return Promise.resolve();
      if (error !== undefined) return Promise.reject(new Error(error));
      segmenter.push(samples);
      if (queued <= maxQueued) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
      });
    },
    finish: () =>
      new Promise<readonly Uint8Array[]>((resolve, reject) => {
        if (closed) throw new Error('MP3 stream already ended');
        closed = true;
        if (error !== undefined || segments.some((s) => s.thread.dead && !s.done)) {
          dropAll();
          reject(new Error(error ?? 'MP3 encoder: thread failed'));
          return;
        }
        finished = { resolve, reject };
        segmenter.end();
        settleFinish();
      }),
    abort: () => {
      if (closed) return;
      closed = true;
      // No push waits for a stream that will not be encoded.
      for (const waiter of waiting) waiter.resolve();
      waiting = [];
      dropAll();
    },
  };
}
