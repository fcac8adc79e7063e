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
  let made: Promise<{ synthesis: Synthesis; narration?: TimedNarration }> | undefined;
  const make = (): Promise<{ synthesis: Synthesis; narration?: TimedNarration }> => {
    made ??= (async (): Promise<{ synthesis: Synthesis; narration?: TimedNarration }> => {
      // The engines and the encoder load only for a run that speaks.
      const { narrate, synthesize } = await import('../speech/narration.js');
      const synthesisOptions = { ...(options.speech ? { speech: options.speech } : {}), units: await narrationUnits(doc, options), keepPcm };
      return narrating ? narrate(doc, synthesisOptions) : synthesize(doc, synthesisOptions).then((synthesis) => ({ synthesis }));
    })();
    return made;
  };
  return {
    images,
    narrating,
    async narration() {
      if (!narrating) throw new Error('no writer of this run needs the narration');
      const { narration } = await make();
      if (!narration) throw new Error('no writer of this run needs the narration');
      return narration;
    },
    async pcm() {
      if (!keepPcm) throw new Error('no writer of this run needs the PCM');
      const { synthesis } = await make();
      if (!synthesis.pcm) throw new Error('no writer of this run needs the PCM');
      return synthesis.pcm;
    },
  };
}
