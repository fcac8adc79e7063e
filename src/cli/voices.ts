import os from 'node:os';
import type { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { VOICES_COMMAND } from './commands.js';
import { progressBar } from './progress.js';
import type { CatalogueVoice, InstalledVoice } from '../io/voice-catalogue.js';
import { printableName } from '../shared/errors.js';
import { installedVoiceFiles, voicesDir } from '../speech/engines/piper-voices.js';
import { SpeechError } from '../speech/engines/types.js';

/** `voxpress voices list|install|remove`: the Piper voices of this machine. */

export type VoicesRequest =
  | { readonly action: 'list'; readonly available: boolean; readonly json: boolean; readonly catalogue?: string }
  | { readonly action: 'install'; readonly names: readonly string[]; readonly quiet: boolean; readonly catalogue?: string }
  | { readonly action: 'remove'; readonly names: readonly string[] };

type ListRequest = Extract<VoicesRequest, { action: 'list' }>;
type InstallRequest = Extract<VoicesRequest, { action: 'install' }>;
type NamesRequest = Extract<VoicesRequest, { action: 'remove' }>;

/** The io module, loaded only when `voices` runs. */
type VoiceCatalogue = typeof import('../io/voice-catalogue.js');

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const CATALOGUE_HELP = "base URL of the voice catalogue (default: VOXPRESS_VOICE_CATALOGUE, else Piper's on Hugging Face)";

/** Adds the `voices` subcommand to `parent` (whose output and exit settings it inherits); `onRun` receives what was asked. */
export function addVoicesCommand(parent: Command, onRun: (request: VoicesRequest) => void): void {
  const voices = parent
    .command(VOICES_COMMAND)
    .description('list, install and remove Piper neural voices (for --engine piper), in VOXPRESS_VOICES_DIR or the per-user cache folder')
    .addHelpText(
      'after',
      `
Installed voices work offline. Each voice has its own licence: read its MODEL_CARD, installed beside it.

Exit status: 0 done, 1 a download, a check or a file failed (the other voices named are still done),
2 usage error (a name that is not a Piper voice name: nothing is downloaded), 130 interrupted (nothing left behind).`,
    );
  voices
    .command('list')
    .description('the installed voices; with --available, the catalogue, installed ones marked')
    .option('--available', 'list the voices of the catalogue', false)
    .option('--json', 'print JSON', false)
    .option('--catalogue <url>', CATALOGUE_HELP)
    .action((opts: { available: boolean; json: boolean; catalogue?: string }) => onRun({ action: 'list', ...opts }));
  voices
    .command('install')
    .description('download voices from the catalogue, checked against its sizes and MD5 sums')
    .argument('<names...>', 'voice names, such as en_US-joe-medium')
    .option('-q, --quiet', 'print only errors', false)
    .option('--catalogue <url>', CATALOGUE_HELP)
    .action((names: string[], opts: { quiet: boolean; catalogue?: string }) => onRun({ action: 'install', names, ...opts }));
  voices
    .command('remove')
    .description('delete installed voices')
    .argument('<names...>', 'voice names')
    .action((names: string[]) => onRun({ action: 'remove', names }));
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** The request's names, each once, in the order given. */
const distinct = (names: readonly string[]): string[] => [...new Set(names)];

/**
 * Prints a failure as its one line on stderr (escaped: it may quote a name
 * or a downloaded text); its exit status. Anything but a voice error or a
 * refused name is a bug, and thrown on.
 */
function reported(io: VoiceCatalogue, error: unknown): number {
  if (!(error instanceof io.VoiceError) && !(error instanceof SpeechError)) throw error;
  process.stderr.write(`voxpress: voices: ${printableName(error.message)}\n`);
  // A name that is not a voice name is a usage error; a download or a file that failed is a failure.
  return error instanceof SpeechError ? EXIT_USAGE : EXIT_FAILED;
}

/** A line of `voices list`. */
const installedLine = (v: InstalledVoice): string => `${v.name.padEnd(32)} ${v.language.padEnd(6)} ${megabytes(v.bytes).padStart(9)}  ${v.folder}\n`;

/** A line of `voices list --available`: `*` marks an installed voice. */
const availableLine = (v: CatalogueVoice, installed: boolean): string => `${installed ? '*' : ' '} ${v.name.padEnd(32)} ${v.language.padEnd(6)} ${megabytes(v.bytes).padStart(9)}\n`;

async function list(io: VoiceCatalogue, request: ListRequest, dir: string): Promise<number> {
  const installed = await io.installedVoices(dir);
  if (!request.available) {
    if (request.json) process.stdout.write(`${JSON.stringify({ folder: dir, voices: installed }, null, 2)}\n`);
    else if (installed.length === 0) process.stdout.write(`no Piper voices installed in ${dir} (voxpress voices list --available; voxpress voices install <name>)\n`);
    else for (const v of installed) process.stdout.write(installedLine(v));
    return EXIT_OK;
  }
  const voices = await io.fetchCatalogue(io.catalogueBase(request.catalogue));
  const names = new Set(installed.map((v) => v.name));
  if (request.json) process.stdout.write(`${JSON.stringify(voices.map((v) => ({ name: v.name, language: v.language, quality: v.quality, bytes: v.bytes, installed: names.has(v.name) })), null, 2)}\n`);
  else for (const v of voices) process.stdout.write(availableLine(v, names.has(v.name)));
  return EXIT_OK;
}

async function remove(io: VoiceCatalogue, request: NamesRequest, dir: string): Promise<number> {
  let status = EXIT_OK;
  for (const name of distinct(request.names)) {
    try {
      await io.removeVoice(name, dir);
      process.stdout.write(`removed ${name}\n`);
    } catch (error) {
      status = Math.max(status, reported(io, error));
    }
  }
  return status;
}

/** The progress bar of one voice's download: on a terminal only, and not with --quiet. */
async function downloadBar(name: string, quiet: boolean): Promise<SingleBar | undefined> {
  if (quiet || !process.stderr.isTTY) return undefined;
  return progressBar(`${name} [{bar}] {percentage}% | {done} of {size}`);
}

/** Downloads one voice, its progress on the bar; the line that says it was installed is the summary. */
async function installOne(io: VoiceCatalogue, name: string, options: { base: string; dir: string; catalogue: readonly CatalogueVoice[]; quiet: boolean; signal: AbortSignal }): Promise<void> {
  const bar = await downloadBar(name, options.quiet);
  let started = false;
  try {
    const folder = await io.installVoice(name, {
      ...options,
      onProgress: ({ received, total }) => {
        if (!started) bar?.start(total, 0, { done: megabytes(0), size: megabytes(total) });
        started = true;
        bar?.update(received, { done: megabytes(received) });
      },
    });
    bar?.stop();
    const voice = io.catalogueVoice(options.catalogue, name);
    if (!options.quiet) process.stdout.write(`installed ${name} (${megabytes(voice.bytes)}, sizes and MD5 checked) in ${folder}\n`);
  } catch (error) {
    bar?.stop();
    throw error;
  }
}

/**
 * Installs the named voices. Ctrl-C (or SIGTERM) stops the download under
 * way, which then leaves nothing behind, and ends the command with the
 * status a shell gives a process the signal killed.
 */
async function install(io: VoiceCatalogue, request: InstallRequest, dir: string): Promise<number> {
  const names = distinct(request.names);
  // Names are checked before anything is downloaded.
  for (const name of names) installedVoiceFiles(name, dir);
  const base = io.catalogueBase(request.catalogue);
  const stop = new AbortController();
  let caught: NodeJS.Signals | undefined;
  const interrupt = (signal: NodeJS.Signals): void => {
    caught ??= signal;
    stop.abort();
  };
  process.on('SIGINT', interrupt).on('SIGTERM', interrupt);
  let current: string | undefined;
  try {
    const catalogue = await io.fetchCatalogue(base, stop.signal);
    let status = EXIT_OK;
    for (const name of names) {
      if (caught) break;
      current = name;
      try {
        await installOne(io, name, { base, dir, catalogue, quiet: request.quiet, signal: stop.signal });
      } catch (error) {
        if (caught) break;
        status = Math.max(status, reported(io, error));
      }
    }
    if (!caught) return status;
  } catch (error) {
    if (!caught) return reported(io, error);
  } finally {
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
  }
  process.stderr.write(`voxpress: voices: interrupted${current ? `: ${current} was not installed (nothing of it is left)` : ''}\n`);
  return 128 + os.constants.signals[caught];
}

/** Runs what was asked; the exit status. */
export async function runVoices(request: VoicesRequest): Promise<number> {
  // The network and file code loads only for this command.
  const io = await import('../io/voice-catalogue.js');
  const dir = voicesDir();
  try {
    if (request.action === 'list') return await list(io, request, dir);
    if (request.action === 'remove') return await remove(io, request, dir);
    return await install(io, request, dir);
  } catch (error) {
    return reported(io, error);
  }
}
