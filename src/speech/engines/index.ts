import { espeakEngine } from './espeak.js';
import { sayEngine } from './say.js';
import type { Engine, EngineName } from './types.js';

/** The engine for an `--engine` name. A cloud engine joins here, behind the same interface. */
export function engineFor(name: EngineName = 'espeak'): Engine {
  return name === 'say' ? sayEngine : espeakEngine;
}

export type { Engine, EngineName, Pcm, SpeakableUnit, SpeechOptions, VoiceRequest } from './types.js';
export { ENGINE_NAMES, SpeechError } from './types.js';
