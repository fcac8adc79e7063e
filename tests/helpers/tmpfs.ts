import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONFORMANCE } from './conformance.js';

/**
 * A small tmpfs mounted on a fresh folder, to make a disk fill up for real.
 * Mounting needs root (CI runs as root): without it the test is skipped and
 * says so, and under VOXPRESS_CONFORMANCE=1 that is a failure.
 */
export interface Tmpfs {
  readonly dir: string;
  unmount(): void;
}

/** A tmpfs of `bytes` bytes, or undefined (with a warning) where mounting one is not possible. */
export function mountTmpfs(bytes: number): Tmpfs | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vox-tmpfs-'));
  try {
    if (process.getuid?.() !== 0) throw new Error('not running as root');
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    rmdirSync(dir);
    const why = `cannot mount a tmpfs: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    if (CONFORMANCE) throw new Error(`VOXPRESS_CONFORMANCE=1 but ${why}`);
    console.warn(`skipping the disk-full test: ${why} (set VOXPRESS_CONFORMANCE=1 to require it)`);
    return undefined;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    },
  };
}
