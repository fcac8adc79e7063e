import type { Document } from '../model/types.js';
import type { FigureImages } from '../shared/images.js';
import type { Pcm } from '../speech/audio/pcm.js';
import type { Synthesis, TimedNarration } from '../speech/narration.js';
import type { SpokenUnit } from '../speech/types.js';
import type { WriterOptions } from './options.js';

/*
 * What several writers of one article share, typed, each computed at most
 * once: the narration (audio, timing, captions and EPUB overlays all come
 * from one synthesis) and the figures' images (loaded once at the edge by
 * io/resources.ts). Which of them a run makes follows from the `needs` of the
 * writers in it, never from format names.
 */

/** A resource a writer cannot be made without. */
export type ResourceNeed =
  /** The synthesised narration encoded as MP3, with its measured timing. */
  | 'narration'
  /** The narration's PCM, whole (the WAV file). */
  | 'pcm';

export interface ArticleResources {
  /** Each figure's image, by figure id. */
  readonly images: FigureImages;
  /** Whether this run makes the narration: the EPUB then carries it as media overlays. */
  readonly narrating: boolean;
  /** Whether this run synthesises speech at all (the narration, or the PCM alone). */
  readonly speaking: boolean;
  /**
   * Starts the synthesis and settles once the speech is made, while the MP3
   * encoder may still be finishing on its thread; never rejects (a failed
   * synthesis is reported by `narration()` and `pcm()`). Nothing to wait for when
   * the run does not speak.
   */
  spoken(): Promise<void>;
  /** The narration, made once for every writer that asks. Only when `narrating`. */
  narration(): Promise<TimedNarration>;
  /** The narration's whole PCM. Only when a writer of the run needs `pcm`. */
  pcm(): Promise<Pcm>;
}

/**
 * The spoken units of the article as the SSML writer makes them (same
 * lexicons), so that the audio says what narration.ssml says. The bundled
 * engine reads the standard W3C profile whatever provider profile the SSML
 * files are also written for.
 */
async function narrationUnits(doc: Document, options: WriterOptions): Promise<SpokenUnit[]> {
  const { spokenUnits } = await import('../speech/script.js');
  return spokenUnits(doc, { ...options.script, profile: 'w3c' });
}

/** The resources of one article for a run whose writers need `needs`. */
export function articleResources(doc: Document, options: WriterOptions, needs: ReadonlySet<ResourceNeed>, images: FigureImages = new Map()): ArticleResources {
  const narrating = needs.has('narration');
  const keepPcm = needs.has('pcm');
  const speaking = narrating || keepPcm;
  let started: Promise<{ synthesis: Promise<Synthesis>; narration?: Promise<TimedNarration> }> | undefined;
  const start = (): Promise<{ synthesis: Promise<Synthesis>; narration?: Promise<TimedNarration> }> => {
    started ??= (async () => {
      // The engines and the encoder load only for a run that speaks.
      const { narrate, synthesize } = await import('../speech/narration.js');
      const synthesisOptions = { ...(options.speech ? { speech: options.speech } : {}), units: await narrationUnits(doc, options), keepPcm };
      if (narrating) return narrate(doc, synthesisOptions);
      const synthesis = synthesize(doc, synthesisOptions);
      // Awaited by pcm(), perhaps later: a failure then is not an unhandled rejection now.
      synthesis.catch(() => undefined);
      return { synthesis };
    })();
    return started;
  };
  return {
    images,
    narrating,
    speaking,
    async spoken() {
      if (speaking) await start().then((s) => s.synthesis).catch(() => undefined);
    },
    async narration() {
      const narration = narrating ? (await start()).narration : undefined;
      if (!narration) throw new Error('no writer of this run needs the narration');
      return narration;
    },
    async pcm() {
      if (!keepPcm) throw new Error('no writer of this run needs the PCM');
      const synthesis = await (await start()).synthesis;
      if (!synthesis.pcm) throw new Error('no writer of this run needs the PCM');
      return synthesis.pcm;
    },
  };
}
