import { describe, expect, it } from 'vitest';
import { id3Tags, iso6392For, readTags, tagEncodedMp3, tagMp3 } from '../../../src/speech/audio/id3.js';
import { encodeMp3, mp3Layout } from '../../../src/speech/audio/mp3.js';
import { contentBytes } from '../../../src/shared/bytes.js';

describe('ID3 tags', () => {
  it('maps BCP 47 to ISO 639-2 for TLAN', () => {
    expect(iso6392For('en')).toBe('eng');
    expect(iso6392For('fr-CA')).toBe('fre');
    expect(iso6392For('de')).toBe('ger');
    expect(iso6392For('zz')).toBeUndefined();
  });

  it('writes title, artist, date, language and CHAP/CTOC that read back (node-id3 reader)', () => {
    const chapters = [
      { id: 'intro', title: 'Opening & "news"', startMs: 0, endMs: 1500 },
      { id: 'h1', title: 'Second — été', startMs: 1500, endMs: 4000 },
    ];
    const audio = Uint8Array.from([0xff, 0xf3, 0x14, 0xc4]);
    const mp3 = tagMp3(audio, { title: 'Title <&> "q"', artist: 'A. Writer', publisher: 'Outlet', date: '2024-10-07', lang: 'fr', chapters });
    const tags = readTags(mp3);
    expect(tags.title).toBe('Title <&> "q"');
    expect(tags.artist).toBe('A. Writer');
    expect(tags.publisher).toBe('Outlet');
    expect(tags.year).toBe('2024');
    expect(tags.date).toBe('0710');
    expect(tags.language).toBe('fre');
    expect(tags.chapter?.map((c) => [c.elementID, c.startTimeMs, c.endTimeMs, c.tags?.title])).toEqual([
      ['intro', 0, 1500, 'Opening & "news"'],
      ['h1', 1500, 4000, 'Second — été'],
    ]);
    expect(tags.tableOfContents?.[0]?.elements).toEqual(['intro', 'h1']);
    expect(tags.tableOfContents?.[0]?.isOrdered).toBe(true);
    expect(mp3.subarray(mp3.length - 4)).toEqual(audio);
  });

  it('leaves out what the article does not give (no date from the clock)', () => {
    const tags = id3Tags({ title: 't', lang: 'zz', chapters: [{ id: 'article', title: 't', startMs: 0, endMs: 10 }] });
    expect(tags.year).toBeUndefined();
    expect(tags.date).toBeUndefined();
    expect(tags.language).toBeUndefined();
    expect(tags.artist).toBeUndefined();
  });

  it('puts the encoder\'s chunks, not copied, behind a tag whose last chapter ends where the frames do', async () => {
    const audio = await encodeMp3({ sampleRate: 22050, samples: Int16Array.from({ length: 33075 }, (_, i) => Math.round(8000 * Math.sin(i / 9))) });
    // Cuts inside the first frame's header: the layout is read across parts.
    const chunks = [audio.subarray(0, 1), audio.subarray(1, 3), audio.subarray(3, 100), audio.subarray(100, 101), audio.subarray(101)];
    const { mp3, layout } = tagEncodedMp3(chunks, (durationMs) => ({ title: 'Long', lang: 'en', chapters: [{ id: 'article', title: 'Long', startMs: 0, endMs: durationMs }] }));
    expect(layout).toEqual(mp3Layout(audio));
    expect(mp3.slice(1)).toHaveLength(chunks.length);
    mp3.slice(1).forEach((part, i) => expect(part).toBe(chunks[i]));
    const file = contentBytes(mp3);
    expect(readTags(file).chapter?.[0]?.endTimeMs).toBe(Math.round(layout.durationMs));
    expect(Buffer.compare(Buffer.from(file.subarray(file.length - audio.length)), Buffer.from(audio))).toBe(0);
    expect(mp3Layout(file).audioOffset).toBe(file.length - audio.length);
    expect(mp3Layout(mp3)).toEqual(mp3Layout(file));
  });

  it('sizes the tag from the final tags, whatever their length', async () => {
    const audio = await encodeMp3({ sampleRate: 22050, samples: new Int16Array(11025) });
    const { mp3, layout } = tagEncodedMp3([audio], (durationMs) => ({ title: durationMs === 0 ? 'Draft' : 'A longer final title', lang: 'en', chapters: [{ id: 'article', title: 't', startMs: 0, endMs: durationMs }] }));
    const file = contentBytes(mp3);
    expect(readTags(file).title).toBe('A longer final title');
    expect(readTags(file).chapter?.[0]?.endTimeMs).toBe(Math.round(layout.durationMs));
    expect(mp3Layout(file).audioOffset).toBe(file.length - audio.length);
  });
});
