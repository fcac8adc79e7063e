import type { Document } from '../model/types.js';
import type { Chapter } from './audio/id3.js';
import { tagEncodedMp3, type AudioTags } from './audio/id3.js';
import { encodeMp3Parts, MP3_DECODER_DELAY_SAMPLES } from './audio/mp3.js';
import { openMp3Stream, prepareMp3Encoder, releaseMp3Encoders, type Mp3Stream } from './audio/mp3-stream.js';
import { releasesHelperThreads } from './audio/encoder-threads.js';
import { assertSameRate, concatSamples, samplesToMs, silence, speechBounds } from './audio/pcm.js';
import { engineFor } from './engines/index.js';
import type { EngineName, Pcm, SpeechOptions, VoiceRequest } from './engines/types.js';
import { spokenUnits } from './script.js';
import type { Clip, Narration, SpokenUnit, TimedWord } from './types.js';
import { unitWords, type WordSpan } from './words.js';

/** Where one unit's speech lies in the concatenated PCM, in samples. */
export interface UnitSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Its written words, samples counted from `start`. */
  readonly words: readonly WordSpan[];
  /** The engine gave no word positions: the word times are estimated. */
  readonly wordsEstimated: boolean;
}

/** Shortest clip a unit gets when it makes no sound (a sentence of punctuation alone): every clip has a duration. */
const SILENT_UNIT_MS = 100;

/**
 * Where a unit's speech is: its audible part, or, when it makes no sound at
 * all, its first SILENT_UNIT_MS (or all of it, if shorter but not empty),
 * so that its clip, caption and highlight still have a length.
 */
function audibleBounds(pcm: Pcm): { start: number; end: number } {
  const bounds = speechBounds(pcm);
  if (bounds.end > bounds.start) return bounds;
  const length = Math.min(pcm.samples.length, Math.round((pcm.sampleRate * SILENT_UNIT_MS) / 1000));
  return length > 0 ? { start: 0, end: length } : bounds;
}

/** The article spoken unit by unit and joined with its pauses, before encoding. */
export interface Synthesis {
  readonly engine: EngineName;
  readonly voice: string;
  readonly sampleRate: number;
  readonly units: readonly SpokenUnit[];
  readonly spans: readonly UnitSpan[];
  /** The whole PCM, only when asked for (`keepPcm`): a long article's audio is otherwise never held twice. */
  readonly pcm?: Pcm;
}

/** The narration as shipped, with what made it. */
export interface TimedNarration extends Narration {
  readonly engine: EngineName;
  readonly voice: string;
  readonly sampleRate: number;
  readonly chapters: readonly Chapter[];
  /** The units spoken, in order (captions show their written text). */
  readonly units: readonly SpokenUnit[];
}

function voiceRequest(doc: Document, speech: SpeechOptions | undefined): VoiceRequest {
  return {
    lang: doc.meta.lang,
    ...(speech?.voice !== undefined ? { voice: speech.voice } : {}),
    ...(speech?.rate !== undefined ? { rate: speech.rate } : {}),
  };
}

export interface SynthesisOptions {
  readonly speech?: SpeechOptions;
  /** The units to speak; by default the document's script with default options. */
  readonly units?: readonly SpokenUnit[];
  /** Receives the audio as it is made, in order (units and pauses), e.g. to encode it alongside; synthesis waits for a returned promise. */
  readonly onSamples?: (samples: Int16Array, sampleRate: number) => void | Promise<void>;
  /** Keep the whole PCM in the result (for the WAV file). */
  readonly keepPcm?: boolean;
}

/**
 * Synthesises every unit on its own, so that each unit's start and end are
 * known to the sample; cuts the engine's own silence before and after each
 * unit (eSpeak NG adds ~0.5 s before and ~0.3 s after) and inserts exactly
 * the unit's scripted pause after it. A span is then where the voice is, and
 * the pauses heard are the script's.
 */
export async function synthesize(doc: Document, options: SynthesisOptions = {}): Promise<Synthesis> {
  const { speech, onSamples: sink } = options;
  const engine = await engineFor(speech?.engine);
  const request = voiceRequest(doc, speech);
  const voice = await engine.voiceFor(request);
  const units = options.units ?? spokenUnits(doc);
  const parts: Int16Array[] = [];
  const keep = options.keepPcm === true;
  const spans: UnitSpan[] = [];
  let sampleRate = 0;
  let at = 0;
  for (const [index, unit] of units.entries()) {
    const pcm = await engine.synthesize(unit, request);
    if (sampleRate === 0) sampleRate = pcm.sampleRate;
    assertSameRate(pcm, sampleRate);
    const bounds = audibleBounds(pcm);
    const speech = pcm.samples.slice(bounds.start, bounds.end);
    if (keep) parts.push(speech);
    await sink?.(speech, sampleRate);
    const { words, estimated } = unitWords(unit.text, pcm.words, { sampleRate, samples: speech }, bounds.start);
    spans.push({ id: unit.id, start: at, end: at + speech.length, words, wordsEstimated: estimated });
    at += speech.length;
    if (index < units.length - 1) {
      const pause = silence(sampleRate, unit.pauseAfterMs);
      if (keep) parts.push(pause);
      await sink?.(pause, sampleRate);
      at += pause.length;
    }
  }
  if (units.length === 0) throw new Error('nothing to narrate: the article has no title and no text');
  return { engine: engine.name, voice, sampleRate, units, spans, ...(keep ? { pcm: { sampleRate, samples: concatSamples(parts) } } : {}) };
}

