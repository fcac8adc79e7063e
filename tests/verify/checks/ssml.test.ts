import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../../src/pipeline/render.js';
import { ssmlOutcome } from '../../../src/verify/checks/ssml.js';
import { smallDoc } from '../../helpers/verify.js';

async function files(profile: 'w3c' | 'polly' | 'azure' | 'google'): Promise<Map<string, string>> {
  const out = await renderDocument(smallDoc(), ['ssml'], { script: { profile } });
  return new Map(out.map((f) => [f.name, String(f.data)]));
}

describe('SSML check', () => {
  it.each(['w3c', 'polly', 'azure', 'google'] as const)('passes every file the %s profile writes', async (profile) => {
    const written = await files(profile);
    expect(written.size).toBe(profile === 'w3c' ? 1 : 2);
    for (const [name, text] of written) expect({ name, findings: ssmlOutcome(name, text, 'en').findings }).toEqual({ name, findings: [] });
  });

  it('fails an invalid narration.ssml with the schema\'s message and line', async () => {
    const text = (await files('w3c')).get('narration.ssml')!.replace('<s>', '<s><bogus/>');
    const outcome = ssmlOutcome('narration.ssml', text, 'en');
    expect(outcome.findings[0]).toMatchObject({ rule: 'ssml-1.1', message: expect.stringMatching(/bogus/), location: expect.stringMatching(/^line \d+$/) });
  });

  it('checks a bare-rooted chunk\'s content under the standard root, and its root', async () => {
    const text = (await files('polly')).get('narration.polly.001.ssml')!;
    expect(ssmlOutcome('narration.polly.001.ssml', text.replace('<s>', '<s><bogus/>'), 'en').findings[0]?.message).toMatch(/bogus/);
    expect(ssmlOutcome('narration.polly.001.ssml', text.replace('<speak>', '<talk>').replace('</speak>', '</talk>'), 'en').findings[0]?.message).toMatch(/not <speak>/);
    expect(ssmlOutcome('narration.polly.001.ssml', text.replace('</speak>', ''), 'en').findings[0]?.message).toMatch(/not well-formed/);
  });

  it('fails a chunk named for a profile that does not exist', () => {
    expect(ssmlOutcome('narration.acme.001.ssml', '<speak/>', 'en').findings.map((f) => f.rule)).toEqual(['profile']);
  });
});
