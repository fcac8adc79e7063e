import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describeFsError } from '../io/errors.js';
import { MANIFEST } from '../pipeline/key.js';
import { spokenIds } from '../speech/ssml/script-model.js';
import { VERSION } from '../shared/version.js';
import { manifestOutcome } from './checks/manifest.js';
import { documentJsonOutcome } from './checks/model.js';
import { overlayOutcome } from './checks/overlay.js';
import { SSML_FILE, ssmlOutcome } from './checks/ssml.js';
import { timingOutcome } from './checks/timing.js';
import { vttOutcome } from './checks/vtt.js';
import { notChecked, oneAtATime, relativePath, type Absent, type Job, type Located, type Outcome, type Validator } from './validator.js';

/*
 * The checks voxpress carries itself: they run in this process, on every
 * machine, and check what no outside validator knows (the document model, the
 * ids every output shares, the timing). Each names the library it runs on.
 */

type Check = (job: Job, bytes: Buffer) => Outcome | Promise<Outcome>;

const require = createRequire(import.meta.url);

/** voxpress's version, and that of the library a check runs on (`voxpress 0.1.0, libxml2-wasm 0.7.2`). */
function versionWith(library?: string): string {
  if (!library) return `voxpress ${VERSION}`;
  let version = 'unknown';
  try {
    version = (require(`${library}/package.json`) as { version: string }).version;
  } catch {
    // a package that hides its package.json: its version stays unknown
  }
  return `voxpress ${VERSION}, ${library} ${version}`;
}

/** Runs `check` on each job's file; a file that cannot be read is not checked, which is a failure. */
function inProcess(version: string, check: Check): Located {
  return oneAtATime(version, async (job) => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(job.root, relativePath(job)));
    } catch (error) {
      return notChecked('the file', `cannot read it: ${describeFsError(error)}`);
    }
    return check(job, bytes);
  });
}

function builtin(id: string, name: string, library: string | undefined, checks: string, appliesTo: (file: string) => boolean, check: Check): Validator {
  return { id, name, checks, install: 'part of voxpress', appliesTo, locate: async () => inProcess(versionWith(library), check) };
}

export const MODEL = builtin('model', 'voxpress document model', undefined, 'document.json: the document model\'s shape, ids and sentence text', (f) => f === 'document.json', (_job, bytes) => documentJsonOutcome(bytes.toString('utf8')).outcome);

export const SSML = builtin('ssml', 'SSML 1.1 schema (libxml2)', 'libxml2-wasm', 'narration.ssml and provider chunks against the W3C SSML 1.1 XML Schema', (f) => SSML_FILE.test(f), (job, bytes) =>
  ssmlOutcome(job.file, bytes.toString('utf8'), job.context.document?.meta.lang ?? 'en'),
);

export const TIMING = builtin('timing', 'voxpress timing', undefined, 'timing.json: shape, order, chapters, and unit ids equal to the document\'s narrated ids', (f) => f === 'timing.json', (job, bytes) =>
  timingOutcome(bytes.toString('utf8'), job.context.document && spokenIds(job.context.document)),
);

export const WEBVTT = builtin('webvtt', 'W3C WebVTT parser', 'webvtt-parser', 'narration.vtt parsed by the W3C parser (webvtt-parser); at most 2 lines of 42 characters a cue; cue ids, times and words equal to timing.json', (f) => f === 'narration.vtt', (job, bytes) =>
  vttOutcome(bytes.toString('utf8'), job.context.timing),
);

export const OVERLAY = builtin('overlay', 'voxpress media overlays', 'libxml2-wasm', 'article.epub\'s SMIL: targets exist, ids equal to timing.json\'s units', (f) => f === 'article.epub', (job, bytes) => overlayOutcome(bytes, job.context.timing));

export const MANIFEST_CHECK = builtin('manifest', 'voxpress manifest', undefined, `${MANIFEST}: every output the run recorded is present`, (f) => f === MANIFEST, async (job, bytes) =>
  manifestOutcome(bytes.toString('utf8'), new Set(await readdir(path.join(job.root, job.article)))),
);

/**
 * voxpress's own PDF/UA checks (src/verify/pdfua.ts). They read the file with
 * pdf.js and pdf-lib, development dependencies: where those are not
 * installed the checks are missing, like any other validator.
 */
async function locatePdfUa(): Promise<Located | Absent> {
  let checker: typeof import('./pdfua.js');
  try {
    checker = await import('./pdfua.js');
  } catch (error) {
    return { missing: `pdfjs-dist and pdf-lib cannot be loaded (${(error as Error).message.split('\n')[0]})` };
  }
  const checked = `${Object.keys(checker.CHECKS).length} checks: ${Object.entries(checker.CHECKS).map(([name, rule]) => `${name} (${rule.split(':')[0]})`).join(', ')}`;
  return inProcess(`${versionWith()}, pdf.js ${checker.PDFJS_VERSION}`, async (_job, bytes) => {
    const findings = await checker.checkPdfUa(new Uint8Array(bytes)).catch((error: unknown) => [{ check: 'read', message: `pdf.js cannot read it: ${(error as Error).message}` }]);
    return { checked, counts: { checks: Object.keys(checker.CHECKS).length, problems: findings.length }, findings: findings.map((f) => ({ rule: f.check, message: f.message })) };
  });
}

export const PDFUA: Validator = {
  id: 'pdfua',
  name: 'voxpress PDF/UA checks (pdf.js)',
  checks: 'article.pdf: the Matterhorn conditions voxpress checks itself (structure tree, tagging, metadata, language, links, fonts); a fallback and cross-check for veraPDF',
  install: 'npm install pdfjs-dist@5 pdf-lib@1 next to voxpress (they come with a development checkout)',
  appliesTo: (f) => f === 'article.pdf',
  locate: locatePdfUa,
};
