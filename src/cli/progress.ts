import type { SingleBar } from 'cli-progress';

/**
 * A progress bar on `stream` (standard error) in voxpress's one style,
 * `format` being cli-progress's line template. It draws only on a terminal. cli-progress is loaded here, when a bar is
 * shown (on a terminal, without --quiet), not with the command line: it
 * took 11 ms of every run's start-up (`node -e "await import('cli-progress')"`).
 */
export async function progressBar(format: string, stream: NodeJS.WriteStream = process.stderr): Promise<SingleBar> {
  const { default: cliProgress } = await import('cli-progress');
  return new cliProgress.SingleBar({ format, hideCursor: true, clearOnComplete: true, stream }, cliProgress.Presets.shades_classic);
}
