import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { canonicalLang, MetadataError } from '../model/metadata.js';
import type { ArticleResult } from '../pipeline/article.js';
import { expandInputs, runBatch, type BatchSummary } from '../pipeline/batch.js';
import { DEFAULT_BUDGET, defaultJobs, type WarmPool } from '../pipeline/pool.js';
import { ARTICLE_EXTENSIONS, READER_ENTRIES } from '../readers/registry.js';
import { printableName } from '../shared/errors.js';
import { VERSION } from '../shared/version.js';
import { DEFAULT_ENGINE, engineEntry, ENGINE_NAMES, ENGINES } from '../speech/engines/index.js';
import { MAX_RATE_WPM, MIN_RATE_WPM, type EngineName, type SpeechOptions } from '../speech/engines/types.js';
import type { Lexicon } from '../speech/lexicon.js';
import type { ScriptOptions } from '../speech/script.js';
import { PROFILE_NAMES, type ProfileName } from '../speech/ssml/profiles.js';
import { DEFAULT_FORMATS, FORMATS, PAPERS, WRITERS, writerFor, type Paper } from '../writers/index.js';
import { progressBar } from './progress.js';
import { addVerifyCommand, runVerify, type VerifyRequest } from './verify.js';
import { addVoicesCommand, runVoices, type VoicesRequest } from './voices.js';

/** Exit codes: all articles written, some article failed, the command line was wrong. */
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

class UsageError extends Error {}

/** Whether a format is made from synthesised audio (so it needs an engine that can write audio). */
function isAudioFormat(format: string): boolean {
  return (writerFor(format)?.needs.length ?? 0) > 0;
}

const EXTENSIONS = ARTICLE_EXTENSIONS.join(', ');

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };

interface CliOptions {
  out: string;
  formats: string[];
  jobs: number;
  articleTimeout: number;
  articleMemory: number;
  lang?: string;
  title?: string;
  author?: string[];
  quiet: boolean;
  json: boolean;
  force: boolean;
  ssmlProfile: ProfileName;
  ssmlVoice?: string;
  lexicon?: string[];
  certifiedBy?: string;
  narrator?: string;
  engine: EngineName;
  voice?: string;
  rate?: number;
  play: boolean;
  paper: Paper;
  resourceRoot?: string;
  inferStructure: boolean;
}

function parseFormats(value: string): string[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (formats.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`unknown format ${unknown.map((f) => `"${f}"`).join(', ') || '(none given)'}; choose from ${FORMATS.join(', ')}`);
  }
  return [...new Set(formats)];
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new InvalidArgumentError('must be a whole number from 1 to 256');
  return jobs;
}

/** The longest `--article-timeout`: a day. */
const MAX_ARTICLE_SECONDS = 86_400;

function parseArticleTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds <= MAX_ARTICLE_SECONDS)) throw new InvalidArgumentError(`must be seconds from 0 (no limit) to ${MAX_ARTICLE_SECONDS}`);
  return seconds;
}

/** The smallest heap an article can be made in (the fonts, the speech engine and the writers' code need about this much), and the largest asked for sensibly. */
const MIN_ARTICLE_MB = 64;
const MAX_ARTICLE_MB = 65_536;

function parseArticleMemory(value: string): number {
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < MIN_ARTICLE_MB || mb > MAX_ARTICLE_MB) throw new InvalidArgumentError(`must be a whole number of MiB from ${MIN_ARTICLE_MB} to ${MAX_ARTICLE_MB}`);
  return mb;
}

function parseLang(value: string): string {
  try {
    return canonicalLang(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof MetadataError ? error.message : String(error));
  }
}

function parseRate(value: string): number {
  const rate = Number(value);
  if (!Number.isInteger(rate) || rate < MIN_RATE_WPM || rate > MAX_RATE_WPM) throw new InvalidArgumentError(`must be a whole number of words per minute from ${MIN_RATE_WPM} to ${MAX_RATE_WPM}`);
  return rate;
}

function parseVoice(value: string): string {
  // Names (en-gb+f3, en_US-joe-medium), lang=voice lists (en=en_US-joe-medium,fr=fr_FR-siwis-medium) and paths to Piper voices.
  if (!/^[\p{L}\p{N}./~][\p{L}\p{N} ._+/=,~-]{0,1023}$/u.test(value)) throw new InvalidArgumentError('must be a voice name, lang=voice pairs separated by commas, or a path to a .onnx voice');
  return value;
}

