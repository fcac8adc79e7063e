/**
 * `npm run bench`: voxpress and its native peers timed side by side as whole
 * processes (start-up included on both sides) through hyperfine, with the
 * ratio taken run by run; peak memory from GNU time. Prints a table with
 * today's figures and the peers' versions and writes the same as JSON
 * (`.bench/results.json`, the run before kept as `.bench/results.previous.json`,
 * whose ratios are printed alongside). Nothing here asserts anything.
 *
 *   npm run bench              every comparison (about 15 minutes on 2 cores)
 *   npm run bench -- --quick   the sample only: no 40-article batch, no 2-hour article
 *   npm run bench -- --only batch   only the comparisons and memory figures whose name contains "batch"
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateBatch } from './corpus.js';
import { compare, installedCommands, peakMemory, versionOf, type Comparison } from './hyperfine.js';
import { pathToFileURL } from 'node:url';
import { voiceFigures, type VoiceFigures } from './voices.js';

const SAMPLE = path.resolve('input/khorev-asif-meeting.txt');
const CLI = path.resolve('dist/cli/bin.js');
const NODE = process.execPath;
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
/** Whether a comparison or memory figure of this name is measured in this run (`--only`). */
const wanted = (name: string): boolean => only === undefined || name.includes(only);
const work = mkdtempSync(path.join(os.tmpdir(), 'voxpress-bench-'));
const out = (name: string): string => path.join(work, `out-${name}`);
const voxpress = (...args: string[]): string[] => [NODE, CLI, ...args, '--quiet', '--force'];

interface Row extends Comparison {
  readonly goal: string;
  /** How the ratio reads: `slower` (ours/peer, lower is better) or `speed-up` (peer/ours). */
  readonly reading?: 'slower' | 'speed-up';
}

interface Memory {
  readonly name: string;
  readonly bytes?: number;
  readonly goal: string;
}

function prepareInputs(): { ssml: string; batch: string; long: string } {
  // The spoken text exactly as voxpress narrates it, for the native pair.
  execFileSync(NODE, [CLI, SAMPLE, '--formats', 'ssml', '--out', out('ssml'), '--quiet']);
  const ssml = path.join(out('ssml'), 'khorev-asif-meeting', 'narration.ssml');
  const sampleText = readFileSync(SAMPLE, 'utf8');
  const batch = path.join(work, 'batch');
  mkdirSync(batch);
  generateBatch(sampleText, 40).forEach((text, i) => writeFileSync(path.join(batch, `article-${String(i).padStart(2, '0')}.txt`), text));
  // About two hours of speech: the sample's body (about 130 s) 55 times.
  const body = sampleText.replace(/^\s*date\s+\S+\s*/, '');
  const long = path.join(work, 'two-hours.txt');
  writeFileSync(long, `A two-hour article\n\n${Array.from({ length: 55 }, () => body.trim()).join('\n\n')}\n`);
  return { ssml, batch, long };
}

