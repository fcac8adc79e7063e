/*
 * The names of the subcommands, in a module of their own so that `bin.ts`
 * can tell a run that processes articles from one that does not without
 * loading the command line (see `startWorkers` in pipeline/batch.ts).
 */

export const VERIFY_COMMAND = 'verify';
export const VOICES_COMMAND = 'voices';

/** The first arguments that process no article: the subcommands and commander's `help`. */
export const NON_ARTICLE_COMMANDS: readonly string[] = [VERIFY_COMMAND, VOICES_COMMAND, 'help'];
