/*
 * The names of the subcommands, once: the modules that define them and the
 * test that checks them against the help take them from here.
 */

export const VERIFY_COMMAND = 'verify';
export const VOICES_COMMAND = 'voices';
