import { findCommand, runProcess, type Env } from '../process.js';
import type { Finding } from '../types.js';
import { notChecked, oneAtATime, relativePath, type Absent, type Job, type Located, type Outcome, type Timing, type Validator } from '../validator.js';

/*
 * mpg123, the decoder many players are built on, decodes narration.mp3 to raw
 * 16-bit PCM on stdout. It exits 0 whatever it meets, so its stream errors are
 * read from stderr ("Note: Illegal Audio-MPEG-Header ...", "Trying to resync",
 * "error: ..."), and the decoded length is compared with timing.json.
 */

export const MPG123_CHECKED = 'a full decode: no stream error, resync or skipped bytes; decoded length = timing.json durationMs';

/**
 * timing.json's durationMs is the frame count × samples per frame, rounded
 * to whole milliseconds; mpg123 outputs exactly those samples (no LAME tag, so
 * no gapless trimming). A correct file is within the rounding, 0.5 ms; one
 * frame lost or added (26 ms at 22,050 Hz) is far outside it.
 */
export const DURATION_TOLERANCE_MS = 0.5;

/** stderr lines that report a problem with the stream, not the banner, tags or progress. */
export function streamProblems(stderr: string): string[] {
  return stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^(note|warning):/i.test(line) || /\berror\b/i.test(line));
}

/** The stream's format, from mpg123's "MPEG 2.0 L III cbr48 22050 mono" line. */
export function streamFormat(stderr: string): { sampleRate: number; channels: number } | undefined {
  const m = /^MPEG [\d.]+ L [I]+ \S+ (\d+) (mono|stereo|joint-stereo|dual-channel)/m.exec(stderr);
  return m ? { sampleRate: Number(m[1]), channels: m[2] === 'mono' ? 1 : 2 } : undefined;
}

/** The verdict on one decode: mpg123's stderr, the bytes of PCM it wrote, and timing.json when usable. */
export function mpg123Outcome(stderr: string, pcmBytes: number, code: number | null, timing: Timing | undefined): Outcome {
  const findings: Finding[] = streamProblems(stderr).map((message) => ({ rule: 'stream', message }));
  if (code !== 0) findings.push({ rule: 'exit', message: `mpg123 exited with ${code}` });
  const format = streamFormat(stderr);
  if (!format) return { checked: MPG123_CHECKED, counts: {}, findings: [...findings, { rule: 'stream', message: 'mpg123 found no MPEG audio stream' }] };
  const decodedMs = (pcmBytes / 2 / format.channels / format.sampleRate) * 1000;
  if (timing && Math.abs(decodedMs - timing.durationMs) > DURATION_TOLERANCE_MS) {
    findings.push({ rule: 'duration', message: `decoded ${decodedMs.toFixed(1)} ms, timing.json says ${timing.durationMs} ms (tolerance ${DURATION_TOLERANCE_MS} ms)` });
  }
  return {
    checked: timing ? MPG123_CHECKED : `${MPG123_CHECKED} (duration not compared: no usable timing.json)`,
    counts: { decodedMs: Math.round(decodedMs * 10) / 10, sampleRate: format.sampleRate, problems: findings.length },
    findings,
  };
}

async function decode(command: string, env: Env, job: Job): Promise<Outcome> {
  const result = await runProcess(command, ['-s', relativePath(job)], { env, cwd: job.root, timeoutMs: 300_000, keepStdout: false });
  if (result.failure) return notChecked(MPG123_CHECKED, `mpg123 did not finish: ${result.failure}`);
  return mpg123Outcome(result.stderr, result.stdoutBytes, result.code, job.context.timing);
}

async function locate(env: Env): Promise<Located | Absent> {
  const command = await findCommand('mpg123', env);
  if (!command) return { missing: 'mpg123 is not on PATH' };
  const probe = await runProcess(command, ['--version'], { env, timeoutMs: 30_000 });
  const version = /mpg123 (\d+(?:\.\d+)+)/.exec(probe.stdout)?.[1];
  if (!version) return { missing: `mpg123 --version did not answer a version` };
  return oneAtATime(version, (job) => decode(command, env, job));
}

export const MPG123: Validator = {
  id: 'mpg123',
  name: 'mpg123',
  checks: 'the MP3 stream: decoded in full with no stream error, to the length timing.json states',
  install: 'apt-get install mpg123',
  appliesTo: (file) => file === 'narration.mp3',
  locate,
};