const MAX_CHAPTERS = 255;

/** The id of the block a unit belongs to (`h2` for `h2s1`). */
function blockOf(unitId: string): string {
  return unitId.replace(/s\d+$/, '');
}

/**
 * One chapter per section: an opening chapter (title, date, lead) up to the
 * first heading, then one from each heading to the next; a single chapter for
 * an article without headings.
 */
export function chaptersOf(doc: Document, units: readonly SpokenUnit[], clips: readonly Clip[], durationMs: number): Chapter[] {
  const starts: { id: string; title: string; startMs: number }[] = [];
  units.forEach((unit, i) => {
    if (unit.kind !== 'heading') return;
    const block = blockOf(unit.id);
    const startMs = clips[i]?.startMs ?? 0;
    const open = starts.find((s) => s.id === block);
    if (open) open.title = `${open.title} ${unit.text}`;
    else starts.push({ id: block, title: unit.text, startMs });
  });
  if (starts.length === 0 || (starts[0]?.startMs ?? 0) > 0) starts.unshift({ id: starts.length === 0 ? 'article' : 'intro', title: doc.meta.title, startMs: 0 });
  const first = starts[0];
  if (first) first.startMs = 0;
  // ID3's CTOC counts its entries in one byte: sections past the 255th stay in the 255th chapter.
  starts.splice(MAX_CHAPTERS);
  return starts.map((s, i) => ({ id: s.id, title: s.title, startMs: s.startMs, endMs: starts[i + 1]?.startMs ?? durationMs }));
}

/** The ID3 artist (TPE1): the authors, or the source when the article names none. */
export function artistOf(doc: Document): string | undefined {
  return doc.meta.authors.length > 0 ? doc.meta.authors.join(', ') : doc.meta.source;
}

/** Encodes a synthesis made with `keepPcm` (in this thread) and measures the result. */
export async function encodeNarration(doc: Document, synthesis: Synthesis): Promise<TimedNarration> {
  if (!synthesis.pcm) throw new Error('encodeNarration needs a synthesis made with keepPcm');
  return measureNarration(doc, synthesis, await encodeMp3Parts(synthesis.pcm));
}

/** A narration under way: the synthesis settles first, the encoded narration once the encoder thread has caught up. */
export interface NarrationInProgress {
  readonly synthesis: Promise<Synthesis>;
  readonly narration: Promise<TimedNarration>;
}

/**
 * Synthesises the units and encodes the MP3 on the helper thread at the same
 * time (synthesis and encoding overlap instead of adding up). The synthesis
 * settles before the encoder is done, so that the caller can do other work in
 * this thread while the encoder finishes.
 */
export function narrate(doc: Document, options: Omit<SynthesisOptions, 'onSamples'> = {}): NarrationInProgress {
  let stream: Mp3Stream | undefined;
  prepareMp3Encoder();
  const synthesis = synthesize(doc, {
    ...options,
    onSamples: (samples, sampleRate) => {
      stream ??= openMp3Stream(sampleRate);
      return stream.push(samples);
    },
  }).catch((error: unknown) => {
    stream?.abort();
    throw error;
  });
  const narration = synthesis.then(async (made) => {
    if (!stream) throw new Error('nothing to narrate');
    const audio = await stream.finish();
    if (releasesHelperThreads(doc)) releaseMp3Encoders();
    return measureNarration(doc, made, audio);
  });
  // Whoever awaits only one of the two still sees a failure; the other is not an unhandled rejection.
  synthesis.catch(() => undefined);
  narration.catch(() => undefined);
  return { synthesis, narration };
}

/**
 * The narration as shipped, from the synthesis and its encoded audio: clip
 * times are the PCM spans shifted by the MP3's decoder delay, and the
 * duration is counted from the frames of the file that ships.
 */
export function measureNarration(doc: Document, synthesis: Synthesis, audio: readonly Uint8Array[]): TimedNarration {
  const { sampleRate } = synthesis;
  const at = (sample: number): number => Math.round(samplesToMs(sample + MP3_DECODER_DELAY_SAMPLES, sampleRate));
  const clips: Clip[] = synthesis.spans.map((s) => {
    const words: TimedWord[] = s.words.map((w) => ({ start: w.start, end: w.end, startMs: at(s.start + w.from), endMs: at(s.start + w.to) }));
    return { id: s.id, startMs: at(s.start), endMs: at(s.end), words, ...(s.wordsEstimated ? { wordsEstimated: true } : {}) };
  });
  const tagsFor = (durationMs: number): AudioTags => ({
    title: doc.meta.title,
    ...(artistOf(doc) !== undefined ? { artist: artistOf(doc) } : {}),
    ...(doc.meta.source !== undefined ? { publisher: doc.meta.source } : {}),
    ...(doc.meta.date !== undefined ? { date: doc.meta.date } : {}),
    lang: doc.meta.lang,
    chapters: chaptersOf(doc, synthesis.units, clips, durationMs),
  });
  const { mp3, layout, tags } = tagEncodedMp3(audio, tagsFor);
  if (layout.sampleRate !== sampleRate) throw new Error(`MP3 encoder resampled ${sampleRate} Hz to ${layout.sampleRate} Hz`);
  const durationMs = Math.round(layout.durationMs);
  const { chapters } = tags;
  return { mp3, durationMs, clips, engine: synthesis.engine, voice: synthesis.voice, sampleRate, chapters, units: synthesis.units };
}
