import { espeakEngine } from './espeak.js';
import { piperEngine, piperIdentity, piperProblem } from './piper.js';
import { sayEngine, speakAloud } from './say.js';
import { SpeechError, type Engine, type EngineEntry, type EngineName } from './types.js';

export const espeakEntry: EngineEntry = {
  name: 'espeak',
  description: 'eSpeak NG, bundled (WASM): makes audio files on every platform, no system package',
  capabilities: () => ({ readsSsml: true, exportsAudio: true, speaksAloud: false }),
  create: () => espeakEngine,
};

export const sayEntry: EngineEntry = {
  name: 'say',
  description: 'the operating-system voices through the `say` package (macOS say, Windows SAPI; festival on Linux, which can only speak aloud)',
  capabilities: (platform) => ({ readsSsml: false, exportsAudio: platform === 'darwin' || platform === 'win32', speaksAloud: true }),
  create: () => sayEngine,
};

export const piperEntry: EngineEntry = {
  name: 'piper',
  description: 'Piper neural voices, run with ONNX Runtime (WASM); a voice you install: voxpress voices install <name>',
  capabilities: () => ({ readsSsml: false, exportsAudio: true, speaksAloud: false }),
  create: () => piperEngine,
  identity: piperIdentity,
  problem: piperProblem,
};

/**
 * Every speech engine. To add one, write its module under
 * `src/speech/engines/` and list it here: `--engine`, its help and the
 * CLI's checks of what it can do follow.
 */
export const ENGINES: readonly EngineEntry[] = [espeakEntry, sayEntry, piperEntry];

export const DEFAULT_ENGINE: EngineName = 'espeak';

export const ENGINE_NAMES: readonly EngineName[] = ENGINES.map((e) => e.name);

/** The registry entry for an `--engine` name. */
export function engineEntry(name: EngineName = DEFAULT_ENGINE): EngineEntry {
  const entry = ENGINES.find((e) => e.name === name);
  if (!entry) throw new SpeechError(`unknown speech engine "${name}"; choose from ${ENGINE_NAMES.join(', ')}`);
  return entry;
}

/** The engine for an `--engine` name. */
export function engineFor(name: EngineName = DEFAULT_ENGINE): Engine {
  return engineEntry(name).create();
}

export { speakAloud };
export type { Engine, EngineCapabilities, EngineEntry, EngineName, Pcm, SpeakableUnit, SpeechOptions, VoiceRequest } from './types.js';
export { SpeechError } from './types.js';
