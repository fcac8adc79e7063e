import { isoDay } from '../shared/dates.js';
import type { DraftMetadata } from '../model/draft.js';
import { ReaderError } from './types.js';

/** Thrown for metadata of the wrong shape; the caller names the file. */
export class SidecarError extends ReaderError {
  override name = 'SidecarError';
}

function stringField(record: Record<string, unknown>, key: string, where: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new SidecarError(`${where}: "${key}" must be a string`);
}

function authorsField(record: Record<string, unknown>, where: string): string[] | undefined {
  const value = record.authors ?? record.author;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  throw new SidecarError(`${where}: "author" must be a string or a list of strings`);
}

/**
 * Article metadata from a key/value record (a JSON sidecar or YAML front
 * matter): title, lang (or language), author/authors, source (or publisher),
 * description, date. Unknown keys are ignored.
 */
export function metadataFromRecord(record: Record<string, unknown>, where: string): DraftMetadata {
  const title = stringField(record, 'title', where);
  const lang = stringField(record, 'lang', where) ?? stringField(record, 'language', where);
  const authors = authorsField(record, where);
  const source = stringField(record, 'source', where) ?? stringField(record, 'publisher', where);
  const description = stringField(record, 'description', where);
  const date = stringField(record, 'date', where);
  return {
    ...(title !== undefined ? { title } : {}),
    ...(lang !== undefined ? { lang } : {}),
    ...(authors !== undefined ? { authors } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(date !== undefined ? { date } : {}),
  };
}

/** The metadata in a sidecar JSON file's text. */
export function readSidecar(json: string): DraftMetadata {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SidecarError(`invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new SidecarError('must be a JSON object');
  return metadataFromRecord(data as Record<string, unknown>, 'sidecar');
}
