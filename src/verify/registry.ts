import { MANIFEST_CHECK, MODEL, OVERLAY, PDFUA, SSML, TIMING, WEBVTT } from './builtin.js';
import { ACE } from './tools/ace.js';
import { EPUBCHECK5, EPUBCHECK_DEBIAN } from './tools/epubcheck.js';
import { MPG123 } from './tools/mpg123.js';
import { MUTAGEN } from './tools/mutagen.js';
import { VERAPDF } from './tools/verapdf.js';
import type { Validator } from './validator.js';

/**
 * Every validator `voxpress verify` knows, in report order: voxpress's own
 * checks first on each file, then the outside validators. Adding one is a
 * module with a `Validator` and a line here.
 */
export const VALIDATORS: readonly Validator[] = [MANIFEST_CHECK, MODEL, SSML, TIMING, WEBVTT, MPG123, MUTAGEN, OVERLAY, EPUBCHECK5, EPUBCHECK_DEBIAN, ACE, PDFUA, VERAPDF];
