import { processArticle, type ArticleResult, type ArticleTask } from './article.js';

/**
 * The worker-thread entry point of the batch pool. Module state (a speech
 * engine instance, fonts) lives as long as the worker, so it is shared by
 * every article the worker processes.
 */
export default function runTask(task: ArticleTask): Promise<ArticleResult> {
  return processArticle(task);
}

/** Does nothing: a pool runs it to start a worker, which loads this module (and the pipeline) before it answers. */
export function warm(): void {}
