/**
 * The engines side by side on the sample: real-time factor per core (CPU
 * seconds of the whole process per second of audio, from GNU time), wall-clock
 * real-time factor, peak memory, and intelligibility as a speech recogniser
 * hears it: Debian's pocketsphinx with its US English model transcribes the
 * MP3, and the word error rate is taken against the narration's spoken text.
 * Printed, never asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { timedRun } from './hyperfine.js';

export interface VoiceFigures {
  readonly engine: string;
  readonly voice: string;
  readonly audioSeconds: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakBytes: number;
  /** Word error rate against the spoken text, 0–1; undefined without pocketsphinx. */
  readonly wordErrorRate?: number;
  readonly recognisedWords?: number;
}

/** Words as a recogniser writes them: lower case, apostrophes kept, every other mark a space. */
export function wordsForScoring(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0 && w !== "'");
}

/** Levenshtein distance over words divided by the reference's length. */
export function wordErrorRate(reference: readonly string[], hypothesis: readonly string[]): number {
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const current = [i];
    for (let j = 1; j <= hypothesis.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return reference.length === 0 ? 0 : (previous[hypothesis.length] ?? 0) / reference.length;
}

/** What pocketsphinx hears in an MP3 (decoded to 16 kHz mono by mpg123), or undefined when either is missing. */
function transcribe(mp3: string, work: string, installed: ReadonlySet<string>): string | undefined {
  const model = '/usr/share/pocketsphinx/model/en-us';
  if (!existsSync(model) || !installed.has('pocketsphinx_continuous') || !installed.has('mpg123')) return undefined;
  const wav = path.join(work, `${path.basename(path.dirname(mp3))}-16k.wav`);
  execFileSync('mpg123', ['-q', '-r', '16000', '-m', '-w', wav, mp3]);
  return execFileSync('pocketsphinx_continuous', ['-infile', wav, '-hmm', `${model}/en-us`, '-lm', `${model}/en-us.lm.bin`, '-dict', `${model}/cmudict-en-us.dict`, '-logfn', '/dev/null'], { encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** One engine's figures on `article` (`--formats mp3 --jobs 1`), with `spoken` the narration's spoken text. */
export function voiceFigures(run: { node: string; cli: string; article: string; out: string; work: string; engine: string; installed: ReadonlySet<string>; env?: NodeJS.ProcessEnv }, spoken: string): VoiceFigures | string {
  const { node, cli, article, out, work, engine } = run;
  const result = timedRun([node, cli, article, '--engine', engine, '--formats', 'mp3', '--jobs', '1', '--out', out, '--force', '--quiet'], { ...process.env, ...run.env });
  if (!result) return 'not measured (no /usr/bin/time)';
  if (result.status !== 0) return result.stderr.split('\n').find((l) => l.startsWith('voxpress:'))?.replace(/^voxpress: /, '') ?? `exit ${result.status}`;
  const folder = path.join(out, path.basename(article, path.extname(article)));
  const timing = JSON.parse(readFileSync(path.join(folder, 'timing.json'), 'utf8')) as { durationMs: number; voice: string };
  const heard = transcribe(path.join(folder, 'narration.mp3'), work, run.installed);
  const hypothesis = heard === undefined ? undefined : wordsForScoring(heard);
  return {
    engine,
    voice: timing.voice,
    audioSeconds: timing.durationMs / 1000,
    wallSeconds: result.wallSeconds,
    cpuSeconds: result.cpuSeconds,
    peakBytes: result.peakBytes,
    ...(hypothesis ? { wordErrorRate: wordErrorRate(wordsForScoring(spoken), hypothesis), recognisedWords: hypothesis.length } : {}),
  };
}
