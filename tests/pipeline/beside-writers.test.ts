import { describe, expect, it } from 'vitest';
import { BesideWriterError, releaseWriterThread, writeBeside } from '../../src/pipeline/beside-writers.js';
import { parseArticle } from '../../src/readers/index.js';
import { articleResources, writerFor } from '../../src/writers/index.js';

const doc = parseArticle('# Budget vote\n\nThe council met on 8 October 2024. It approved 95% of the plan.', { format: 'markdown' });

describe('writeBeside', () => {
  it('makes a format on the writer thread with the same bytes and warnings as the writer here', async () => {
    for (const format of ['pdf', 'json', 'ssml']) {
      const warnings: string[] = [];
      const here = await writerFor(format)!.write({ doc, options: {}, resources: articleResources(doc, {}, new Set()), warn: (m) => void warnings.push(m) });
      const beside = await writeBeside(format, doc, {}, new Map());
      expect(beside.warnings).toEqual(warnings);
      expect(beside.files.map((f) => f.name)).toEqual(here.map((f) => f.name));
      beside.files.forEach((file, i) => expect(Buffer.from(file.data as string | Uint8Array)).toEqual(Buffer.from(here[i]!.data as string | Uint8Array)));
    }
  });

  it('refuses an unknown format and reports a writer failure with its reason, and the thread goes on', async () => {
    await expect(writeBeside('docx', doc, {}, new Map())).rejects.toThrow(BesideWriterError);
    await expect(writeBeside('docx', doc, {}, new Map())).rejects.toThrow('unknown format "docx"');
    await expect(writeBeside('ssml', doc, { script: { profile: 'nonsense' as never } }, new Map())).rejects.toThrow(BesideWriterError);
    expect((await writeBeside('json', doc, {}, new Map())).files.map((f) => f.name)).toEqual(['document.json']);
  });

  it('ends the writer thread on request once idle, and the next format starts a new one', async () => {
    const running = writeBeside('json', doc, {}, new Map());
    expect(releaseWriterThread()).toBe(false);
    const first = await running;
    expect(releaseWriterThread()).toBe(true);
    expect(releaseWriterThread()).toBe(false);
    expect(await writeBeside('json', doc, {}, new Map())).toEqual(first);
  });
});
