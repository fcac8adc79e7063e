import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tagMp3 } from '../../../src/speech/audio/id3.js';
import type { Job, Located } from '../../../src/verify/validator.js';
import { MUTAGEN, mutagenOutcome, type Id3Reading } from '../../../src/verify/tools/mutagen.js';
import { skipUnlessFound } from '../../helpers/conformance.js';
import { silentMp3 } from '../../helpers/epub.js';
import { jobOf, smallDoc, timingFor } from '../../helpers/verify.js';

const doc = smallDoc();
const timing = timingFor(doc);
const job = jobOf('narration.mp3', { document: doc, timing });
const reading: Id3Reading = {
  version: '2.3',
  title: doc.meta.title,
  artist: 'Jane Reporter',
  tocs: [{ id: 'toc', ordered: true, top: true, children: timing.chapters.map((c) => c.id) }],
  chapters: Object.fromEntries(timing.chapters.map((c) => [c.id, { title: c.title, startMs: c.startMs, endMs: c.endMs }])),
};

describe('ID3 tags as Mutagen reads them', () => {
  it('pass when title, artist and chapters equal document.json and timing.json', () => {
    expect(mutagenOutcome(reading, job)).toMatchObject({ counts: { chapters: 2, problems: 0 }, findings: [] });
  });

  it('fail a wrong title, artist, CTOC or chapter, and a file without a tag', () => {
    const rules = (r: Id3Reading): string[] => mutagenOutcome(r, job).findings.map((f) => f.rule);
    expect(rules({ ...reading, title: 'Other' })).toEqual(['TIT2']);
    expect(rules({ ...reading, artist: null })).toEqual(['TPE1']);
    expect(rules({ ...reading, tocs: [{ id: 'toc', ordered: false, top: true, children: ['intro', 'h1'] }] })).toEqual(['CTOC']);
    expect(rules({ ...reading, tocs: [{ id: 'toc', ordered: true, top: true, children: ['h1', 'intro'] }] })).toEqual(['CTOC']);
    expect(rules({ ...reading, chapters: { ...reading.chapters, h1: { title: 'The plan', startMs: 1, endMs: 2 } } })).toEqual(['CHAP']);
    expect(rules({ ...reading, chapters: { ...reading.chapters, extra: { title: 'x', startMs: 0, endMs: 1 } } })).toEqual(['CHAP']);
    expect(rules({ error: "ID3NoHeaderError: doesn't start with an ID3 tag" })).toEqual(['ID3']);
    expect(mutagenOutcome(undefined, job).findings[0]?.rule).toBe('not-checked');
  });

  it('say what was not compared without document.json or timing.json', () => {
    expect(mutagenOutcome(reading, jobOf('narration.mp3')).checked).toMatch(/not compared: title and artist \(no valid document\.json\), chapters \(no usable timing\.json\)/);
  });

  it('is missing without a Python that has mutagen', async () => {
    expect(await MUTAGEN.locate({ PATH: '' })).toEqual({ missing: 'no python3' });
    expect(await MUTAGEN.locate({ PATH: '', VOXPRESS_PYTHON: '/no/python' })).toEqual({ missing: 'no Python with mutagen (tried /no/python)' });
  });
});

const found = await MUTAGEN.locate(process.env);

describe.skipIf(skipUnlessFound('Mutagen (python3-mutagen)', found))('Mutagen on a real tag (node-id3 writes, Mutagen reads)', () => {
  it('reads back the title, artist and chapters voxpress wrote', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-id3-'));
    await mkdir(path.join(dir, 'story'));
    const tagged = tagMp3(await silentMp3(1), { title: doc.meta.title, artist: 'Jane Reporter', lang: 'en', chapters: timing.chapters });
    await writeFile(path.join(dir, 'story', 'narration.mp3'), tagged);
    await writeFile(path.join(dir, 'story', 'untagged.mp3'), await silentMp3(1));
    const jobs: Job[] = [{ ...job, root: dir }, { ...job, root: dir, file: 'untagged.mp3' }];
    const [good, untagged] = await (found as Located).check(jobs);
    expect(good?.findings).toEqual([]);
    expect(untagged?.findings.map((f) => f.rule)).toEqual(['ID3']);
  });
});