function rows(inputs: { ssml: string; batch: string }, installed: ReadonlySet<string>): Row[] {
  const hasCommand = (name: string): boolean => installed.has(name);
  const result: Row[] = [];
  // Each row as it is measured: the whole bench takes most of an hour on 2 cores, and the table comes at the end.
  const add = (name: string, measure: (name: string) => Omit<Row, 'name'>): void => {
    if (!wanted(name)) return;
    const row: Row = { ...measure(name), name };
    result.push(row);
    console.error(`bench: ${row.name}: ${range(row.ours)}, ${ratioText(row)}`);
  };
  const wav = path.join(work, 'native.wav');
  const nativePair = {
    label: 'espeak-ng + lame (en-us, 22.05 kHz mono, 48 kb/s)',
    argv: ['sh', '-c', `espeak-ng -v en-us -m -f '${inputs.ssml}' -w '${wav}' && lame --quiet -b 48 -m m '${wav}' '${path.join(work, 'native.mp3')}'`],
  };
  const haveNative = hasCommand('espeak-ng') && hasCommand('lame');
  add('whole pipeline, sample, default formats', (name) => ({ ...compare(name, voxpress(SAMPLE, '--out', out('all')), haveNative ? nativePair : undefined), goal: '≤ 1.0×', reading: 'slower' }));
  add('--formats mp3, sample', (name) => ({ ...compare(name, voxpress(SAMPLE, '--formats', 'mp3', '--out', out('mp3')), haveNative ? nativePair : undefined), goal: '≤ 1.0×', reading: 'slower' }));
  const pandoc = hasCommand('pandoc') ? { label: 'pandoc -f markdown -t epub3', argv: ['pandoc', '-f', 'markdown', '-t', 'epub3', '-o', path.join(work, 'pandoc.epub'), SAMPLE] } : undefined;
  add('--formats epub (no audio), sample', (name) => ({ ...compare(name, voxpress(SAMPLE, '--formats', 'epub', '--out', out('epub')), pandoc), goal: '≤ 2×', reading: 'slower' }));
  const soffice = hasCommand('soffice')
    ? {
        label: 'LibreOffice Writer, PDF/UA export (soffice --headless --convert-to pdf)',
        argv: ['soffice', '--headless', '--convert-to', 'pdf:writer_pdf_Export:{"PDFUACompliance":{"type":"boolean","value":"true"}}', '--outdir', path.join(work, 'soffice'), SAMPLE],
      }
    : undefined;
  add('--formats pdf, sample', (name) => ({ ...compare(name, voxpress(SAMPLE, '--formats', 'pdf', '--out', out('pdf')), soffice), goal: '≤ 0.2× (5× faster)', reading: 'slower' }));
  const nodeAlone = { label: 'node -e 0', argv: [NODE, '-e', '0'] };
  add('--version', (name) => ({ ...compare(name, [NODE, CLI, '--version'], nodeAlone, { runs: 10, warmup: 3 }), goal: '≤ 0.15 s', reading: 'slower' }));
  add('--formats json, sample', (name) => ({ ...compare(name, voxpress(SAMPLE, '--formats', 'json', '--out', out('json')), nodeAlone, { runs: 10, warmup: 3 }), goal: '≤ 0.15 s', reading: 'slower' }));
  if (!quick) {
    add('40 articles, all formats: --jobs 2 (peer: --jobs 1)', (name) => ({
      ...compare(name, voxpress(inputs.batch, '--jobs', '2', '--out', out('batch2')), { label: 'voxpress --jobs 1', argv: voxpress(inputs.batch, '--jobs', '1', '--out', out('batch1')) }),
      goal: '≥ 1.8× faster',
      reading: 'speed-up',
    }));
  }
  return result;
}

function memory(inputs: { batch: string; long: string }): Memory[] {
  const figures: { name: string; argv: string[]; goal: string; everyRun?: boolean }[] = [
    { name: 'sample, default formats, --jobs 1', argv: voxpress(SAMPLE, '--jobs', '1', '--out', out('mem')), goal: '≤ 250 MB per worker', everyRun: true },
    { name: '40 articles, --jobs 1', argv: voxpress(inputs.batch, '--jobs', '1', '--out', out('mem1')), goal: '' },
    { name: '40 articles, --jobs 2', argv: voxpress(inputs.batch, '--jobs', '2', '--out', out('mem2')), goal: '' },
    { name: 'a two-hour article, default formats', argv: voxpress(inputs.long, '--jobs', '1', '--out', out('long')), goal: '≤ 300 MB' },
  ];
  return figures.filter((f) => (f.everyRun === true || !quick) && wanted(f.name)).map((f) => ({ name: f.name, bytes: peakMemory(f.argv), goal: f.goal }));
}

const seconds = (s: number): string => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const range = (s: { median: number; min: number; max: number }): string => `${seconds(s.median)} (${seconds(s.min)}–${seconds(s.max)})`;

function ratioText(row: Row): string {
  if (!row.ratio) return '–';
  if (row.reading === 'speed-up') return `${(1 / row.ratio.median).toFixed(2)}× faster (${(1 / row.ratio.max).toFixed(2)}–${(1 / row.ratio.min).toFixed(2)})`;
  return `${row.ratio.median.toFixed(2)}× (${row.ratio.min.toFixed(2)}–${row.ratio.max.toFixed(2)})`;
}

function previousRatios(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  try {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as { rows: Row[] };
    return new Map(previous.rows.map((r) => [r.name, ratioText(r)]));
  } catch {
    return new Map();
  }
}

/** eSpeak and, when an English Piper voice is installed, Piper on the sample. */
async function voices(installed: ReadonlySet<string>): Promise<(VoiceFigures | { engine: string; missing: string })[]> {
  // The built library, as a user's program would load it (the bench runs after npm run build).
  const library = async <T>(module: string): Promise<T> => (await import(pathToFileURL(path.resolve('dist', module)).href)) as T;
  const { readArticle } = await library<{ readArticle(file: string): Promise<unknown> }>('io/article.js');
  const { spokenUnits } = await library<{ spokenUnits(doc: unknown): { spoken: string }[] }>('speech/script.js');
  const { installedVoiceNames } = await library<{ installedVoiceNames(): Promise<string[]> }>('speech/engines/piper-voices.js');
  const spoken = spokenUnits(await readArticle(SAMPLE)).map((u) => u.spoken).join(' ');
  const run = { node: NODE, cli: CLI, article: SAMPLE, work, installed };
  const list: (VoiceFigures | { engine: string; missing: string })[] = [];
  for (const engine of ['espeak', 'piper']) {
    if (engine === 'piper' && !(await installedVoiceNames()).some((n) => n.startsWith('en_'))) {
      list.push({ engine, missing: 'no English Piper voice installed (voxpress voices install en_US-joe-medium)' });
      continue;
    }
    const figures = voiceFigures({ ...run, out: out(`voice-${engine}`), engine }, spoken);
    list.push(typeof figures === 'string' ? { engine, missing: figures } : figures);
  }
  return list;
}

