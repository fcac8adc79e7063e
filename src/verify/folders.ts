import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describeFsError } from '../io/errors.js';
import { MANIFEST } from '../pipeline/key.js';
import { documentJsonOutcome } from './checks/model.js';
import { timingOf } from './checks/timing.js';
import type { ArticleContext } from './validator.js';

/*
 * Which folders hold voxpress outputs, what is in each, and what the other
 * checks need to know of it (the document, the timing).
 */

/** The files voxpress writes in an article folder, in the order the report lists them. */
const OUTPUT_ORDER: readonly RegExp[] = [
  new RegExp(`^${MANIFEST.replace('.', '\\.')}$`),
  /^document\.json$/,
  /^narration\.ssml$/,
  /^narration\.[a-z]+\.\d{3}\.ssml$/,
  /^narration\.mp3$/,
  /^timing\.json$/,
  /^narration\.vtt$/,
  /^narration\.wav$/,
  /^article\.epub$/,
  /^article\.pdf$/,
];

const rank = (name: string): number => OUTPUT_ORDER.findIndex((pattern) => pattern.test(name));

/** voxpress's outputs among `names`, in report order. */
export function outputFiles(names: readonly string[]): string[] {
  return names.filter((n) => rank(n) >= 0).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export interface ArticleFolder {
  /** Relative to the verified folder; `.` when that folder is itself an article folder. */
  readonly folder: string;
  readonly files: readonly string[];
}

/** A folder that cannot be verified: it is missing, not a folder, or holds no voxpress outputs (a usage error). */
export class FolderError extends Error {}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return outputFiles(entries.filter((e) => e.isFile()).map((e) => e.name));
}

/**
 * The article folders to verify: `root` itself when it holds voxpress outputs,
 * else each folder directly inside it that does (as `voxpress -o root` writes
 * them), sorted by name.
 */
export async function findArticles(root: string): Promise<ArticleFolder[]> {
  try {
    if (!(await stat(root)).isDirectory()) throw new FolderError(`${root} is not a folder`);
  } catch (error) {
    if (error instanceof FolderError) throw error;
    throw new FolderError(`${root}: ${describeFsError(error)}`);
  }
  const own = await filesIn(root);
  if (own.length > 0) return [{ folder: '.', files: own }];
  const articles: ArticleFolder[] = [];
  const folders = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  for (const name of folders) {
    const files = await filesIn(path.join(root, name));
    if (files.length > 0) articles.push({ folder: name, files });
  }
  if (articles.length === 0) throw new FolderError(`${root} holds no voxpress outputs (article folders with ${MANIFEST}, document.json, narration.*, article.epub or article.pdf)`);
  return articles;
}

async function json(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** What an article's document.json and timing.json say, where they are usable (their own checks report them when they are not). */
export async function articleContext(root: string, article: ArticleFolder): Promise<ArticleContext> {
  const dir = path.join(root, article.folder);
  const docText = article.files.includes('document.json') ? await readFile(path.join(dir, 'document.json'), 'utf8').catch(() => undefined) : undefined;
  const document = docText === undefined ? undefined : documentJsonOutcome(docText).document;
  const timing = article.files.includes('timing.json') ? timingOf(await json(path.join(dir, 'timing.json'))) : undefined;
  return { ...(document ? { document } : {}), ...(timing ? { timing } : {}) };
}
