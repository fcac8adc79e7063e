import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mayProcessArticles, VERIFY_COMMAND, VOICES_COMMAND } from '../../src/cli/commands.js';

const CLI = path.resolve('dist/cli/bin.js');

function help(args: string[]): { code: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout };
}

describe('the subcommand names', () => {
  it('are the command line\'s subcommands, each with its own help', () => {
    for (const name of [VERIFY_COMMAND, VOICES_COMMAND]) {
      const run = help([name, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: voxpress ${name}\\b`, 'm'));
    }
  });

  it('are every subcommand the main help shows', () => {
    const run = help(['--help']);
    expect(run.code).toBe(0);
    const commands = (run.stdout.split(/^Commands:$/m)[1] ?? '').split(/\n\n/)[0] ?? '';
    const names = [...commands.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    expect(names.sort()).toEqual([VERIFY_COMMAND, VOICES_COMMAND].sort());
  });
});

describe('mayProcessArticles', () => {
  it('is true for a run over articles, with or without options', () => {
    expect(mayProcessArticles([])).toBe(true);
    expect(mayProcessArticles(['story.md', '-f', 'json'])).toBe(true);
    expect(mayProcessArticles(['./verify', '--jobs', '1'])).toBe(true);
  });
  it('is false for a subcommand or a line that only asks for help or the version', () => {
    for (const args of [[VERIFY_COMMAND, 'out'], [VOICES_COMMAND, 'list'], ['help'], ['story.md', '--help'], ['-h'], ['-V', 'story.md']]) {
      expect(mayProcessArticles(args), args.join(' ')).toBe(false);
    }
  });
});
