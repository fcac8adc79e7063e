import { ssmlProblems, wellFormedProblem, type SsmlProblem } from '../validate.js';
import { wrap } from './document.js';
import { PROFILES, type Profile } from './profiles.js';

/**
 * The problems of one SSML file written for `profile`, for the writer before
 * it writes the file and for `voxpress verify` after. The w3c and Azure roots
 * are SSML roots and are validated as they are; Polly's and Google's bare
 * `<speak>` is not, so such a file must be well-formed and its content must
 * be valid SSML 1.1 under the standard root.
 */
export function profileSsmlProblems(ssml: string, profile: Profile, lang: string): SsmlProblem[] {
  if (profile.name === 'w3c' || profile.name === 'azure') return ssmlProblems(ssml);
  const malformed = wellFormedProblem(ssml);
  if (malformed !== undefined) return [{ line: 0, message: `not well-formed: ${malformed}` }];
  const open = profile.open(lang, undefined);
  const close = profile.close();
  if (!ssml.startsWith(open) || !ssml.endsWith(close)) return [{ line: 1, message: `the document is not ${open}...${close.trim()}` }];
  // The standard root adds the XML declaration's line: problems are reported on the file's own lines.
  return ssmlProblems(wrap(ssml.slice(open.length, ssml.length - close.length), PROFILES.w3c, lang)).map((p) => ({ ...p, line: Math.max(1, p.line - 1) }));
}
