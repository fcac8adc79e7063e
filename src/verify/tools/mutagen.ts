import { artistOf } from '../../speech/narration.js';
import { findCommands, runProcess, tail, type Env } from '../process.js';
import type { Finding } from '../types.js';
import { notChecked, relativePath, type Absent, type Job, type Located, type Outcome, type Validator } from '../validator.js';

/*
 * The ID3 tag read back by an independent reader: Mutagen (Python), which
 * decodes CHAP and CTOC frames with their sub-frames (Debian 12's id3v2,
 * eyeD3 -v and exiftool -u list those frames but do not decode them). One
 * Python process reads every file and prints JSON; the title and artist are
 * compared with document.json and the chapters with timing.json.
 */

export const MUTAGEN_CHECKED = 'ID3v2: TIT2 = the document\'s title, TPE1 = its authors (else source), an ordered CTOC listing one CHAP per timing.json chapter with its title and times';

/** Reads the tags of each file in argv; one JSON line: a list, per file, of the tags or an error. */
const READER = String.raw`
import json, sys
from mutagen.id3 import ID3, CTOCFlags
def text(frames, key):
    return '/'.join(str(t) for t in frames[key].text) if key in frames else None
out = []
for name in sys.argv[1:]:
    try:
        tag = ID3(name)
    except Exception as error:
        out.append({'error': '%s: %s' % (type(error).__name__, error)})
        continue
    chapters = {c.element_id: c for c in tag.getall('CHAP')}
    tocs = tag.getall('CTOC')
    out.append({
        'version': '2.%d' % tag.version[1],
        'title': text(tag, 'TIT2'),
        'artist': text(tag, 'TPE1'),
        'tocs': [{'id': t.element_id, 'ordered': bool(t.flags & CTOCFlags.ORDERED), 'top': bool(t.flags & CTOCFlags.TOP_LEVEL), 'children': list(t.child_element_ids)} for t in tocs],
        'chapters': {k: {'title': text(c.sub_frames, 'TIT2'), 'startMs': c.start_time, 'endMs': c.end_time} for k, c in chapters.items()},
    })
print(json.dumps(out))
`;

export interface Id3Reading {
  readonly error?: string;
  readonly version?: string;
  readonly title?: string | null;
  readonly artist?: string | null;
  readonly tocs?: readonly { readonly id: string; readonly ordered: boolean; readonly top: boolean; readonly children: readonly string[] }[];
  readonly chapters?: Readonly<Record<string, { readonly title: string | null; readonly startMs: number; readonly endMs: number }>>;
}

function chapterFindings(tags: Id3Reading, job: Job): Finding[] {
  const timing = job.context.timing;
  if (!timing) return [];
  const findings: Finding[] = [];
  const toc = tags.tocs?.[0];
  if (tags.tocs?.length !== 1 || !toc?.ordered || !toc.top) findings.push({ rule: 'CTOC', message: `expected one top-level, ordered CTOC, found ${JSON.stringify(tags.tocs ?? [])}` });
  const listed = toc?.children ?? [];
  const expected = timing.chapters.map((c) => c.id);
  if (listed.join('\n') !== expected.join('\n')) findings.push({ rule: 'CTOC', message: `the CTOC lists ${listed.join(', ') || 'nothing'}; timing.json's chapters are ${expected.join(', ')}` });
  for (const chapter of timing.chapters) {
    const frame = tags.chapters?.[chapter.id];
    const read = frame && { title: frame.title, startMs: frame.startMs, endMs: frame.endMs };
    const want = { title: chapter.title, startMs: chapter.startMs, endMs: chapter.endMs };
    if (JSON.stringify(read) !== JSON.stringify(want)) findings.push({ rule: 'CHAP', message: `chapter ${chapter.id}: ID3 has ${read ? JSON.stringify(read) : 'no CHAP frame'}, timing.json has ${JSON.stringify(want)}` });
  }
  const extra = Object.keys(tags.chapters ?? {}).filter((id) => !expected.includes(id));
  if (extra.length > 0) findings.push({ rule: 'CHAP', message: `CHAP frames not in timing.json: ${extra.join(', ')}` });
  return findings;
}

