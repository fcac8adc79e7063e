import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inheritedLimits, KeptThread, liveThread, threadEntry } from '../../src/shared/threads.js';

interface Echo {
  readonly id: number;
  readonly value: string;
}
interface EchoReply extends Echo {
  readonly heapLimitMb: number;
}

const ECHO = new URL('../fixtures/threads/echo.mjs', import.meta.url);

/** The replies to `id` on `thread`, until `count` have come or the thread fails. */
function replies(thread: KeptThread<Echo, EchoReply>, id: number, count: number): Promise<EchoReply[]> {
  return new Promise((resolve, reject) => {
    const got: EchoReply[] = [];
    thread.open(id, {
      reply: (reply) => {
        got.push(reply);
        if (got.length < count) return;
        thread.close(id);
        resolve(got);
      },
      failed: (message) => reject(new Error(message)),
    });
  });
}

describe('threadEntry', () => {
  it('maps a module run from its TypeScript source to the compiled entry in dist/, and a compiled one to its neighbour', () => {
    expect(threadEntry('mp3-thread', 'file:///repo/src/speech/audio/mp3-stream.ts').href).toBe('file:///repo/dist/speech/audio/mp3-thread.js');
    expect(threadEntry('writer-thread', 'file:///repo/dist/pipeline/beside-writers.js').href).toBe('file:///repo/dist/pipeline/writer-thread.js');
    // Only the last src/ of the path is the project's.
    expect(threadEntry('t', 'file:///home/src/app/src/a.ts').href).toBe('file:///home/src/app/dist/t.js');
  });
});

describe('KeptThread', () => {
  it('gives each listener the replies with its id', async () => {
    const thread = new KeptThread<Echo, EchoReply>(ECHO);
    const first = replies(thread, 1, 2);
    const second = replies(thread, 2, 1);
    thread.post({ id: 2, value: 'b' });
    thread.post({ id: 1, value: 'a1' });
    thread.post({ id: 1, value: 'a2' });
    expect((await first).map((r) => r.value)).toEqual(['a1', 'a2']);
    expect((await second).map((r) => r.value)).toEqual(['b']);
    expect(thread.dead).toBe(false);
    thread.post({ id: 9, value: 'exit' });
  });

  it('tells every waiting listener when the thread exits, and liveThread then makes a new one', async () => {
    const thread = new KeptThread<Echo, EchoReply>(ECHO);
    const waiting = [replies(thread, 1, 1), replies(thread, 2, 1)];
    thread.post({ id: 1, value: 'exit' });
    for (const reply of waiting) await expect(reply).rejects.toThrow('exited with code 3');
    expect(thread.dead).toBe(true);
    expect(liveThread(thread, () => thread)).toBe(thread);
    const next = liveThread(thread, () => new KeptThread<Echo, EchoReply>(ECHO));
    expect(next).not.toBe(thread);
    const reply = replies(next, 5, 1);
    next.post({ id: 5, value: 'again' });
    expect((await reply)[0]?.value).toBe('again');
    expect(liveThread(next, () => thread)).toBe(next);
    next.post({ id: 9, value: 'exit' });
  });

  it('ends an idle thread at once, and leaves one a listener waits for', async () => {
    const thread = new KeptThread<Echo, EchoReply>(ECHO);
    const waiting = replies(thread, 1, 1);
    expect(thread.endIfIdle()).toBe(false);
    thread.post({ id: 1, value: 'still here' });
    expect((await waiting)[0]?.value).toBe('still here');
    expect(thread.endIfIdle()).toBe(true);
    expect(thread.dead).toBe(true);
    // Terminated, not left to exit on its own: the fixture only exits with code 3 when asked.
    expect(await thread.exited).toBe(1);
    expect(thread.endIfIdle()).toBe(false);
  });

  it('lets the process end once nothing waits for it', async () => {
    const run = await promisify(execFile)(process.execPath, [fileURLToPath(new URL('../fixtures/threads/idle.mjs', import.meta.url))], { timeout: 20_000 });
    expect(run.stdout).toBe('reply ping\n');
  });
});

describe('inheritedLimits', () => {
  it('passes on the old-generation limit alone, and nothing when there is none', () => {
    expect(inheritedLimits({ maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 })).toEqual({ maxOldGenerationSizeMb: 96 });
    expect(inheritedLimits({})).toEqual({});
  });

  it('holds a helper thread to the limit it is given', async () => {
    const limited = new KeptThread<Echo, EchoReply>(ECHO, { resourceLimits: inheritedLimits({ maxOldGenerationSizeMb: 96 }) });
    const free = new KeptThread<Echo, EchoReply>(ECHO);
    const [limitedReply, freeReply] = [replies(limited, 1, 1), replies(free, 1, 1)];
    limited.post({ id: 1, value: 'limit' });
    free.post({ id: 1, value: 'limit' });
    const [limitedMb, freeMb] = [(await limitedReply)[0]!.heapLimitMb, (await freeReply)[0]!.heapLimitMb];
    // V8's heap limit is the old generation plus the young one's semispaces: near 96 MiB, far below a free thread's.
    expect(limitedMb).toBeGreaterThanOrEqual(96);
    expect(limitedMb).toBeLessThan(160);
    expect(freeMb).toBeGreaterThan(limitedMb * 4);
    for (const thread of [limited, free]) thread.post({ id: 9, value: 'exit' });
  });
});