async function main(): Promise<void> {
  const installed = await installedCommands(['hyperfine', 'espeak-ng', 'lame', 'pandoc', 'soffice', 'pocketsphinx_continuous', 'mpg123']);
  if (!installed.has('hyperfine')) {
    console.error('npm run bench needs hyperfine (Debian: apt-get install hyperfine); peers: espeak-ng lame pandoc libreoffice-writer-nogui, and time for memory');
    process.exitCode = 1;
    return;
  }
  const machine = `${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load ${os.loadavg()[0]?.toFixed(2)}`;
  const versions = {
    node: process.version,
    hyperfine: versionOf(['hyperfine', '--version'], installed),
    'espeak-ng': versionOf(['espeak-ng', '--version'], installed),
    lame: versionOf(['lame', '--version'], installed),
    pandoc: versionOf(['pandoc', '--version'], installed),
    libreoffice: versionOf(['soffice', '--version'], installed),
    pocketsphinx: installed.has('pocketsphinx_continuous') ? 'Debian pocketsphinx, model en-us' : 'not installed',
  };
  console.log(`voxpress bench, ${new Date().toISOString().slice(0, 10)}: ${machine}`);
  for (const [tool, version] of Object.entries(versions)) console.log(`  ${tool}: ${version}`);
  const inputs = prepareInputs();
  const table = rows(inputs, installed);
  const memories = memory(inputs);
  const engines = wanted('engine') ? await voices(installed) : [];
  const resultsFile = path.resolve('.bench/results.json');
  const previousFile = path.resolve('.bench/results.previous.json');
  const previous = previousRatios(resultsFile);
  // A table that `--only` left empty is not printed.
  if (table.length > 0) {
    console.log('\n| work | voxpress, median (min–max) | peer | peer, median (min–max) | ratio, run by run | goal | previous run |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
  }
  for (const row of table) {
    console.log(`| ${row.name} | ${range(row.ours)} | ${row.peer?.label ?? 'not installed'} | ${row.peer ? range(row.peer) : '–'} | ${ratioText(row)} | ${row.goal} | ${previous.get(row.name) ?? '–'} |`);
  }
  if (memories.length > 0) {
    console.log('\n| peak memory (whole process, GNU time) | MiB | goal |');
    console.log('| --- | --- | --- |');
  }
  for (const m of memories) console.log(`| ${m.name} | ${m.bytes === undefined ? 'not measured (no /usr/bin/time)' : (m.bytes / 2 ** 20).toFixed(0)} | ${m.goal} |`);
  if (engines.length > 0) {
    console.log('\n| engine on the sample (--formats mp3, --jobs 1) | voice | audio | real-time factor per core (CPU / audio) | wall / audio | peak MiB | word error rate (pocketsphinx en-us) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
  }
  for (const e of engines) {
    if ('missing' in e) console.log(`| ${e.engine} | ${e.missing} | | | | | |`);
    else
      console.log(
        `| ${e.engine} | ${e.voice} | ${e.audioSeconds.toFixed(1)} s | ${(e.cpuSeconds / e.audioSeconds).toFixed(3)} | ${(e.wallSeconds / e.audioSeconds).toFixed(3)} | ${(e.peakBytes / 2 ** 20).toFixed(0)} | ${e.wordErrorRate === undefined ? 'pocketsphinx not installed' : `${(e.wordErrorRate * 100).toFixed(1)} % (${e.recognisedWords} words heard)`} |`,
      );
  }
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  if (existsSync(resultsFile)) renameSync(resultsFile, previousFile);
  writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), machine, versions, quick, ...(only !== undefined ? { only } : {}), rows: table, memory: memories, engines }, null, 2)}\n`);
  console.log(`\nwritten: ${path.relative(process.cwd(), resultsFile)}${existsSync(previousFile) ? ` (previous run: ${path.relative(process.cwd(), previousFile)})` : ''}`);
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
