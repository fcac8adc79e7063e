import { SpeechError, type Engine, type EngineEntry, type EngineName, type SpeechOptions, type VoiceRequest } from './types.js';

/*
 * Each engine's module is loaded when the engine is first used, not with the
 * registry: the command line reads the registry for --help and its checks,
 * and loading eSpeak's, Piper's and say's modules with it took 30 ms of every
 * run's start-up, `--formats json` included (`node -e "await import(...)"`).
 */

export const espeakEntry: EngineEntry = {
  name: 'espeak',
  description: 'eSpeak NG, bundled (WASM): makes audio files on every platform, no system package',
  capabilities: () => ({ readsSsml: true, exportsAudio: true, speaksAloud: false }),
  create: async () => (await import('./espeak.js')).espeakEngine,
};

export const sayEntry: EngineEntry = {
  name: 'say',
  description: 'the operating-system voices through the `say` package (macOS say, Windows SAPI; festival on Linux, which can only speak aloud)',
  capabilities: (platform) => ({ readsSsml: false, exportsAudio: platform === 'darwin' || platform === 'win32', speaksAloud: true }),
  create: async () => (await import('./say.js')).sayEngine,
};

export const piperEntry: EngineEntry = {
  name: 'piper',
  description: 'Piper neural voices, run with ONNX Runtime (WASM); a voice you install: voxpress voices install <name>',
  capabilities: () => ({ readsSsml: false, exportsAudio: true, speaksAloud: false }),
  create: async () => (await import('./piper.js')).piperEngine,
  identity: async (speech: SpeechOptions) => (await import('./piper.js')).piperIdentity(speech),
  problem: async (speech: SpeechOptions) => (await import('./piper.js')).piperProblem(speech),
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
export async function engineFor(name: EngineName = DEFAULT_ENGINE): Promise<Engine> {
  return engineEntry(name).create();
}

/** Says `text` aloud through the operating system's voices (say.ts). */
export async function speakAloud(text: string, request: Pick<VoiceRequest, 'voice' | 'rate'>): Promise<void> {
  return (await import('./say.js')).speakAloud(text, request);
}
export type { Engine, EngineCapabilities, EngineEntry, EngineName, Pcm, SpeakableUnit, SpeechOptions, VoiceRequest } from './types.js';
export { SpeechError } from './types.js';
