import { readFileSync } from 'node:fs';

/** The package version; part of every output's cache key, so an upgrade rebuilds. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
