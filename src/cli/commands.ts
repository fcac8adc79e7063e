/*
 * The names of the subcommands, once: the modules that define them and the
 * test that checks them against the help take them from here.
 */

export const VERIFY_COMMAND = 'verify';
export const VOICES_COMMAND = 'voices';

const ANSWERS_ALONE = new Set(['-h', '--help', '-V', '--version']);

/**
 * Whether a command line looks like a run over articles, so that a worker is
 * worth starting before the CLI has parsed it. A wrong guess costs only that
 * worker's start: the run parses the line itself.
 */
export function mayProcessArticles(args: readonly string[]): boolean {
  const first = args[0];
  if (first === VERIFY_COMMAND || first === VOICES_COMMAND || first === 'help') return false;
  return !args.some((arg) => ANSWERS_ALONE.has(arg));
}