/** The last second of 9999: later dates cannot be written as the four-digit years EPUB and PDF dates need. */
const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/** `SOURCE_DATE_EPOCH` as seconds, undefined when unset, or an Error saying why it is unusable. */
function sourceDateEpochOf(value: string | undefined): number | undefined | Error {
  if (value === undefined || value === '') return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(seconds <= MAX_SOURCE_DATE_EPOCH)) return new Error(`SOURCE_DATE_EPOCH must be whole seconds from 0 to ${MAX_SOURCE_DATE_EPOCH}, got "${value}"`);
  return seconds;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function program(): Command {
  return new Command()
    .name('voxpress')
    .description('Turn news articles into narration, an accessible EPUB 3 and a tagged PDF/UA edition.')
    .version(VERSION, '-V, --version')
    .argument('[paths...]', `article files (${EXTENSIONS}) and folders of them`, ['input'])
    .option('-o, --out <folder>', 'output folder; each article gets <folder>/<slug>/', 'output')
    .addOption(
      new Option('-f, --formats <list>', `comma-separated outputs: ${WRITERS.map((w) => w.format).join(', ')}`)
        .default(DEFAULT_FORMATS, DEFAULT_FORMATS.join(','))
        .argParser(parseFormats),
    )
    .addOption(new Option('-j, --jobs <n>', 'articles processed in parallel').default(defaultJobs(), 'number of cores').argParser(parseJobs))
    .addOption(new Option('--article-timeout <seconds>', 'time one article may take before it fails alone (0: no limit)').default(DEFAULT_BUDGET.seconds).argParser(parseArticleTimeout))
    .addOption(new Option('--article-memory <MiB>', 'JavaScript heap one article may use before it fails alone').default(DEFAULT_BUDGET.memoryMb).argParser(parseArticleMemory))
    .option('--lang <tag>', 'language of the articles (BCP 47), overriding their own', parseLang)
    .option('--title <title>', 'title, overriding the article\'s own')
    .option('--author <name>', 'author (repeat for several), overriding the article\'s own', collect)
    .addOption(new Option('--ssml-profile <profile>', 'also write the narration in request-sized SSML files for a speech service').choices(PROFILE_NAMES).default('w3c'))
    .option('--ssml-voice <name>', 'voice name for SSML profiles that need one (azure; default: a voice for the article\'s language)')
    .option('--lexicon <file.pls>', 'W3C PLS 1.0 pronunciation lexicon (repeat for several; the first wins)', collect)
    .option('--certified-by <name>', 'EPUB: who states its accessibility conformance (a11y:certifiedBy); default the article\'s source, else voxpress')
    .option('--narrator <name>', 'EPUB: name of the narration voice (media:narrator)')
    .addOption(new Option('--engine <name>', `speech engine: ${ENGINES.map((e) => `${e.name} (${e.description})`).join('; ')}`).choices(ENGINE_NAMES).default(DEFAULT_ENGINE))
    .option('--voice <name>', 'voice (espeak: en-us, fr-fr, en-gb+f3; piper: en_US-joe-medium, a path to a .onnx voice, or per language: en=en_US-joe-medium,fr=fr_FR-siwis-medium); default: a voice for the article\'s language', parseVoice)
    .option('--rate <wpm>', `speaking rate in words per minute (${MIN_RATE_WPM}-${MAX_RATE_WPM}, default 175)`, parseRate)
    .option('--play', 'also speak each article aloud (with an engine that speaks aloud: say)', false)
    .addOption(new Option('--paper <size>', 'PDF paper size').choices(PAPERS).default('a4'))
    .option('--resource-root <folder>', "folder images may be read from (default: each article's own folder); nothing outside it is embedded")
    .option('--no-infer-structure', 'plain text: do not infer headings and lists from the layout')
    .option('--force', 'rebuild outputs even when nothing changed', false)
    .option('-q, --quiet', 'print only errors', false)
    .option('--json', 'print a machine-readable summary on stdout', false)
    .addHelpText(
      'after',
      `
Inputs, by file extension:
${READER_ENTRIES.map((r) => `  ${r.extensions.join(', ').padEnd(18)} ${r.description}`).join('\n')}

Outputs (per article, in <out>/<slug>/):
${WRITERS.map((w) => `  ${w.format.padEnd(6)} ${w.description}`).join('\n')}

voxpress verify [out] checks the outputs with every validator installed and writes a conformance report
(voxpress verify --help). voxpress voices list|install|remove manages the Piper voices of --engine piper
(voxpress voices --help). An article file named "verify" or "voices" is given as ./verify, ./voices.

Exit status: 0 all articles written, 1 some article or format failed (the others are still written), 2 usage error.`,
    );
}

