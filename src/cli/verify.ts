import path from 'node:path';
import type { Command } from 'commander';
import { VERIFY_COMMAND } from './commands.js';
import { writeFileAtomic } from '../io/atomic.js';
import { describeFsError } from '../io/errors.js';

/** `voxpress verify <out>`: the conformance report of a folder of outputs. */

export interface VerifyRequest {
  readonly out: string;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly allowMissing: boolean;
}

export const REPORT_JSON = 'verify-report.json';
export const REPORT_HTML = 'verify-report.html';

const EXIT_USAGE = 2;

/** Adds the `verify` subcommand to `parent` (which it inherits its output and exit settings from); `onRun` receives what was asked. */
export function addVerifyCommand(parent: Command, onRun: (request: VerifyRequest) => void): void {
  parent
    .command(VERIFY_COMMAND)
    .description('check every output in a folder with every validator installed, and write verify-report.json and verify-report.html into it')
    .argument('[out]', 'the output folder (as given to -o), or one article folder in it', 'output')
    .option('--json', 'print the report as JSON on stdout', false)
    .option('-q, --quiet', 'print only the verdict line (and errors)', false)
    .option('--allow-missing', 'exit 0 when every check that ran passed, even if some validators are missing (the report still lists them)', false)
    .addHelpText(
      'after',
      `
Each file is checked by every validator that applies and is installed: the document model, the SSML 1.1 schema,
the timing, the W3C WebVTT parser, mpg123, Mutagen (ID3), the EPUB overlays, EPUBCheck 5 (VOXPRESS_EPUBCHECK5_CP
or epubcheck 5 on PATH), Debian's EPUBCheck, Ace by DAISY (ace-cli), veraPDF (VOXPRESS_VERAPDF_CP or verapdf on
PATH) and voxpress's PDF/UA checks. A validator that is not installed is listed as missing, never counted as passed.

Exit status: 0 every check passed and no validator was missing, 1 some check failed or some validator was
missing (0 with --allow-missing if all that ran passed), 2 usage error (no such folder, no outputs in it).`,
    )
    .action((out: string, opts: { json: boolean; quiet: boolean; allowMissing: boolean }) => onRun({ out, ...opts }));
}

/** Runs the verification, prints and writes the report; the exit status. */
export async function runVerify(request: VerifyRequest): Promise<number> {
  const started = process.hrtime.bigint();
  // The validators (pdf.js, the EPUB checks, libxml2) load only for `verify`, not for every run of the CLI.
  const [{ FolderError }, { reportHtml }, { reportText }, { exitStatus }, { verifyFolder }] = await Promise.all([
    import('../verify/folders.js'),
    import('../verify/render/html.js'),
    import('../verify/render/text.js'),
    import('../verify/report.js'),
    import('../verify/run.js'),
  ]);
  let report;
  try {
    report = await verifyFolder(request.out, {
      env: process.env,
      onValidator: (validator, files) => {
        if (!request.quiet && !request.json) process.stderr.write(`voxpress verify: ${validator.name} on ${files} file${files === 1 ? '' : 's'}\n`);
      },
    });
  } catch (error) {
    if (!(error instanceof FolderError)) throw error;
    process.stderr.write(`voxpress: verify: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const status = exitStatus(report, request.allowMissing);
  try {
    await writeFileAtomic(path.join(request.out, REPORT_JSON), json);
    await writeFileAtomic(path.join(request.out, REPORT_HTML), reportHtml(report));
  } catch (error) {
    process.stderr.write(`voxpress: verify: cannot write the report into ${request.out}: ${describeFsError(error)}\n`);
    return 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (request.json) process.stdout.write(json);
  else if (request.quiet) process.stdout.write(`${report.verdict}\n`);
  else {
    process.stdout.write(reportText(report));
    // Timings only here, on the terminal: the report files stay identical from run to run.
    process.stdout.write(`Report: ${path.join(request.out, REPORT_JSON)}, ${path.join(request.out, REPORT_HTML)} (${seconds.toFixed(1)} s); exit ${status}.\n`);
  }
  return status;
}
