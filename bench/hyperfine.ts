import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCommand } from '../src/verify/process.js';

/**
 * Whole processes timed by hyperfine (Debian's `hyperfine`), start-up
 * included on both sides: warm-up runs first, then at least five measured
 * runs of each command. The ratio is taken run by run (ours[i] / peer[i]),
 * so a burst of load hits both sides of the same pair.
 */

export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export interface Comparison {
  readonly name: string;
  readonly ours: Stats;
  readonly peer?: Stats & { readonly label: string };
  /** ours / peer, per run: above 1 means voxpress is slower. */
  readonly ratio?: Stats;
}

/** Which of `names` are on PATH, looked up as `voxpress verify` looks its validators up. */
export async function installedCommands(names: readonly string[]): Promise<ReadonlySet<string>> {
  const found = await Promise.all(names.map(async (name) => ((await findCommand(name, process.env)) ? name : undefined)));
  return new Set(found.filter((name): name is string => name !== undefined));
}

export function statsOf(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN, runs: sorted.length };
}

/** A command line for hyperfine's shell-less mode, every argument quoted. */
export function commandLine(argv: readonly string[]): string {
  return argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}

interface HyperfineResult {
  results: { command: string; times: number[] }[];
}

/** The seconds of each measured run of each command, in order. */
function runHyperfine(commands: readonly string[], runs: number, warmup: number, prepare?: string): number[][] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'voxpress-hyperfine-'));
  const json = path.join(dir, 'result.json');
  try {
    const args = ['--shell=none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json, '--style', 'none'];
    if (prepare) args.push('--prepare', prepare);
    execFileSync('hyperfine', [...args, ...commands], { stdio: ['ignore', 'ignore', 'inherit'] });
    const result = JSON.parse(readFileSync(json, 'utf8')) as HyperfineResult;
    return result.results.map((r) => r.times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CompareOptions {
  readonly runs?: number;
  readonly warmup?: number;
  /** Run before every timed run of either command (not timed): clearing an output folder. */
  readonly prepare?: readonly string[];
}

/** Times `ours` against `peer` (when given) as whole processes. */
export function compare(name: string, ours: readonly string[], peer?: { label: string; argv: readonly string[] }, options: CompareOptions = {}): Comparison {
  const runs = Math.max(5, options.runs ?? 5);
  const commands = [commandLine(ours), ...(peer ? [commandLine(peer.argv)] : [])];
  const [oursTimes = [], peerTimes = []] = runHyperfine(commands, runs, options.warmup ?? 1, options.prepare ? commandLine(options.prepare) : undefined);
  if (!peer) return { name, ours: statsOf(oursTimes) };
  return {
    name,
    ours: statsOf(oursTimes),
    peer: { ...statsOf(peerTimes), label: peer.label },
    ratio: statsOf(oursTimes.map((t, i) => t / (peerTimes[i] ?? NaN))),
  };
}

/** One whole process as GNU time measures it. */
export interface TimedRun {
  readonly status: number | null;
  readonly stderr: string;
  readonly wallSeconds: number;
  /** User plus system CPU time. */
  readonly cpuSeconds: number;
  readonly peakBytes: number;
}

/** A whole process run under GNU time (`/usr/bin/time`), or undefined when there is none or it printed no figures. */
export function timedRun(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): TimedRun | undefined {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', 'VOXPRESS_TIME %e %U %S %M', ...argv], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const match = /VOXPRESS_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (!match) return undefined;
  return { status: result.status, stderr: result.stderr, wallSeconds: Number(match[1]), cpuSeconds: Number(match[2]) + Number(match[3]), peakBytes: Number(match[4]) * 1024 };
}

/** Peak resident memory of a whole process, in bytes. */
export function peakMemory(argv: readonly string[]): number | undefined {
  return timedRun(argv)?.peakBytes;
}

/** The first line a tool prints about its version, or "not installed". */
export function versionOf(argv: readonly string[], installed: ReadonlySet<string>): string {
  const [command, ...args] = argv;
  if (!command || !installed.has(command)) return 'not installed';
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`.split('\n').find((l) => l.trim())?.trim() ?? 'unknown';
}
