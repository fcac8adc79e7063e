import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { cp, link, lstat, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { contentParts, totalLength, type FileContent } from '../shared/bytes.js';

/** A file to place in a folder, named relative to it. */
export interface FolderFile {
  readonly name: string;
  readonly data: FileContent;
}

/** Parts written per call: POSIX guarantees at least 16 buffers per `writev` and Linux takes 1024. */
const WRITEV_PARTS = 1024;

/** Bytes of an old file read at a time to compare it with a new one: the comparison never holds a large file whole. */
const COMPARE_WINDOW = 1 << 20;

/**
 * Flushes a folder's entries to disk, so a rename into it survives a power
 * cut. Platforms that cannot open a folder for syncing (Windows) skip it.
 */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EBADF', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Writes a new file and flushes it, so its bytes are on disk before any rename makes it visible. */
async function writeDurable(file: string, data: FileContent): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await writeParts(handle, contentParts(data));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes the parts in order, as they are (never joined into one copy). */
async function writeParts(handle: FileHandle, parts: readonly Uint8Array[]): Promise<void> {
  for (let i = 0; i < parts.length; i += WRITEV_PARTS) {
    const batch = parts.slice(i, i + WRITEV_PARTS);
    const expected = totalLength(batch);
    const { bytesWritten } = await handle.writev(batch);
    // writev may write less than asked (a signal, a full pipe); the rest then goes one part at a time.
    if (bytesWritten < expected) await writeRest(handle, batch, bytesWritten);
  }
}

/** Writes what `writev` left of `batch`, from byte `done` on. */
async function writeRest(handle: FileHandle, batch: readonly Uint8Array[], done: number): Promise<void> {
  let skip = done;
  for (const part of batch) {
    if (skip >= part.length) {
      skip -= part.length;
      continue;
    }
    await handle.writeFile(part.subarray(skip));
    skip = 0;
  }
}

/**
 * Writes `data` to `file` so that readers only ever see the old file or the
 * complete new one: write a temporary sibling, flush it, then rename it over
 * the target.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeDurable(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(file));
}

/** The temporary name `writeFileAtomic` uses; one left by a killed run is never a file of the folder. */
const TEMP_FILE = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * The siblings a folder replacement or removal uses: `.<name>.staging-<pid>-<hex>` (being built),
 * `.<name>.old-<pid>-<hex>` (being retired: put back if the new one never arrived) and
 * `.<name>.removed-<pid>-<hex>` (being deleted: never put back, it may be half gone).
 */
type Role = 'staging' | 'old' | 'removed';

function siblingName(dir: string, role: Role): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.${role}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

const SIBLING = /^\.(.+)\.(staging|old|removed)-(\d+)-[0-9a-f]+$/;

interface Sibling {
  readonly path: string;
  readonly role: Role;
  readonly pid: number;
}

/** Whether process `pid` is running (another voxpress still building its folder); our own pid never is, as one run replaces a folder once at a time. */
function runsElsewhere(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The staging, retired and removed siblings of `dir` left by runs that are no longer running. */
async function deadSiblings(dir: string): Promise<Sibling[]> {
  let names: string[];
  try {
    names = await readdir(path.dirname(dir));
  } catch {
    return [];
  }
  const found: Sibling[] = [];
  for (const name of names.sort()) {
    const match = SIBLING.exec(name);
    if (!match || match[1] !== path.basename(dir)) continue;
    const sibling = { path: path.join(path.dirname(dir), name), role: match[2] as Role, pid: Number(match[3]) };
    if (!runsElsewhere(sibling.pid)) found.push(sibling);
  }
  return found;
}

/**
 * Puts `dir` back the way a completed replacement or none would have left it,
 * after a run killed part-way: a folder retired but not yet replaced (the one
 * moment between the two renames of `replaceFolder`) is moved back, and the
 * staging, retired and removed folders and temporary files of dead runs are
 * removed. Whatever was killed, the folder is then exactly the old one or the
 * new one (or, for a removal, gone).
 */
export async function recoverFolder(dir: string): Promise<void> {
  const siblings = await deadSiblings(dir);
  const present = await lstat(dir).then(
    () => true,
    () => false,
  );
  const retired = siblings.find((s) => s.role === 'old');
  if (!present && retired) await rename(retired.path, dir);
  for (const sibling of siblings) if (sibling !== retired || present) await rm(sibling.path, { recursive: true, force: true });
  if (present || retired) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => TEMP_FILE.test(n))) await rm(path.join(dir, name), { force: true });
  }
}

