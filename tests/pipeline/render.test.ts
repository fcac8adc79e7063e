import { describe, expect, it, vi } from 'vitest';
import { releaseWriterThread } from '../../src/pipeline/beside-writers.js';
import { renderDocument, renderFormats, WriterError, type StageTimes } from '../../src/pipeline/render.js';
import { parseArticle } from '../../src/readers/index.js';
import { releaseMp3Encoders } from '../../src/speech/audio/mp3-stream.js';

// An article long enough to give its helper threads back would take minutes to narrate: the rule is tested on its
// own (encoder-threads.test.ts), and here the sample is taken for a long one where a test says so.
const release = vi.hoisted(() => ({ always: false }));
vi.mock('../../src/speech/audio/encoder-threads.js', async (actual) => {
  const real = await actual<typeof import('../../src/speech/audio/encoder-threads.js')>();
  return { ...real, releasesHelperThreads: (doc: Parameters<typeof real.releasesHelperThreads>[0]) => release.always || real.releasesHelperThreads(doc) };
});
vi.mock('../../src/pipeline/beside-writers.js', async (actual) => {
  const real = await actual<typeof import('../../src/pipeline/beside-writers.js')>();
  return { ...real, releaseWriterThread: vi.fn(real.releaseWriterThread) };
});
vi.mock('../../src/speech/audio/mp3-stream.js', async (actual) => {
  const real = await actual<typeof import('../../src/speech/audio/mp3-stream.js')>();
  return { ...real, releaseMp3Encoders: vi.fn(real.releaseMp3Encoders) };
});

const doc = parseArticle('# Title\n\nSome text. More text.', { format: 'markdown' });

describe('renderDocument', () => {
  it('runs the writers in registry order whatever order the formats are given in', async () => {
    const a = await renderDocument(doc, ['ssml', 'json']);
    const b = await renderDocument(doc, ['json', 'ssml']);
    expect(a.map((f) => f.name)).toEqual(['document.json', 'narration.ssml']);
    expect(b).toEqual(a);
  });

  it('refuses an unknown format, naming it and the choices', async () => {
    await expect(renderDocument(doc, ['json', 'docx'])).rejects.toThrow(/unknown format "docx"; choose from json, ssml/);
  });

  it('names the format a writer failed in', async () => {
    const error = await renderDocument(doc, ['ssml'], { script: { profile: 'nonsense' as never } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriterError);
    expect((error as WriterError).format).toBe('ssml');
    expect((error as Error).message).toBe('ssml: unknown SSML profile "nonsense"; choose from w3c, polly, azure, google');
  });

  it('makes the PDF on the writer thread beside the speech, the same bytes as here, and returns the files in registry order', async () => {
    const times: StageTimes = {};
    const { files, failures } = await renderFormats(doc, ['pdf', 'mp3', 'json', 'epub'], {}, {}, times);
    expect(failures).toEqual([]);
    expect(Object.keys(times).sort()).toEqual(['epub', 'json', 'mp3', 'pdf', 'speech']);
    expect(files.map((f) => f.name)).toEqual(['document.json', 'narration.mp3', 'timing.json', 'article.epub', 'article.pdf']);
    // Without speech the PDF is made in this thread.
    const [here] = await renderDocument(doc, ['pdf']);
    expect(Buffer.compare(Buffer.from(files[4]!.data as Uint8Array), Buffer.from(here!.data as Uint8Array))).toBe(0);
  });

  it('keeps the helper threads after a short article, and a long one gives them back once done with them, with the same files', async () => {
    const kept = await renderFormats(doc, ['pdf', 'mp3']);
    expect(releaseWriterThread).not.toHaveBeenCalled();
    expect(releaseMp3Encoders).not.toHaveBeenCalled();
    release.always = true;
    try {
      const given = await renderFormats(doc, ['pdf', 'mp3']);
      expect(given).toEqual(kept);
      await vi.waitFor(() => expect(vi.mocked(releaseWriterThread).mock.results).toEqual([{ type: 'return', value: true }]));
      expect(vi.mocked(releaseMp3Encoders).mock.results).toEqual([{ type: 'return', value: 1 }]);
    } finally {
      release.always = false;
    }
  });

  it('still writes the formats that need no speech when the synthesis fails, in registry order', async () => {
    const { files, failures } = await renderFormats(doc, ['pdf', 'mp3', 'json', 'vtt'], { speech: { voice: 'no-such-voice' } });
    expect(files.map((f) => f.name)).toEqual(['document.json', 'article.pdf']);
    expect(failures.map((f) => f.format)).toEqual(['mp3', 'vtt']);
  });
});
