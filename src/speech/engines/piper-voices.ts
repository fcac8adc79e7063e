import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SpeechError } from './types.js';

/**
 * Where Piper voices live on this machine, and how one is named: the contract
 * between the engine (which reads an installed voice) and `voxpress voices`
 * (which installs and removes them).
 *
 * A voice named `en_US-joe-medium` is the folder `<voices>/en_US-joe-medium/`
 * holding `en_US-joe-medium.onnx` (the model) and `en_US-joe-medium.onnx.json`
 * (its configuration), as the Piper voice catalogue publishes them, and
 * optionally its `MODEL_CARD` (licence and dataset).
 */

/** BCP 47 for Piper's language codes: `en_US` is `en-US`. */
export function tagOfPiperLanguage(code: string): string {
  return code.replace('_', '-');
}

/** The language a voice name says it speaks: `en_US-joe-medium` speaks `en-US`. */
export function langOfVoiceName(name: string): string {
  return tagOfPiperLanguage(name.split('-')[0] ?? '');
}

/** Overrides the voices folder (tests, shared installs, CI). */
export const VOICES_DIR_ENV = 'VOXPRESS_VOICES_DIR';

/** Piper's voice names: `<language>_<REGION>-<dataset>-<quality>` (`en_US-joe-medium`, `fr_FR-siwis-medium`). */
export const VOICE_NAME = /^[a-z]{2,3}_[A-Z]{2}-[A-Za-z0-9_]+-(?:x_low|low|medium|high)$/;

export interface VoiceFolderEnv {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

const here = (): VoiceFolderEnv => ({ env: process.env, platform: process.platform, home: os.homedir() });

/**
 * The per-user folder of installed voices: `$VOXPRESS_VOICES_DIR`, else the
 * platform's cache folder (`$XDG_CACHE_HOME` or `~/.cache` on Linux,
 * `~/Library/Caches` on macOS, `%LOCALAPPDATA%` on Windows) + `voxpress/voices`.
 */
export function voicesDir(where: VoiceFolderEnv = here()): string {
  const { env, platform, home } = where;
  const set = env[VOICES_DIR_ENV];
  if (set) return path.resolve(set);
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'voxpress', 'voices');
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'voxpress', 'voices');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'voxpress', 'voices');
}

/** The two files of a Piper voice. */
export interface VoiceFiles {
  /** The voice's name (the model file's name without `.onnx`). */
  readonly name: string;
  readonly model: string;
  readonly config: string;
}

/** The files of an installed voice, by name, in `dir`. */
export function installedVoiceFiles(name: string, dir: string = voicesDir()): VoiceFiles {
  if (!VOICE_NAME.test(name)) throw new SpeechError(`"${name}" is not a Piper voice name (they look like en_US-joe-medium) nor a path to a .onnx voice`);
  return { name, model: path.join(dir, name, `${name}.onnx`), config: path.join(dir, name, `${name}.onnx.json`) };
}

/** Whether `--voice` names a file rather than an installed voice. */
export function isVoicePath(voice: string): boolean {
  return voice.endsWith('.onnx') || voice.includes('/') || voice.includes(path.sep);
}

/** The files of a voice given as a path to its `.onnx` (the configuration beside it, as Piper expects). */
export function voiceFilesAt(model: string): VoiceFiles {
  const resolved = path.resolve(model);
  return { name: path.basename(resolved, '.onnx'), model: resolved, config: `${resolved}.json` };
}

/** The files of `--voice`: a path to a model, or an installed voice's name. */
export function voiceFiles(voice: string, dir: string = voicesDir()): VoiceFiles {
  return isVoicePath(voice) ? voiceFilesAt(voice) : installedVoiceFiles(voice, dir);
}

/** The command that installs a voice, for error messages. */
export function installCommand(name: string): string {
  return `voxpress voices install ${name}`;
}

/** The complete voices in `dir` (model and configuration both there), by name; leftovers of interrupted installs are not voices. */
export async function installedVoiceNames(dir: string = voicesDir()): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !VOICE_NAME.test(entry.name)) continue;
    const files = installedVoiceFiles(entry.name, dir);
    const complete = await Promise.all([files.model, files.config].map((f) => stat(f).then((s) => s.isFile(), () => false)));
    if (complete.every(Boolean)) names.push(entry.name);
  }
  return names.sort();
}
