import { iso6392 } from 'iso-639-2';
import NodeID3 from 'node-id3';
import { mp3Layout, type Mp3Layout } from './mp3.js';

/** One chapter of the narration, times in the MP3 as a decoder plays it. */
export interface Chapter {
  readonly id: string;
  readonly title: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface AudioTags {
  readonly title: string;
  /** Authors, or the source when the article names none. */
  readonly artist?: string;
  readonly publisher?: string;
  /** `YYYY-MM-DD`. */
  readonly date?: string;
  /** BCP 47. */
  readonly lang: string;
  readonly chapters: readonly Chapter[];
}

/** ISO 639-2 (bibliographic) code for a BCP 47 tag, as ID3's TLAN wants; undefined for unknown languages. */
export function iso6392For(lang: string): string | undefined {
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  if (primary.length === 3) return iso6392.some((l) => l.iso6392B === primary || l.iso6392T === primary) ? primary : undefined;
  return iso6392.find((l) => l.iso6391 === primary)?.iso6392B;
}

/** The ID3v2 frames: title, artist, publisher, year/date, language, and a CHAP per chapter listed by one ordered CTOC. */
export function id3Tags(tags: AudioTags): NodeID3.Tags {
  const frames: NodeID3.Tags = { title: tags.title };
  if (tags.artist) frames.artist = tags.artist;
  if (tags.publisher) frames.publisher = tags.publisher;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tags.date ?? '');
  if (date) {
    frames.year = date[1];
    // TDAT is DDMM.
    frames.date = `${date[3]}${date[2]}`;
  }
  const language = iso6392For(tags.lang);
  if (language) frames.language = language;
  frames.chapter = tags.chapters.map((c) => ({
    elementID: c.id,
    startTimeMs: Math.round(c.startMs),
    endTimeMs: Math.round(c.endMs),
    tags: { title: c.title },
  }));
  frames.tableOfContents = [{ elementID: 'toc', isOrdered: true, elements: tags.chapters.map((c) => c.id), tags: { title: tags.title } }];
  return frames;
}

/** The MP3 with an ID3v2 tag in front. */
export function tagMp3(mp3: Uint8Array, tags: AudioTags): Uint8Array {
  const tag = NodeID3.create(id3Tags(tags));
  const out = new Uint8Array(tag.length + mp3.length);
  out.set(tag);
  out.set(mp3, tag.length);
  return out;
}

/**
 * The MP3 file in parts: an ID3v2 tag, then the encoder's chunks as they
 * are (never joined: a two-hour narration, 43 MB, is not held twice), and
 * the layout of their frames. The tags depend on the audio: the last chapter
 * ends where the frames do.
 */
export function tagEncodedMp3(chunks: readonly Uint8Array[], tagsFor: (durationMs: number) => AudioTags): { mp3: readonly Uint8Array[]; layout: Mp3Layout; tags: AudioTags } {
  const layout = mp3Layout(chunks);
  const tags = tagsFor(Math.round(layout.durationMs));
  const tag = NodeID3.create(id3Tags(tags));
  return { mp3: [new Uint8Array(tag.buffer, tag.byteOffset, tag.byteLength), ...chunks], layout, tags };
}

/** The tags read back from an MP3 (for tests and tools). */
export function readTags(mp3: Uint8Array): NodeID3.Tags {
  return NodeID3.read(Buffer.from(mp3.buffer, mp3.byteOffset, mp3.byteLength));
}
