/**
 * The conformance report of `voxpress verify`: for each article folder, each
 * file, each validator that ran on it, what it checked and what it found; and
 * the validators that were not installed, which never count as passed.
 * Plain serialisable data: `verify-report.json` is this, as it is.
 */

/** One thing a validator found wrong. */
export interface Finding {
  /** The validator's own id for the rule or message: veraPDF `7.18.5-2`, EPUBCheck `RSC-012`, Ace `image-alt`, voxpress `ids`. */
  readonly rule: string;
  readonly message: string;
  /** Where, as the validator says it: a line, an object path, a file inside the EPUB. */
  readonly location?: string;
  /** EPUBCheck's severity, Ace's impact; absent where the validator has one level. */
  readonly severity?: string;
  /** How often the rule failed, where the validator counts (veraPDF's failed checks of a rule). */
  readonly count?: number;
}

/** What one validator said about one file. */
export interface FileCheck {
  /** The file, relative to its article folder (`article.pdf`). */
  readonly file: string;
  /** The validator's id in `VALIDATORS` (`verapdf`). */
  readonly validator: string;
  /** The version that ran, as the validator reports it. */
  readonly version: string;
  /** What was checked: the profile, schema or rules applied. */
  readonly checked: string;
  /** The counts the validator reports (rules and checks passed and failed, messages by severity). */
  readonly counts: Readonly<Record<string, number>>;
  readonly passed: boolean;
  readonly findings: readonly Finding[];
}

/** A validator that would have checked some file but is not installed (or not usable) here. */
export interface MissingValidator {
  readonly validator: string;
  readonly name: string;
  /** Why it counts as missing: what was looked for and not found. */
  readonly reason: string;
  /** How to install it. */
  readonly install: string;
  /** The files it would have checked, relative to the verified folder. */
  readonly files: readonly string[];
}

/** A validator that ran: its name, version, and what it is for. */
export interface ValidatorUsed {
  readonly validator: string;
  readonly name: string;
  readonly version: string;
  readonly checks: string;
}

export interface ArticleReport {
  /** The article folder, relative to the verified folder (`.` when the folder itself is one article). */
  readonly folder: string;
  /** The voxpress outputs found in it. */
  readonly files: readonly string[];
  /** Outputs that no validator checks (narration.wav): listed so that nobody takes them for verified. */
  readonly unchecked: readonly string[];
  readonly checks: readonly FileCheck[];
  /** Validators that would have checked files of this article. */
  readonly missing: readonly string[];
  readonly passed: boolean;
}

/**
 * `passed`: every check that ran passed and no validator was missing;
 * `failed`: some check failed; `incomplete`: every check that ran passed, but
 * some validator was missing, so the outputs were not fully verified.
 */
export type Verdict = 'passed' | 'failed' | 'incomplete';

export interface VerifyReport {
  readonly tool: 'voxpress verify';
  readonly voxpressVersion: string;
  readonly articles: readonly ArticleReport[];
  readonly validators: readonly ValidatorUsed[];
  readonly missing: readonly MissingValidator[];
  readonly totals: {
    readonly articles: number;
    readonly files: number;
    readonly checks: number;
    readonly passed: number;
    readonly failed: number;
    readonly missingValidators: number;
  };
  readonly verdict: Verdict;
}
