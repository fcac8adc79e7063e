import { createHash } from 'node:crypto';
import path from 'node:path';

/** Names Windows refuses for a file or folder, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_SLUG = 64;

/**
 * A folder name for an article file that is safe on every file system: lower
 * case ASCII letters, digits and hyphens, at most 64 characters, never a
 * reserved device name, never empty.
 */
export function slugOf(file: string): string {
  const base = path.basename(file, path.extname(file));
  const ascii = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  if (slug === '') slug = 'article';
  if (RESERVED.test(slug)) slug = `${slug}-article`;
  return slug;
}

/**
 * A slug for each input, distinct from every other: where two inputs would
 * share a folder, each gets a short hash of its path appended.
 */
export function uniqueSlugs(files: readonly string[]): Map<string, string> {
  const bySlug = new Map<string, string[]>();
  for (const file of files) {
    const slug = slugOf(file);
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), file]);
  }
  const result = new Map<string, string>();
  for (const [slug, group] of bySlug) {
    for (const file of group) {
      const hash = createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 8);
      result.set(file, group.length === 1 ? slug : `${slug}-${hash}`);
    }
  }
  // A hashed slug could in principle equal another input's plain slug; the hash makes that vanishingly rare, but check.
  const taken = new Set<string>();
  for (const [file, slug] of result) {
    let candidate = slug;
    for (let n = 2; taken.has(candidate); n++) candidate = `${slug}-${n}`;
    taken.add(candidate);
    result.set(file, candidate);
  }
  return result;
}
