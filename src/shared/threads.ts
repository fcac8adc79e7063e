import { Worker, type ResourceLimits, type TransferListItem, type WorkerOptions } from 'node:worker_threads';

/**
 * The URL of a worker thread's entry module `name` beside the module at
 * `base` (the caller's `import.meta.url`). Under the test runner modules are
 * loaded from their TypeScript source, which a worker thread cannot run: the
 * compiled module in dist/ is used then (npm test builds first).
 */
export function threadEntry(name: string, base: string): URL {
  const url = new URL(`./${name}.${base.endsWith('.ts') ? 'ts' : 'js'}`, base);
  return url.pathname.endsWith('.ts') ? new URL(url.href.replace(/\/src\/(?!.*\/src\/)/, '/dist/').replace(/\.ts$/, '.js')) : url;
}

/**
 * The old-generation limit of a thread (`resourceLimits` of node:worker_threads;
 * an article's worker has --article-memory) for a helper thread it starts to
 * keep to, so that work moved to a helper is held to the same bound.
 */
export function inheritedLimits(own: ResourceLimits): ResourceLimits {
  return own.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: own.maxOldGenerationSizeMb } : {};
}

/** Who waits for the replies to one request (or one stream of requests) sharing an id. */
export interface ThreadListener<Reply> {
  reply(reply: Reply): void;
  /** The thread died (an error, or it exited): no reply will come. */
  failed(message: string): void;
}

/**
 * A helper thread kept for later work (what it loads is loaded once): it
 * holds the event loop only while some listener waits for it, so an idle one
 * never keeps a process alive; when it dies, every waiting listener is told
 * at once and `dead` says to make a new one (`liveThread`). Replies carry
 * the id their listener was opened with.
 */
export class KeptThread<Request, Reply extends { readonly id: number }> {
  private readonly worker: Worker;
  private readonly listeners = new Map<number, ThreadListener<Reply>>();
  dead = false;
  /** Settles with the exit code once the thread has stopped. */
  readonly exited: Promise<number>;

  constructor(entry: URL, options: WorkerOptions = {}) {
    this.worker = new Worker(entry, options);
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.listeners.get(reply.id)?.reply(reply));
    const fail = (message: string): void => {
      this.dead = true;
      const waiting = [...this.listeners.values()];
      this.listeners.clear();
      this.worker.unref();
      for (const listener of waiting) listener.failed(message);
    };
    this.worker.on('error', (error: Error) => fail(error.message));
    this.exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.on('exit', (code) => fail(`exited with code ${code}`));
  }

  /** Waits for replies with `id`: the thread keeps the process alive while any listener is open. */
  open(id: number, listener: ThreadListener<Reply>): void {
    this.listeners.set(id, listener);
    if (this.listeners.size === 1) this.worker.ref();
  }

  /** No more replies with `id` are wanted. */
  close(id: number): void {
    if (this.listeners.delete(id) && this.listeners.size === 0) this.worker.unref();
  }

  /**
   * Ends the thread now if no listener waits for it, so that the memory it
   * holds goes back at once (`dead` then says to make a new one); a thread in
   * use is left alone. Whether it ended.
   */
  endIfIdle(): boolean {
    if (this.dead || this.listeners.size > 0) return false;
    this.dead = true;
    void this.worker.terminate();
    return true;
  }

  post(request: Request, transfer: readonly TransferListItem[] = []): void {
    this.worker.postMessage(request, transfer);
  }
}

/** `current` while it lives, else a new thread from `make`. */
export function liveThread<T extends { readonly dead: boolean }>(current: T | undefined, make: () => T): T {
  return current && !current.dead ? current : make();
}
