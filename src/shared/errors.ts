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
    super(`${file}: ${reason}`);
  }
}
