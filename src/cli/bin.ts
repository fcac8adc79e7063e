#!/usr/bin/env node
import { VERSION } from '../shared/version.js';
import { mayProcessArticles } from './commands.js';

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
  // A worker started now loads the pipeline while this thread loads the CLI (about 50 ms each); the run takes it over
  // when its --jobs and --article-memory fit the defaults it was started with.
  const { WarmPool, DEFAULT_BUDGET, defaultJobs } = await import('../pipeline/pool.js');
  const warmPool = mayProcessArticles(args) ? new WarmPool(defaultJobs(), DEFAULT_BUDGET) : undefined;
  // The only module with a side effect on import: `main` itself is a plain function tests and embedders call.
  const { main } = await import('./main.js');
  await main(args, warmPool)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`voxpress: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      },
    )
    .finally(() => warmPool?.release());
}
