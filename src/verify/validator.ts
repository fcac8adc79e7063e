import type { Document } from '../model/types.js';
import type { Env } from './process.js';
import type { Finding } from './types.js';

/** timing.json as the mp3 writer writes it (src/writers/audio.ts), once its shape is checked. */
export interface Timing {
  readonly audio: string;
  readonly durationMs: number;
  readonly engine: string;
  readonly voice: string;
  readonly sampleRate: number;
  readonly wordTimes?: string;
  readonly units: readonly {
    readonly id: string;
    readonly startMs: number;
    readonly endMs: number;
    readonly words?: readonly { readonly text: string; readonly start: number; readonly end: number; readonly startMs: number; readonly endMs: number }[];
  }[];
  readonly chapters: readonly { readonly id: string; readonly title: string; readonly startMs: number; readonly endMs: number }[];
}

/** What other files of the article say, for checks that compare files (ids, durations, tags). */
export interface ArticleContext {
  /** document.json, when it is a valid document. */
  readonly document?: Document;
  /** timing.json, when its shape is right. */
  readonly timing?: Timing;
}

/** One file for a validator to check. */
export interface Job {
  /** The verified folder; validators run with it as working folder and name files relative to it. */
  readonly root: string;
  /** The article folder, relative to root (`.` for root itself). */
  readonly article: string;
  /** The file's name in its article folder. */
  readonly file: string;
  readonly context: ArticleContext;
}

/** The file of a job relative to the verified folder (`slug/article.pdf`): how it is passed to the tools, so reports name no absolute path. */
export function relativePath(job: Job): string {
  return job.article === '.' ? job.file : `${job.article}/${job.file}`;
}

/** What a validator says about one file. */
export interface Outcome {
  /** What was checked: the profile, schema or rules applied. */
  readonly checked: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly findings: readonly Finding[];
}

/** A validator that is there: its version and how to run it on files. */
export interface Located {
  readonly version: string;
  /** Checks every job, in one batch where the tool allows (one JVM for many files); one outcome per job, in order. */
  readonly check: (jobs: readonly Job[]) => Promise<Outcome[]>;
}

/** A validator that is not there, and why. */
export interface Absent {
  readonly missing: string;
}

export interface Validator {
  readonly id: string;
  readonly name: string;
  /** What it checks, in one line for the report. */
  readonly checks: string;
  /** How to install it (shown when it is missing). */
  readonly install: string;
  /** Whether it checks the file of this name. */
  appliesTo(file: string): boolean;
  /** Finds the validator in `env`: what to run and its version, or why it is missing. */
  locate(env: Env): Promise<Located | Absent>;
}

/** A validator found at `version` that checks one file at a time (a tool without a batch mode), in job order. */
export function oneAtATime(version: string, checkOne: (job: Job) => Promise<Outcome>): Located {
  return {
    version,
    check: async (jobs) => {
      const outcomes: Outcome[] = [];
      for (const job of jobs) outcomes.push(await checkOne(job));
      return outcomes;
    },
  };
}

export function isAbsent<T extends object>(found: T | Absent): found is Absent {
  return 'missing' in found;
}

/** An outcome for a file the validator could not check at all (it crashed, timed out, wrote no report): a failure, never a pass. */
export function notChecked(checked: string, why: string): Outcome {
  return { checked, counts: {}, findings: [{ rule: 'not-checked', message: why }] };
}