/** Fails early, with one line, when the output folder cannot be written at all. */
async function checkWritable(out: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
    // Asked rather than tried: a probe file written here would be left behind by a run killed at this moment.
    await access(out, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a file is in the way' : (error as Error).message;
    throw new Error(`cannot write to output folder ${out}: ${reason}`);
  }
}

function describe(result: ArticleResult): string {
  if (result.status === 'failed') return result.error;
  const verb = result.status === 'reused' ? 'unchanged' : 'wrote';
  return `${printableName(result.file)} → ${printableName(result.outDir)} (${verb} ${result.outputs.length} file${result.outputs.length === 1 ? '' : 's'})`;
}

function summaryLine(summary: BatchSummary): string {
  const partial = summary.failedFormats > 0 ? ` (${summary.failedFormats} format${summary.failedFormats === 1 ? '' : 's'} failed)` : '';
  return `${summary.articles} article${summary.articles === 1 ? '' : 's'}: ${summary.written} written${partial}, ${summary.reused} unchanged, ${summary.failed} failed; ${summary.outputs} output files in ${summary.seconds.toFixed(2)} s`;
}

function jsonSummary(summary: BatchSummary): string {
  return JSON.stringify(
    {
      version: VERSION,
      articles: summary.articles,
      written: summary.written,
      reused: summary.reused,
      failed: summary.failed,
      failedFormats: summary.failedFormats,
      outputs: summary.outputs,
      seconds: Number(summary.seconds.toFixed(3)),
      results: summary.results.map((r) =>
        r.status === 'failed'
          ? { file: r.file, status: r.status, outDir: r.outDir, error: r.error, failures: r.failures ?? [] }
          : { file: r.file, status: r.status, outDir: r.outDir, outputs: r.outputs, warnings: r.warnings, failures: r.failures },
      ),
    },
    null,
    2,
  );
}

