import { describe, expect, it } from 'vitest';
import { renderDocument, renderFormats, WriterError, type StageTimes } from '../../src/pipeline/render.js';
import { parseArticle } from '../../src/readers/index.js';

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

  it('still writes the formats that need no speech when the synthesis fails, in registry order', async () => {
    const { files, failures } = await renderFormats(doc, ['pdf', 'mp3', 'json', 'vtt'], { speech: { voice: 'no-such-voice' } });
    expect(files.map((f) => f.name)).toEqual(['document.json', 'article.pdf']);
    expect(failures.map((f) => f.format)).toEqual(['mp3', 'vtt']);
  });
});
