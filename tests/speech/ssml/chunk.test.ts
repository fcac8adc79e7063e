import { readFileSync } from 'node:fs';
import { XmlDocument } from 'libxml2-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/readers/index.js';
import type { Document } from '../../../src/model/types.js';
import { sentences } from '../../../src/model/walk.js';
import { displayDate } from '../../../src/shared/dates.js';
import { chunkNarration, ESTIMATED_CHARS_PER_SECOND } from '../../../src/speech/ssml/chunk.js';
import { PROFILES, w3cRoot } from '../../../src/speech/ssml/profiles.js';
import { narrationScript } from '../../../src/speech/ssml/script-model.js';
import { ssmlFiles } from '../../../src/writers/ssml-files.js';
import { ssmlProblems } from '../../../src/speech/validate.js';
import { documentOf, parseSsml } from '../../helpers/speech.js';

/** A 4,000-word article: the sample's paragraphs with numbers, dates and abbreviations mixed in, and headings. */
function longArticle(): string {
  const sample = readFileSync('input/khorev-asif-meeting.txt', 'utf8').replace(/^\s*date\s+\S+\s*/, '');
  const paragraphs = sample.split(/\n\s*\n/).map((p) => p.trim());
  const extra = 'On Sept. 18, Mr. Smith of the FBI said $1.2 billion, or 45,756 jobs and 95% of the 1990s budget, would move by 5 p.m. on 2024-10-08.';
  const out: string[] = ['# A long day of talks'];
  let words = 0;
  for (let i = 0; words < 4000; i++) {
    if (i % 7 === 6) out.push(`## Part ${i}`);
    const p = `${paragraphs[i % paragraphs.length]} ${extra}`;
    out.push(p);
    words += p.split(/\s+/).length;
  }
  return `---\ndate: 2024-10-08\n---\n\n${out.join('\n\n')}\n`;
}

/** Sizes of a chunk, measured on the parsed document (not with the chunker's own code). */
function measured(xml: string): { text: number; total: number; bytes: number; audioMs: number } {
  const doc = XmlDocument.fromString(xml);
  try {
    const aliases = doc.find('//@alias').map((a) => a.content.length);
    const breaks = doc.find('//@time').map((t) => Number(t.content.replace(/ms$/, '')));
    const parsed = parseSsml(xml);
    const spoken = parsed.sentences.map((s) => s.spoken).join('').length;
    return {
      text: doc.root.content.length + aliases.reduce((a, b) => a + b, 0),
      total: xml.length,
      bytes: Buffer.byteLength(xml, 'utf8'),
      audioMs: (spoken / ESTIMATED_CHARS_PER_SECOND) * 1000 + breaks.reduce((a, b) => a + b, 0),
    };
  } finally {
    doc.dispose();
  }
}

describe('provider profiles on a 4,000-word article', () => {
  let doc: Document;
  let expectedTexts: string[];
  beforeAll(() => {
    doc = parseArticle(longArticle(), { format: 'markdown' });
    expectedTexts = [doc.meta.title, doc.meta.date ? displayDate(doc.meta.date, doc.meta.lang) : '', ...sentences(doc).map((s) => s.text)];
  });

  it('is a 4,000-word article', () => {
    expect(sentences(doc).map((s) => s.text).join(' ').split(/\s+/).length).toBeGreaterThanOrEqual(4000);
  });

  it.each(['polly', 'azure', 'google'] as const)('%s: chunks respect the limits and hold every sentence exactly once, in order', (profile) => {
    const files = ssmlFiles(doc, { script: { profile, voice: 'en-GB-SoniaNeural' } });
    expect(files[0]?.name).toBe('narration.ssml');
    const chunks = files.slice(1);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((f) => f.name)).toEqual(chunks.map((_, i) => `narration.${profile}.${String(i + 1).padStart(3, '0')}.ssml`));
    const held: string[] = [];
    for (const file of chunks) {
      const xml = String(file.data);
      const size = measured(xml);
      if (profile === 'polly') {
        expect(size.text).toBeLessThanOrEqual(3000);
        expect(size.total).toBeLessThanOrEqual(6000);
      }
      if (profile === 'google') expect(size.bytes).toBeLessThanOrEqual(5000);
      if (profile === 'azure') {
        expect(size.audioMs).toBeLessThanOrEqual(10 * 60 * 1000);
        expect(xml).toContain('<voice name="en-GB-SoniaNeural">');
        // Azure's own root (SSML 1.0 version) is still valid against the SSML schema.
        expect(ssmlProblems(xml)).toEqual([]);
      } else {
        // Polly and Google take a bare <speak>: the content must be valid SSML 1.1 under the standard root.
        expect(xml.startsWith('<speak>')).toBe(true);
        expect(ssmlProblems(`${w3cRoot('en')}${xml.slice('<speak>'.length)}`)).toEqual([]);
      }
      const parsed = parseSsml(xml);
      const names = new Set(parsed.elementNames);
      if (!PROFILES[profile].emphasis) expect(names.has('emphasis')).toBe(false);
      if (!PROFILES[profile].marks) expect(names.has('mark')).toBe(false);
      held.push(...parsed.sentences.map((s) => s.written));
    }
    expect(held).toEqual(expectedTexts);
  });

  it('fails with a clear message when one sentence alone is over a limit', () => {
    const huge = documentOf([`${'word '.repeat(700)}end.`]);
    expect(() => chunkNarration(narrationScript(huge), PROFILES.polly)).toThrow(/sentence p1s1 alone is over the polly request limit \(\d+ billed characters > 3000/);
  });
});
