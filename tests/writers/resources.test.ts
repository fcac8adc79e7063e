import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { writeWav } from '../../src/speech/audio/wav.js';
import { articleResources, needsOf } from '../../src/writers/index.js';
import { contextFor } from '../helpers/writers.js';

const doc = parseArticle('A short title\n\nOne sentence. Another one.', { format: 'text' });

describe('article resources', () => {
  it('plans from what the writers of the run need, never from format names', () => {
    expect([...needsOf(['json', 'ssml', 'epub', 'pdf'])]).toEqual([]);
    expect([...needsOf(['vtt'])]).toEqual(['narration']);
    expect([...needsOf(['wav', 'mp3'])].sort()).toEqual(['narration', 'pcm']);
    expect(articleResources(doc, {}, needsOf(['epub'])).narrating).toBe(false);
    expect(articleResources(doc, {}, needsOf(['epub', 'vtt'])).narrating).toBe(true);
  });

  it('refuses a resource no writer of the run asked for, without synthesising anything', async () => {
    const resources = articleResources(doc, {}, new Set());
    await expect(resources.narration()).rejects.toThrow(/no writer of this run needs the narration/);
    await expect(resources.pcm()).rejects.toThrow(/no writer of this run needs the PCM/);
  });

  it('synthesises once for every writer that asks: the same narration object, and the PCM the MP3 was made from', async () => {
    const { resources } = contextFor(doc, ['mp3', 'wav', 'vtt']);
    const [a, b, pcm] = await Promise.all([resources.narration(), resources.narration(), resources.pcm()]);
    expect(a).toBe(b);
    expect(a.units.map((u) => u.id)).toEqual(['title', 'p1s1', 'p1s2']);
    // The MP3's timing is measured on the same samples the WAV holds: its last unit ends within the PCM (plus the decoder delay).
    const last = a.clips.at(-1)!;
    expect(last.endMs).toBeLessThanOrEqual(Math.ceil((pcm.samples.length / pcm.sampleRate) * 1000) + 60);
    expect(writeWav(pcm).length).toBe(44 + pcm.samples.length * 2);
  });
});
