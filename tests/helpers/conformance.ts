import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Conformance tools (Java EPUBCheck 4 and 5, veraPDF, Ace with chromium,
 * poppler, qpdf, mpg123, Mutagen) come from Debian and Maven Central, not npm
 * (.ci/run installs them). With VOXPRESS_CONFORMANCE=1 (as in CI) a test that
 * needs one must run, and a missing tool is a failure; without it the test is
 * skipped and says so.
 */
export const CONFORMANCE = process.env.VOXPRESS_CONFORMANCE === '1';

/** Whether `command` is on the PATH (or, given as an absolute path, whether that file exists). */
export function hasCommand(command: string): boolean {
  if (path.isAbsolute(command)) return existsSync(command);
  try {
    execFileSync('sh', ['-c', `command -v "$1"`, 'sh', command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether to skip a test that needs `commands`: false when they are all present;
 * under VOXPRESS_CONFORMANCE=1 a missing one throws, so the suite fails loudly.
 */
export function skipWithout(...commands: string[]): boolean {
  const missing = commands.filter((c) => !hasCommand(c));
  if (missing.length === 0) return false;
  if (CONFORMANCE) throw new Error(`VOXPRESS_CONFORMANCE=1 but ${missing.join(', ')} not installed`);
  console.warn(`skipping conformance checks: ${missing.join(', ')} not installed (set VOXPRESS_CONFORMANCE=1 to require them)`);
  return true;
}

/**
 * Whether to skip a test that needs a validator `voxpress verify` looks for
 * (a class path in an environment variable, a Python with mutagen, ...): false
 * when it was found; under VOXPRESS_CONFORMANCE=1 a missing one throws.
 */
export function skipUnlessFound(name: string, found: object): boolean {
  if (!('missing' in found)) return false;
  const why = String((found as { missing: unknown }).missing);
  if (CONFORMANCE) throw new Error(`VOXPRESS_CONFORMANCE=1 but ${name} is missing: ${why}`);
  console.warn(`skipping conformance checks: ${name} is missing: ${why} (set VOXPRESS_CONFORMANCE=1 to require it)`);
  return true;
}
