import { profileSsmlProblems } from '../../speech/ssml/check.js';
import { isProfileName, PROFILES } from '../../speech/ssml/profiles.js';
import type { Outcome } from '../validator.js';

/** `narration.ssml`, or a provider's chunk `narration.<profile>.001.ssml`. */
export const SSML_FILE = /^narration(?:\.([a-z]+)\.\d{3})?\.ssml$/;

export const SSML_CHECKED = 'the W3C SSML 1.1 XML Schema (synthesis.xsd), with libxml2; a provider chunk\'s content under the standard root';

/** One SSML file of an article against the SSML 1.1 schema, read as the profile its name says it was written for. */
export function ssmlOutcome(file: string, text: string, lang: string): Outcome {
  const profileName = SSML_FILE.exec(file)?.[1] ?? 'w3c';
  if (!isProfileName(profileName)) {
    return { checked: SSML_CHECKED, counts: { problems: 1 }, findings: [{ rule: 'profile', message: `no SSML profile "${profileName}" (the file name says which service it was written for)` }] };
  }
  const problems = profileSsmlProblems(text, PROFILES[profileName], lang);
  return { checked: SSML_CHECKED, counts: { problems: problems.length }, findings: problems.map((p) => ({ rule: 'ssml-1.1', message: p.message, location: `line ${p.line}` })) };
}
