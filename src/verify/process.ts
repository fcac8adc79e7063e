import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The environment a validator is looked for and run in (the process's, or a test's stripped one). */
export type Env = Readonly<Record<string, string | undefined>>;

export interface ProcessResult {
  /** Exit code; null when the process was killed (timeout) or could not start. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Bytes written to stdout (counted even when `keepStdout` is false). */
  readonly stdoutBytes: number;
  /** Why the process did not run to its end: it could not start, or it ran out of time. */
  readonly failure?: string;
}

export interface RunOptions {
  readonly env: Env;
  readonly cwd?: string;
  readonly timeoutMs: number;
  /** False for a decoder's PCM on stdout: only its length is kept. */
  readonly keepStdout?: boolean;
}

/** Output past this is dropped (a validator's report goes to a file; its console is for messages). */
const MAX_TEXT = 8 << 20;

/** Runs `command` to its end and never throws: a failure to start or a timeout is in `failure`. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: { ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure = `no answer within ${Math.round(options.timeoutMs / 1000)} s`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.keepStdout !== false && stdoutBytes < MAX_TEXT) out.push(chunk);
      stdoutBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrBytes < MAX_TEXT) err.push(chunk);
      stderrBytes += chunk.length;
    });
    child.on('error', (error) => {
      failure = `could not start ${command}: ${error.message}`;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: failure ? null : code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes, ...(failure ? { failure } : {}) });
    });
  });
}

/** Every executable `name` on `env.PATH`, in PATH order. Looked up here rather than by a shell, so a stripped PATH is honoured exactly. */
export async function findCommands(name: string, env: Env): Promise<string[]> {
  const found: string[] = [];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      if ((await stat(candidate)).isFile()) found.push(candidate);
    } catch {
      // not in this folder
    }
  }
  return found;
}

/** The executable `name` that `env.PATH` finds first, or undefined. */
export async function findCommand(name: string, env: Env): Promise<string | undefined> {
  return (await findCommands(name, env))[0];
}

/**
 * Whether a Java class-path glob (`/cache/verapdf-lib/*`) names a folder with
 * jars, or a class path entry that is a jar; the reason when it does not.
 */
export async function classPathProblem(classPath: string): Promise<string | undefined> {
  for (const entry of classPath.split(path.delimiter)) {
    const dir = entry.endsWith(`${path.sep}*`) ? entry.slice(0, -2) : undefined;
    try {
      if (dir === undefined) {
        if (!(await stat(entry)).isFile()) return `${entry} is not a file`;
      } else if (!(await readdir(dir)).some((name) => name.endsWith('.jar'))) return `${dir} holds no .jar file`;
    } catch {
      return `${dir ?? entry} does not exist`;
    }
  }
  return undefined;
}

/** The last lines of a tool's console output, for a message saying why it failed. */
export function tail(text: string, lines = 5): string {
  return text.trim().split('\n').slice(-lines).join(' | ');
}
