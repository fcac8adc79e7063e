#!/usr/bin/env node
import { VERSION } from '../shared/version.js';
import { NON_ARTICLE_COMMANDS } from './commands.js';

// A closed standard output (`voxpress --help | head`) ends the process quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const args = process.argv.slice(2);

// `--version` alone answers before the pipeline's modules load (they take most of a second); anything else goes to main.
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const batch = await import('../pipeline/batch.js');
  // A run on one article (the common case) uses one worker with the default budget: start it now, so that it
  // boots while `main` loads and checks the arguments (`--formats json` on the sample: 215 to 182 ms, hyperfine,
  // 30 runs each). Any other run stops it unused; a subcommand or help never needs it.
  const processesArticles = !NON_ARTICLE_COMMANDS.includes(args[0] ?? '') && !args.some((a) => a === '--help' || a === '-h');
  if (processesArticles) batch.startWorkers(1, batch.DEFAULT_BUDGET);
  // The only module with a side effect on import: `main` itself is a plain function tests and embedders call.
  const { main } = await import('./main.js');
  await main(args)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`voxpress: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    )
    .finally(() => batch.stopStartedWorkers());
}