/** Runs the command line `argv`; `warmPool`, started by the caller before this module loaded, is used when the run's settings fit it (the caller releases it either way). */
export async function main(argv: readonly string[], warmPool?: WarmPool): Promise<number> {
  const cmd = program()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  let verify: VerifyRequest | undefined;
  // Added after the settings above, so the subcommand inherits them. The empty action makes the
  // program itself take paths; without it commander would call them unknown commands.
  addVerifyCommand(cmd, (request) => {
    verify = request;
  });
  let voices: VoicesRequest | undefined;
  addVoicesCommand(cmd, (request) => {
    voices = request;
  });
  // `voxpress verify out --json`: options after the subcommand's name are its own, not the program's.
  cmd.enablePositionalOptions().action(() => undefined);
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  if (verify) return runVerify(verify);
  if (voices) return runVoices(voices);
  const opts = cmd.opts<CliOptions>();
  const paths = cmd.processedArgs[0] as string[];
  // Lexicons are read once, here, into plain data that crosses to the workers with the options.
  const lexicons: Lexicon[] = [];
  try {
    if (paths.length === 0) throw new UsageError('no input paths given');
    if (opts.lexicon) {
      // The XML parser loads only for a run with lexicons.
      const { readLexicon } = await import('../io/lexicon.js');
      for (const file of opts.lexicon) lexicons.push(await readLexicon(file));
    }
    await checkWritable(opts.out);
  } catch (error) {
    process.stderr.write(`voxpress: ${(error as Error).message}\n`);
    return error instanceof UsageError || (error instanceof Error && error.name === 'LexiconError') ? EXIT_USAGE : EXIT_FAILED;
  }

  const sourceDateEpoch = sourceDateEpochOf(process.env.SOURCE_DATE_EPOCH);
  if (sourceDateEpoch instanceof Error) {
    process.stderr.write(`voxpress: ${sourceDateEpoch.message}\n`);
    return EXIT_USAGE;
  }
  const chosen: SpeechOptions = {
    engine: opts.engine,
    ...(opts.voice !== undefined ? { voice: opts.voice } : {}),
    ...(opts.rate !== undefined ? { rate: opts.rate } : {}),
  };
  const entry = engineEntry(opts.engine);
  // Checked once, before any article, when the run speaks: not the same line for every article and format.
  const problem = opts.formats.some(isAudioFormat) || opts.play ? await entry.problem?.(chosen) : undefined;
  if (problem !== undefined) {
    process.stderr.write(`voxpress: --engine ${opts.engine}: ${problem}\n`);
    return EXIT_USAGE;
  }
  // Voices the user installs can change between runs: what they are now is part of what the outputs depend on.
  const voiceIdentity = await entry.identity?.(chosen);
  const speech: SpeechOptions = { ...chosen, ...(voiceIdentity !== undefined ? { voiceIdentity } : {}) };
  const capabilities = engineEntry(opts.engine).capabilities(process.platform);
  const speakers = ENGINES.filter((e) => e.capabilities(process.platform).speaksAloud).map((e) => e.name);
  if (opts.play && !capabilities.speaksAloud) {
    process.stderr.write(`voxpress: --play needs an engine that speaks aloud: use it with --engine ${speakers.join(' or ')}\n`);
    return EXIT_USAGE;
  }
  if (!capabilities.exportsAudio) {
    // An engine that cannot write audio here: audio formats asked for by name are a usage error, default ones are left out.
    const audio = opts.formats.filter(isAudioFormat);
    if (audio.length > 0 && cmd.getOptionValueSource('formats') !== 'default') {
      const writers = ENGINES.filter((e) => e.capabilities(process.platform).exportsAudio).map((e) => e.name);
      process.stderr.write(`voxpress: --engine ${opts.engine} cannot make audio files on ${PLATFORM_NAMES[process.platform] ?? process.platform}: leave ${audio.join(', ')} out of --formats, or use --engine ${writers.join(' or ')}\n`);
      return EXIT_USAGE;
    }
    opts.formats = opts.formats.filter((f) => !isAudioFormat(f));
  }
  const script: ScriptOptions = {
    profile: opts.ssmlProfile,
    ...(opts.ssmlVoice !== undefined ? { voice: opts.ssmlVoice } : {}),
    ...(lexicons.length > 0 ? { lexicons } : {}),
  };

  const files = await expandInputs(paths);
  if (files.length === 0) {
    process.stderr.write(`voxpress: no articles (${EXTENSIONS}) found in ${paths.join(', ')}\n`);
    return EXIT_FAILED;
  }
  const showBar = process.stderr.isTTY && !opts.quiet && !opts.json;
  const bar = showBar ? await progressBar('voxpress [{bar}] {value}/{total} articles | {file}') : undefined;
  bar?.start(files.length, 0, { file: '' });

  const overrides = {
    ...(opts.lang !== undefined ? { lang: opts.lang } : {}),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.author !== undefined ? { authors: opts.author } : {}),
  };
  const summary = await runBatch(files, {
    out: opts.out,
    jobs: opts.jobs,
    budget: { seconds: opts.articleTimeout, memoryMb: opts.articleMemory },
    ...(warmPool ? { warmPool } : {}),
    force: opts.force,
    formats: opts.formats,
    ...(opts.inferStructure === false ? { reader: { inferStructure: false } } : {}),
    ...(opts.resourceRoot !== undefined ? { resourceRoot: path.resolve(opts.resourceRoot) } : {}),
    overrides,
    writer: {
      ...(sourceDateEpoch !== undefined ? { sourceDateEpoch } : {}),
      speech,
      script,
      ...(opts.certifiedBy !== undefined || opts.narrator !== undefined
        ? { epub: { ...(opts.certifiedBy !== undefined ? { certifiedBy: opts.certifiedBy } : {}), ...(opts.narrator !== undefined ? { narrator: opts.narrator } : {}) } }
        : {}),
      pdf: { paper: opts.paper },
    },
    onResult: (result, done) => {
      // One line per problem: a failed article, or each format of an article that could not be made.
      const errors = result.status === 'failed' ? result.error.split('\n') : result.failures.map((f) => f.error);
      for (const line of errors) process.stderr.write(`voxpress: ${line}\n`);
      if (bar) bar.update(done, { file: path.basename(result.file) });
      else if (!opts.quiet && !opts.json && result.status !== 'failed') process.stdout.write(`${describe(result)}\n`);
      if (!opts.quiet && !opts.json && result.status !== 'failed') {
        for (const warning of result.warnings) process.stderr.write(`voxpress: warning: ${printableName(result.file)}: ${warning}\n`);
      }
    },
  });
  bar?.stop();
  let playFailed = false;
  if (opts.play) {
    for (const result of summary.results) {
      if (result.status === 'failed') continue;
      try {
        const { playAloud } = await import('../speech/play.js');
        const { readArticle } = await import('../io/article.js');
        await playAloud(await readArticle(result.file, overrides, opts.inferStructure === false ? { inferStructure: false } : {}), speech, script);
      } catch (error) {
        process.stderr.write(`voxpress: ${result.file}: ${(error as Error).message}\n`);
        playFailed = true;
      }
    }
  }
  if (opts.json) process.stdout.write(`${jsonSummary(summary)}\n`);
  else if (!opts.quiet) process.stdout.write(`${summaryLine(summary)}\n`);
  return summary.failed > 0 || summary.failedFormats > 0 || playFailed ? EXIT_FAILED : EXIT_OK;
}
