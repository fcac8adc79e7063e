import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { watch } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';

/*
 * The built CLI killed with SIGKILL at many points of a 20-article batch with
 * every default format (audio included) in two worker threads, over a folder
 * of outputs from an earlier version of the articles. After each kill every
 * article folder is either exactly as before or complete (its files are the
 * ones its manifest lists, document.json parses and validates, and every byte
 * is what a clean run writes); then the same command, run again, leaves
 * exactly what a clean run leaves.
 */
const CLI = path.resolve('dist/cli/bin.js');
const ARTICLES = 20;
const slugs = Array.from({ length: ARTICLES }, (_, i) => `story-${String(i + 1).padStart(2, '0')}`);

type Tree = Map<string, string>;

/** Every file under `dir` (dot-names too) by relative path, as a hash of its bytes. */
async function tree(dir: string, prefix = ''): Promise<Tree> {
  const files: Tree = new Map();
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of await tree(path.join(dir, entry.name), rel)) files.set(k, v);
    else files.set(rel, createHash('sha256').update(await readFile(path.join(dir, entry.name))).digest('hex'));
  }
  return files;
}

/** The files of one folder of a tree, named relative to it. */
function folderOf(all: Tree, folder: string): Tree {
  const files: Tree = new Map();
  for (const [k, v] of all) if (k.startsWith(`${folder}${path.sep}`)) files.set(k.slice(folder.length + 1), v);
  return files;
}

const same = (a: Tree, b: Tree): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

async function articles(dir: string, version: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [i, slug] of slugs.entries()) {
    const day = String(i + 1).padStart(2, '0');
    await writeFile(path.join(dir, `${slug}.md`), `---\ntitle: Story ${day}\nlang: en\ndate: 2024-01-${day}\n---\nThe council met on day ${day}, ${version}. It agreed the budget.\n`);
  }
}

function runToEnd(input: string, out: string): void {
  const run = spawnSync(process.execPath, [CLI, input, '--out', out, '--jobs', '2', '--quiet'], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`voxpress exited ${run.status}: ${run.stderr}`);
}

/**
 * Runs the batch and kills it with SIGKILL once `when` says so: after a delay,
 * or at the n-th change the file system reports in `out` or in one of the
 * article folders there (watched one by one: Node's recursive watch on Linux
 * throws when a folder it found is gone before it looks inside).
 */
async function runKilled(input: string, out: string, when: Kill): Promise<void> {
  const child = spawn(process.execPath, [CLI, input, '--out', out, '--jobs', '2', '--quiet'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (): void => void child.kill('SIGKILL');
  let timer: NodeJS.Timeout | undefined;
  const watchers: ReturnType<typeof watch>[] = [];
  if ('afterMs' in when) timer = setTimeout(kill, when.afterMs);
  else {
    let seen = 0;
    const onChange = (): void => {
      if (++seen === when.atFileEvent) kill();
    };
    for (const dir of [out, ...slugs.map((slug) => path.join(out, slug))]) watchers.push(watch(dir, onChange).on('error', () => undefined));
  }
  await exited;
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
}

let work: string;
let input: string;
let before: Tree;
let clean: Tree;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vox-kill-'));
  input = path.join(work, 'in');
  await articles(input, 'first version');
  runToEnd(input, path.join(work, 'before'));
  before = await tree(path.join(work, 'before'));
  await articles(input, 'second version');
  runToEnd(input, path.join(work, 'clean'));
  clean = await tree(path.join(work, 'clean'));
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

type Kill = { afterMs: number } | { atFileEvent: number };

/** Before the first write, then across the write phase (a whole run makes some 340 such events here; the version before all-or-nothing folders, 660). */
const KILLS: Kill[] = [{ afterMs: 300 }, ...[1, 30, 80, 150, 230, 310].map((n) => ({ atFileEvent: n }))];

describe('killed with SIGKILL at any point', () => {
  it('leaves every folder as it was or complete, and a rerun leaves exactly what a clean run does', async () => {
    expect(before.size).toBe(ARTICLES * 8);
    const tally = { asBefore: 0, complete: 0, retiredAside: 0 };
    for (const [k, when] of KILLS.entries()) {
      const out = path.join(work, `killed-${k}`);
      await cp(path.join(work, 'before'), out, { recursive: true });
      await runKilled(input, out, when);
      const after = await tree(out);
      const entries = await readdir(out);
      for (const slug of slugs) {
        const old = folderOf(before, slug);
        const now = folderOf(after, slug);
        const where = `kill ${JSON.stringify(when)}, ${slug}`;
        if (!entries.includes(slug)) {
          // Killed between the two renames: the old folder, whole, under the name the next run moves back.
          const retired = entries.filter((n) => n.startsWith(`.${slug}.old-`));
          expect(retired, where).toHaveLength(1);
          expect(same(folderOf(after, retired[0]!), old), where).toBe(true);
          tally.retiredAside++;
        } else if (same(now, old)) tally.asBefore++;
        else {
          const manifest = JSON.parse(await readFile(path.join(out, slug, '.voxpress.json'), 'utf8')) as { outputs: string[] };
          expect([...now.keys()].filter((n) => n !== '.voxpress.json').sort(), where).toEqual([...manifest.outputs].sort());
          expect(documentProblems(JSON.parse(await readFile(path.join(out, slug, 'document.json'), 'utf8'))), where).toEqual([]);
          expect(same(now, folderOf(clean, slug)), where).toBe(true);
          tally.complete++;
        }
      }
      runToEnd(input, out);
      const rerun = await tree(out);
      expect([...rerun.keys()].filter((n) => !clean.has(n)), `kill ${JSON.stringify(when)}: left over`).toEqual([]);
      expect(same(rerun, clean), `kill ${JSON.stringify(when)}: rerun differs from a clean run`).toBe(true);
      await rm(out, { recursive: true, force: true });
    }
    console.info(`kill test: ${KILLS.length} kills, folders afterwards: ${JSON.stringify(tally)}`);
    // The kills must have landed both before and during the writes, or the test proved nothing.
    expect(tally.asBefore).toBeGreaterThan(0);
    expect(tally.complete).toBeGreaterThan(0);
  }, 600_000);
});
