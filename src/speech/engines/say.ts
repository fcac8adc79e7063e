import type { ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sayPackage from 'say';
import { parseWav } from '../audio/wav.js';
import { DEFAULT_RATE_WPM, SpeechError, wordsPerMinute, type Engine, type Pcm, type SpeakableUnit, type VoiceRequest } from './types.js';

/**
 * Operating-system voices through the `say` package: macOS `say`, Windows
 * SAPI (PowerShell), festival on Linux.
 *
 * Defects of `say` 0.16 worked around here, in this one place:
 * - Linux builds `(SayText "${text}")` for festival's Scheme unescaped
 *   (say.js issue 33): a `"` in the text ends the string and the rest runs as
 *   Scheme. The voice is spliced in as `(${voice})` unescaped too.
 * - It writes to the child's stdin as `ascii`, which Node encodes as latin1,
 *   keeping only each UTF-16 unit's low byte: `•` (U+2022) arrives as `"`.
 *   Text is therefore folded to ASCII before it is escaped.
 * - With no `festival` on the PATH its spawn emits `error` with no listener:
 *   an uncaught `spawn festival ENOENT` that kills the process. Likewise an
 *   EPIPE on the child's stdin when the command exits early.
 * - Linux cannot export to a file at all, so this engine cannot make audio files there.
 */

type Platform = 'linux' | 'darwin' | 'win32';

/** The `say` package's per-platform object (its `Say` class returns one). */
interface SayPlatform {
  speak(text: string, voice: string | undefined, speed: number | undefined, callback: (error: unknown) => void): void;
  export(text: string, voice: string | undefined, speed: number | undefined, file: string, callback: (error: unknown) => void): void;
  buildSpeakCommand(args: { text: string; voice?: string; speed?: number }): { command: string; args: string[]; pipedData: string };
  child: ChildProcess | null;
}

function platformSay(platform: Platform): SayPlatform {
  const { Say } = sayPackage as unknown as { Say: new (platform: string) => SayPlatform };
  return new Say(platform);
}

function currentPlatform(): Platform {
  const p = process.platform;
  if (p === 'linux' || p === 'darwin' || p === 'win32') return p;
  throw new SpeechError(`the say engine does not support ${p}; use --engine espeak`);
}

/** ASCII only: accents dropped (é → e), other characters become a space, control characters too. */
export function foldToAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[^\x20-\x7e]/g, ' ');
}

