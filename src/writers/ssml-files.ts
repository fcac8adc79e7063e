import type { Document } from '../model/types.js';
import type { OutputFile, WriterOptions } from './types.js';
import { assertValidSsml, SsmlValidationError } from '../speech/validate.js';
import { profileSsmlProblems } from '../speech/ssml/check.js';
import { chunkNarration } from '../speech/ssml/chunk.js';
import { narrationSsml } from '../speech/ssml/document.js';
import { isProfileName, PROFILE_NAMES, type ProfileName, PROFILES } from '../speech/ssml/profiles.js';
import { narrationScript } from '../speech/ssml/script-model.js';

/*
 * `narration.ssml`: the whole article as one SSML 1.1 document (title and
 * date first, <p>/<s>, a <mark> named for each sentence id, pauses between
 * blocks). With a provider profile, also the article in request-sized chunks
 * `narration.<profile>.001.ssml`, ... Every file is checked before it is
 * returned: a document that is not valid is an error, never a file.
 */

function chunkName(profile: ProfileName, index: number): string {
  return `narration.${profile}.${String(index + 1).padStart(3, '0')}.ssml`;
}

/** The SSML files of a document for the given options. */
export function ssmlFiles(doc: Document, options: WriterOptions): OutputFile[] {
  const scriptOptions = options.script ?? {};
  const script = narrationScript(doc, scriptOptions);
  const narration = narrationSsml(script, PROFILES.w3c);
  assertValidSsml(narration, 'narration.ssml');
  const files: OutputFile[] = [{ name: 'narration.ssml', data: narration }];
  const profileName = scriptOptions.profile ?? 'w3c';
  // Options arrive as plain data (a library caller's, a job's): a name outside the list is refused by name.
  if (!isProfileName(profileName)) throw new Error(`unknown SSML profile "${String(profileName)}"; choose from ${PROFILE_NAMES.join(', ')}`);
  if (profileName !== 'w3c') {
    const profile = PROFILES[profileName];
    chunkNarration(script, profile, scriptOptions.voice).forEach((chunk, i) => {
      const name = chunkName(profileName, i);
      // The provider's own root may differ from SSML 1.1's (Polly and Google document a bare <speak>); the content must still be valid SSML 1.1.
      const problems = profileSsmlProblems(chunk.ssml, profile, script.lang);
      if (problems.length > 0) throw new SsmlValidationError(problems, name);
      files.push({ name, data: chunk.ssml });
    });
  }
  return files;
}
