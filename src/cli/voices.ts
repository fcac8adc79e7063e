import cliProgress from 'cli-progress';
import type { Command } from 'commander';

/** `voxpress voices list|install|remove`: the Piper voices of this machine. */

export type VoicesRequest =
  | { readonly action: 'list'; readonly available: boolean; readonly json: boolean; readonly catalogue?: string }
  | { readonly action: 'install'; readonly names: readonly string[]; readonly quiet: boolean; readonly catalogue?: string }
  | { readonly action: 'remove'; readonly names: readonly string[] };

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const CATALOGUE_HELP = 'base URL of the voice catalogue (default: VOXPRESS_VOICE_CATALOGUE, else Piper\'s on Hugging Face)';

/** Adds the `voices` subcommand to `parent` (whose output and exit settings it inherits); `onRun` receives what was asked. */
export function addVoicesCommand(parent: Command, onRun: (request: VoicesRequest) => void): void {
  const voices = parent
    .command('voices')
    .description('list, install and remove Piper neural voices (for --engine piper), in VOXPRESS_VOICES_DIR or the per-user cache folder')
    .addHelpText('after', '\nInstalled voices work offline. Each voice has its own licence: read its MODEL_CARD, installed beside it.');
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

/** Runs what was asked; the exit status. */
export async function runVoices(request: VoicesRequest): Promise<number> {
  // The network and file code loads only for this command.
  const catalogue = await import('../io/voice-catalogue.js');
  const { voicesDir } = await import('../speech/engines/piper-voices.js');
  const dir = voicesDir();
  const fail = (error: unknown): number => {
    process.stderr.write(`voxpress: voices: ${(error as Error).message}\n`);
    // A name that is not a voice name is a usage error; a download or a file that failed is a failure.
    return (error as Error).name === 'SpeechError' ? EXIT_USAGE : EXIT_FAILED;
  };
  try {
    if (request.action === 'list') {
      const installed = await catalogue.installedVoices(dir);
      if (!request.available) {
        if (request.json) process.stdout.write(`${JSON.stringify({ folder: dir, voices: installed }, null, 2)}\n`);
        else if (installed.length === 0) process.stdout.write(`no Piper voices installed in ${dir} (voxpress voices list --available; voxpress voices install <name>)\n`);
        else for (const v of installed) process.stdout.write(`${v.name.padEnd(32)} ${v.language.padEnd(6)} ${megabytes(v.bytes).padStart(9)}  ${v.folder}\n`);
        return 0;
      }
      const voices = await catalogue.fetchCatalogue(catalogue.catalogueBase(request.catalogue));
      const names = new Set(installed.map((v) => v.name));
      if (request.json) {
        process.stdout.write(`${JSON.stringify(voices.map((v) => ({ name: v.name, language: v.language, quality: v.quality, bytes: v.files.reduce((n, f) => n + f.size, 0), installed: names.has(v.name) })), null, 2)}\n`);
      } else {
        for (const v of voices) process.stdout.write(`${names.has(v.name) ? '*' : ' '} ${v.name.padEnd(32)} ${v.language.padEnd(6)} ${megabytes(v.files.reduce((n, f) => n + f.size, 0)).padStart(9)}\n`);
      }
      return 0;
    }
    if (request.action === 'remove') {
      let status = 0;
      for (const name of request.names) {
        try {
          await catalogue.removeVoice(name, dir);
          process.stdout.write(`removed ${name}\n`);
        } catch (error) {
          status = Math.max(status, fail(error));
        }
      }
      return status;
    }
    // Names are checked before anything is downloaded.
    const { installedVoiceFiles } = await import('../speech/engines/piper-voices.js');
    for (const name of request.names) installedVoiceFiles(name, dir);
    const base = catalogue.catalogueBase(request.catalogue);
    const voices = await catalogue.fetchCatalogue(base);
    let status = 0;
    for (const name of request.names) {
      const bar = process.stderr.isTTY && !request.quiet ? new cliProgress.SingleBar({ format: `${name} [{bar}] {percentage}% | {value}/{total} bytes`, hideCursor: true, clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
      try {
        let started = false;
        const folder = await catalogue.installVoice(name, {
          base,
          dir,
          catalogue: voices,
          onProgress: ({ received, total }) => {
            if (!started) bar?.start(total, 0);
            started = true;
            bar?.update(received);
          },
        });
        bar?.stop();
        if (!request.quiet) process.stdout.write(`installed ${name} in ${folder} (sizes and MD5 checked)\n`);
      } catch (error) {
        bar?.stop();
        status = Math.max(status, fail(error));
      }
    }
    return status;
  } catch (error) {
    return fail(error);
  }
}