/** One file's tags, as Mutagen read them, against document.json and timing.json. */
export function mutagenOutcome(tags: Id3Reading | undefined, job: Job): Outcome {
  if (!tags) return notChecked(MUTAGEN_CHECKED, 'Mutagen reported nothing for this file');
  if (tags.error) return { checked: MUTAGEN_CHECKED, counts: {}, findings: [{ rule: 'ID3', message: `no readable ID3 tag: ${tags.error}` }] };
  const findings: Finding[] = [];
  const doc = job.context.document;
  if (doc) {
    if (tags.title !== doc.meta.title) findings.push({ rule: 'TIT2', message: `title is ${JSON.stringify(tags.title)}, the document's is ${JSON.stringify(doc.meta.title)}` });
    const artist = artistOf(doc) ?? null;
    if (tags.artist !== artist) findings.push({ rule: 'TPE1', message: `artist is ${JSON.stringify(tags.artist)}, the document's authors (else source) are ${JSON.stringify(artist)}` });
  }
  findings.push(...chapterFindings(tags, job));
  const notCompared = [doc ? '' : 'title and artist (no valid document.json)', job.context.timing ? '' : 'chapters (no usable timing.json)'].filter(Boolean);
  return {
    checked: notCompared.length > 0 ? `${MUTAGEN_CHECKED}; not compared: ${notCompared.join(', ')}` : MUTAGEN_CHECKED,
    counts: { chapters: Object.keys(tags.chapters ?? {}).length, problems: findings.length },
    findings,
  };
}

async function readAll(python: string, env: Env, jobs: readonly Job[]): Promise<Outcome[]> {
  const result = await runProcess(python, ['-c', READER, ...jobs.map(relativePath)], { env, cwd: jobs[0]?.root, timeoutMs: 60_000 + 5_000 * jobs.length });
  let readings: Id3Reading[];
  try {
    readings = JSON.parse(result.stdout) as Id3Reading[];
  } catch {
    return jobs.map(() => notChecked(MUTAGEN_CHECKED, `Mutagen failed (${result.failure ?? `exit ${result.code}`}): ${tail(result.stderr)}`));
  }
  return jobs.map((job, i) => mutagenOutcome(readings[i], job));
}

/**
 * A Python that can import mutagen: VOXPRESS_PYTHON, else each python3 on PATH
 * in turn (the first may be a pyenv or venv one without it, while Debian's
 * /usr/bin/python3 has apt's python3-mutagen).
 */
async function locate(env: Env): Promise<Located | Absent> {
  const candidates = [...new Set([...(env.VOXPRESS_PYTHON ? [env.VOXPRESS_PYTHON] : []), ...(await findCommands('python3', env))])];
  for (const python of candidates) {
    const probe = await runProcess(python, ['-c', 'import mutagen; print(mutagen.version_string)'], { env, timeoutMs: 30_000 });
    const version = /^\d+(?:\.\d+)+/.exec(probe.stdout.trim())?.[0];
    if (probe.code === 0 && version) return { version, check: (jobs) => readAll(python, env, jobs) };
  }
  return { missing: candidates.length > 0 ? `no Python with mutagen (tried ${candidates.join(', ')})` : 'no python3' };
}

export const MUTAGEN: Validator = {
  id: 'mutagen',
  name: 'Mutagen (ID3 reader)',
  checks: 'the MP3\'s ID3 tag read by an independent reader: title, artist and chapters (CHAP/CTOC) equal to document.json and timing.json',
  install: 'apt-get install python3-mutagen (or pip install mutagen; set VOXPRESS_PYTHON to the Python that has it)',
  appliesTo: (file) => file === 'narration.mp3',
  locate,
};
