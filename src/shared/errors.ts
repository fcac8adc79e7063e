/**
 * A file name as it may be printed: control characters (a newline, an ESC
 * sequence) written as escapes, so one message stays one line and nothing
 * reaches the terminal as a command.
 */
export function printableName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * A problem with one input article. Its message is the one line a user sees:
 * `<file>: <reason>`. Anything else thrown while processing an article is a bug.
 */
export class ArticleError extends Error {
  override name = 'ArticleError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    // The reason may quote the input (a language tag, a date): escaped like the name, so it stays one line.
    super(`${printableName(file)}: ${printableName(reason.split('\n')[0] ?? reason)}`);
  }
}