/** `recoverFolder` for every folder of `parent` that a dead run left staging, retired or removed siblings of. */
export async function recoverFoldersIn(parent: string): Promise<void> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const folders = new Set(names.map((n) => SIBLING.exec(n)?.[1]).filter((n): n is string => n !== undefined));
  for (const name of [...folders].sort()) await recoverFolder(path.join(parent, name));
}

/** Whether `file` holds exactly `data` (compared only when the sizes agree, a window at a time). */
async function holds(file: string, data: FileContent): Promise<boolean> {
  const parts = contentParts(data);
  try {
    const info = await lstat(file);
    if (!info.isFile() || info.size !== totalLength(parts)) return false;
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return await sameBytes(handle, parts);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Whether the file behind `handle` reads exactly `parts`, from its start. */
async function sameBytes(handle: FileHandle, parts: readonly Uint8Array[]): Promise<boolean> {
  const window = Buffer.allocUnsafe(Math.min(COMPARE_WINDOW, Math.max(1, totalLength(parts))));
  let position = 0;
  for (const part of parts) {
    for (let from = 0; from < part.length; from += window.length) {
      const expected = part.subarray(from, from + window.length);
      const { bytesRead } = await handle.read(window, 0, expected.length, position);
      if (bytesRead !== expected.length || !window.subarray(0, bytesRead).equals(expected)) return false;
      position += bytesRead;
    }
  }
  return true;
}

/** Places `from` at `to` without copying bytes when the file system allows (a hard link), else as a copy. */
async function carry(from: string, to: string): Promise<void> {
  const info = await lstat(from);
  if (info.isFile()) {
    try {
      await link(from, to);
      return;
    } catch {
      // A file system without hard links: copy instead.
    }
  }
  await cp(from, to, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true, errorOnExist: true, force: false });
}

export interface ReplaceOptions {
  /** Whether an entry of the old folder that is not among the new files stays (a file the user put there); default: none stays. */
  readonly keep?: (name: string) => boolean;
}

/**
 * Replaces folder `dir` with one holding exactly `files` (and the old
 * entries `keep` selects), all at once, as `replaceFolderWith` does. A new
 * file identical to the old one keeps the old file (a hard link), so an
 * output that did not change keeps its inode and time.
 */
export async function replaceFolder(dir: string, files: readonly FolderFile[], options: ReplaceOptions = {}): Promise<void> {
  const oldNames = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  await replaceFolderWith(dir, async (staging) => {
    for (const file of files) {
      const previous = path.join(dir, file.name);
      if (oldNames?.includes(file.name) && (await holds(previous, file.data))) await carry(previous, path.join(staging, file.name));
      else await writeDurable(path.join(staging, file.name), file.data);
    }
    const keep = options.keep ?? (() => false);
    for (const name of oldNames ?? []) {
      if (files.some((f) => f.name === name) || TEMP_FILE.test(name) || !keep(name)) continue;
      await carry(path.join(dir, name), path.join(staging, name));
    }
  });
}

/**
 * Replaces folder `dir` (or creates it) with the one `fill` writes, all at
 * once: `fill` writes (and flushes) its files into a staging folder beside
 * `dir`, then the old folder is renamed aside, the staging folder renamed to
 * `dir` and the old one removed. For contents too large to hold in memory (a
 * download), where `replaceFolder` takes its files whole. A reader sees the
 * old folder or the new one, never a mix; between the two renames `dir` is
 * briefly absent, and `recoverFolder` undoes a run killed at that moment. On
 * any failure (`fill` throws, a full disk) the staging folder is removed and
 * `dir` is untouched.
 */
export async function replaceFolderWith(dir: string, fill: (staging: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  const staging = siblingName(dir, 'staging');
  try {
    await mkdir(staging);
    await fill(staging);
    await syncFolder(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const retired = siblingName(dir, 'old');
  const hadOld = await rename(dir, retired).then(
    () => true,
    async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      await rm(staging, { recursive: true, force: true });
      throw error;
    },
  );
  try {
    await rename(staging, dir);
  } catch (error) {
    if (hadOld) await rename(retired, dir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await syncFolder(path.dirname(dir));
  if (hadOld) await rm(retired, { recursive: true, force: true });
}

/**
 * Removes folder `dir` all at once: renamed aside, then deleted, so a reader
 * sees it whole or not at all, and a run killed while deleting leaves only a
 * sibling `recoverFolder` deletes (never puts back). False when there was no
 * folder.
 */
export async function removeFolder(dir: string): Promise<boolean> {
  const removed = siblingName(dir, 'removed');
  try {
    await rename(dir, removed);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  await syncFolder(path.dirname(dir));
  await rm(removed, { recursive: true, force: true });
  return true;
}