/** `text` as the body of a festival (SIOD Scheme) string literal: ASCII, with `\` and `"` escaped. */
export function schemeStringBody(text: string): string {
  return foldToAscii(text).replace(/[\\"]/g, (c) => `\\${c}`);
}

/**
 * Voice names are spliced into Scheme, PowerShell and argument lists by `say`: only plain names pass.
 * festival gets the name as a whole Scheme form, `(${voice})`, so there it must be a `voice_...` selector:
 * anything else (`quit`) would run as a command.
 */
export function checkVoiceName(voice: string, platform: Platform = currentPlatform()): string {
  if (platform === 'linux' && !/^voice_[A-Za-z0-9_]{1,58}$/.test(voice)) throw new SpeechError(`invalid festival voice "${voice}": festival voices are named like voice_kal_diphone`);
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/.test(voice)) throw new SpeechError(`invalid voice name "${voice}": use letters, digits, space, . _ -`);
  return voice;
}

/** The text as `say` should get it on a platform. */
export function sayText(text: string, platform: Platform): string {
  // festival: `say` puts the text inside "..." itself, so we hand it the escaped body.
  if (platform === 'linux') return schemeStringBody(text);
  // macOS passes the text as an argument: one starting with "-" would be read as an option.
  // It also obeys embedded commands written [[like this]] (volume, silence, phoneme input): article text must not steer the voice.
  if (platform === 'darwin') return text.replace(/^\s*-/, ' -').replace(/\[\[/g, '[ [');
  // Windows pipes the text on stdin as ASCII.
  return foldToAscii(text);
}

/** `say`'s speed multiplier for a rate in words per minute. */
export function sayspeed(rate: number | undefined): number | undefined {
  if (rate === undefined) return undefined;
  return wordsPerMinute(rate) / DEFAULT_RATE_WPM;
}

/** The command `say` would run to speak `text` (for inspection and tests: nothing is spawned). */
export function speakCommand(text: string, request: Pick<VoiceRequest, 'voice' | 'rate'>, platform: Platform = currentPlatform()): { command: string; args: string[]; pipedData: string } {
  const speed = sayspeed(request.rate);
  return platformSay(platform).buildSpeakCommand({
    text: sayText(text, platform),
    ...(request.voice !== undefined ? { voice: checkVoiceName(request.voice, platform) } : {}),
    ...(speed !== undefined ? { speed } : {}),
  });
}

const COMMANDS: Record<Platform, string> = { linux: 'festival', darwin: 'say', win32: 'powershell' };

/** Whether `command` is an executable on the PATH (checked before spawning: `say` cannot report its absence). */
export function onPath(command: string, searchPath = process.env.PATH ?? ''): boolean {
  const exts = process.platform === 'win32' ? ['', '.exe', '.cmd', '.bat'] : [''];
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) =>
      exts.some((ext) => {
        try {
          accessSync(path.join(dir, command + ext), constants.X_OK);
          return true;
        } catch {
          return false;
        }
      }),
    );
}

function requireCommand(platform: Platform): void {
  const command = COMMANDS[platform];
  if (!onPath(command)) {
    const hint = platform === 'linux' ? ' (install festival, e.g. apt-get install festival, or use --engine espeak)' : '';
    throw new SpeechError(`the say engine needs "${command}", which is not on the PATH${hint}`);
  }
}

/** Runs one `say` call, turning every failure (including a spawn error) into a rejected promise. */
function runSay(say: SayPlatform, start: (callback: (error: unknown) => void) => void, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown): void => {
      if (settled) return;
      settled = true;
      if (error) reject(new SpeechError(`${what} failed: ${String(error instanceof Error ? error.message : error).trim().split('\n')[0]}`));
      else resolve();
    };
    start(finish);
    // `say` sets `child` synchronously and attaches no 'error' listeners; errors arrive later, so these are in time.
    say.child?.on('error', finish);
    // A command that exits without reading its input makes the write fail (EPIPE); its exit status and stderr report why.
    say.child?.stdin?.on('error', () => undefined);
  });
}

/** Speaks `text` aloud through the OS voice. */
export async function speakAloud(text: string, request: Pick<VoiceRequest, 'voice' | 'rate'>): Promise<void> {
  const platform = currentPlatform();
  requireCommand(platform);
  const say = platformSay(platform);
  const speed = sayspeed(request.rate);
  const voice = request.voice !== undefined ? checkVoiceName(request.voice) : undefined;
  await runSay(say, (done) => say.speak(sayText(text, platform), voice, speed, done), `say (${COMMANDS[platform]})`);
}

export const sayEngine: Engine = {
  name: 'say',

  async voiceFor(request: VoiceRequest): Promise<string> {
    return request.voice !== undefined ? checkVoiceName(request.voice) : 'system default';
  },

  async synthesize(unit: SpeakableUnit, request: VoiceRequest): Promise<Pcm> {
    const platform = currentPlatform();
    if (platform === 'linux') {
      throw new SpeechError('the say engine cannot make audio files on Linux (festival through `say` can only speak aloud); use --engine espeak for audio files, or --play to listen');
    }
    requireCommand(platform);
    const say = platformSay(platform);
    const speed = sayspeed(request.rate);
    const voice = request.voice !== undefined ? checkVoiceName(request.voice) : undefined;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'voxpress-say-'));
    const file = path.join(dir, 'unit.wav');
    try {
      // `say` splices the file name into PowerShell between single quotes.
      if (platform === 'win32' && /['"`$]/.test(file)) throw new SpeechError(`the temporary folder ${dir} has a quote or $ in its path, which say cannot pass to PowerShell; set TEMP to a plain path`);
      await runSay(say, (done) => say.export(sayText(unit.spoken, platform), voice, speed, file, done), `say (${COMMANDS[platform]})`);
      return parseWav(new Uint8Array(await readFile(file)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
