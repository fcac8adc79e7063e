import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Document } from '../src/model/types.js';
import { encodeNarration, narrationOf, synthesize } from '../src/speech/narration.js';
import { Artifacts } from '../src/writers/types.js';
import { spokenUnits } from '../src/speech/script.js';
import { loadCorpus, type Corpus } from './corpus.js';

/** How many generated articles the batch slice narrates (the whole batch is ~7 hours of speech). */
const BATCH_SLICE = 3;
/** Runs of the sample (ours and native) of which the fastest is reported. */
const REPEATS = 3;

interface Run {
  readonly speechSeconds: number;
  readonly synthSeconds: number;
  readonly encodeSeconds: number;
}

async function narrate(doc: Document): Promise<Run> {
  const started = performance.now();
  const synthesis = await synthesize(doc);
  const synthesised = performance.now();
  const narration = await encodeNarration(doc, synthesis);
  const encoded = performance.now();
  return { speechSeconds: narration.durationMs / 1000, synthSeconds: (synthesised - started) / 1000, encodeSeconds: (encoded - synthesised) / 1000 };
}

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$1"', 'sh', command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Native espeak-ng (one pass over the whole text) then lame at the same bit rate, in seconds each. */
function nativePair(text: string, voice: string): { espeak: number; lame: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'voxpress-bench-'));
  try {
    writeFileSync(path.join(dir, 'text.txt'), text);
    let t = performance.now();
    execFileSync('espeak-ng', ['-v', voice, '-w', path.join(dir, 'n.wav'), '-f', path.join(dir, 'text.txt')]);
    const espeak = (performance.now() - t) / 1000;
    t = performance.now();
    execFileSync('lame', ['--quiet', '-b', '48', path.join(dir, 'n.wav'), path.join(dir, 'n.mp3')]);
    return { espeak, lame: (performance.now() - t) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (n: number, digits = 2): string => n.toFixed(digits);

/** The audio stage as the mp3 writer runs it: encoding on the helper thread overlaps synthesis. Returns [speech s, wall s]. */
async function pipelined(doc: Document): Promise<[number, number]> {
  const started = performance.now();
  const narration = await narrationOf({ doc, options: {}, artifacts: new Artifacts() });
  return [narration.durationMs / 1000, (performance.now() - started) / 1000];
}

/**
 * The audio stage: seconds of speech made per second of wall time (eSpeak NG
 * WASM, one unit at a time, then LAME WASM), for the sample and a slice of the
 * batch, in this thread; peak memory; and the ratio against native espeak-ng
 * plus lame on the same text.
 */
export async function benchAudio(corpus: Corpus): Promise<string[]> {
  const lines: string[] = [];
  // The first call pays for the WASM instance (compile, instantiate, snapshot): reported apart.
  let t = performance.now();
  await synthesize(corpus.sample).catch(() => undefined);
  lines.push(`audio: first narration in a thread (includes eSpeak WASM instance set-up) ${f(performance.now() - t, 0)} ms`);

  const sample = await narrate(corpus.sample);
  lines.push(`audio: sample, one step after the other: synthesis ${f(sample.synthSeconds)} s + MP3 ${f(sample.encodeSeconds)} s = ${f(sample.synthSeconds + sample.encodeSeconds)} s`);
  // The best of a few runs: the least disturbed by whatever else the machine is doing.
  let [sampleSpeech, sampleWall] = await pipelined(corpus.sample);
  for (let i = 1; i < REPEATS; i++) sampleWall = Math.min(sampleWall, (await pipelined(corpus.sample))[1]);
  lines.push(`audio: sample ${f(sampleSpeech, 1)} s of speech in ${f(sampleWall)} s (MP3 encoded alongside synthesis; best of ${REPEATS}): ${f(sampleSpeech / sampleWall, 1)} s of speech per second`);

  const slice = corpus.batch.slice(0, BATCH_SLICE);
  let speech = 0;
  let batchWall = 0;
  for (const doc of slice) {
    const [s, wall] = await pipelined(doc);
    speech += s;
    batchWall += wall;
  }
  lines.push(`audio: batch slice (${slice.length} articles, one thread) ${f(speech / 60, 1)} min of speech in ${f(batchWall)} s: ${f(speech / batchWall, 1)} s of speech per second`);
  lines.push(`audio: peak resident memory ${f(process.resourceUsage().maxRSS / 1024, 0)} MB`);

  if (hasCommand('espeak-ng') && hasCommand('lame')) {
    const text = spokenUnits(corpus.sample)
      .map((u) => u.text)
      .join('\n\n');
    let native = nativePair(text, 'en');
    for (let i = 1; i < REPEATS; i++) {
      const again = nativePair(text, 'en');
      if (again.espeak + again.lame < native.espeak + native.lame) native = again;
    }
    const nativeWall = native.espeak + native.lame;
    lines.push(`audio: native espeak-ng ${f(native.espeak)} s + lame ${f(native.lame)} s = ${f(nativeWall)} s on the sample text (best of ${REPEATS}); voxpress/native = ${f(sampleWall / nativeWall)}× (goal ≤ 1.5×)`);
  } else {
    lines.push('audio: native espeak-ng and lame not installed (apt-get install espeak-ng lame): no native comparison');
  }
  return lines;
}

// `node dist/bench/audio.js` runs this stage alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const corpus = await loadCorpus('input/khorev-asif-meeting.txt');
  for (const line of await benchAudio(corpus)) console.log(line);
}
