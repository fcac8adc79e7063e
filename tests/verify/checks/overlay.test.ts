import { describe, expect, it } from 'vitest';
import { overlayOutcome } from '../../../src/verify/checks/overlay.js';
import { buildEpub } from '../../../src/writers/epub/build.js';
import { deterministicZip } from '../../../src/writers/epub/zip.js';
import { joinBytes } from '../../../src/shared/bytes.js';
import { syntheticNarration, unzip } from '../../helpers/epub.js';
import { smallDoc, timingFor } from '../../helpers/verify.js';

const doc = smallDoc();

async function edited(book: Uint8Array, file: string, edit: (text: string) => string): Promise<Uint8Array> {
  const files = await unzip(book);
  files.set(file, new TextEncoder().encode(edit(new TextDecoder().decode(files.get(file)))));
  return joinBytes(await deterministicZip(files, new Date(0)));
}

describe('media overlay check', async () => {
  const narration = await syntheticNarration(doc);
  const book = await buildEpub(doc, {}, new Map(), narration);
  const timing = { ...timingFor(doc), units: narration.clips.map((c) => ({ id: c.id, startMs: c.startMs, endMs: c.endMs })) };

  it('passes the overlay the writer makes, with a par per narrated unit', async () => {
    const outcome = await overlayOutcome(book, timing);
    expect(outcome.findings).toEqual([]);
    expect(outcome.counts).toEqual({ overlays: 1, pars: timing.units.length, problems: 0 });
  });

  it('fails a <text> pointing at an id the content lacks, and ids that are not timing.json\'s', async () => {
    const broken = await edited(book, 'OEBPS/content.smil', (t) => t.replace('#p1s1"', '#no-such-id"'));
    const outcome = await overlayOutcome(broken, timing);
    expect(outcome.findings.map((f) => f.rule)).toEqual(['smil-target', 'ids']);
    expect(outcome.findings[0]?.message).toBe('<text src="content.xhtml#no-such-id">: OEBPS/content.xhtml has no element with id "no-such-id"');
  });

  it('fails a missing audio file or content document, and SMIL that is not XML', async () => {
    expect((await overlayOutcome(await edited(book, 'OEBPS/content.smil', (t) => t.replace(/src="audio\/narration\.mp3"/g, 'src="audio/gone.mp3"')), timing)).findings.map((f) => f.rule)).toEqual(['smil-audio']);
    expect((await overlayOutcome(await edited(book, 'OEBPS/content.smil', (t) => t.replace(/content\.xhtml#/g, 'gone.xhtml#')), timing)).findings.every((f) => f.rule === 'smil-target')).toBe(true);
    expect((await overlayOutcome(await edited(book, 'OEBPS/content.smil', (t) => t.replace('</smil>', '')), timing)).findings.map((f) => f.rule)).toEqual(['smil', 'ids']);
  });

  it('has nothing to check in a book without narration, and fails what is not a zip', async () => {
    const plain = await overlayOutcome(await buildEpub(doc), timing);
    expect(plain).toMatchObject({ counts: { overlays: 0 }, findings: [] });
    expect((await overlayOutcome(new TextEncoder().encode('not a zip'), timing)).findings.map((f) => f.rule)).toEqual(['zip']);
  });
});
