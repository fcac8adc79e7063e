import { blockSsml, sentenceSsml, wrap } from './document.js';
import type { Profile, ProfileLimits } from './profiles.js';
import type { NarrationScript } from './script-model.js';

/*
 * Splits the narration into request-sized documents for a provider profile,
 * at sentence boundaries only: a paragraph cut between two chunks becomes a
 * <p> in each. Sizes are measured on the finished document text.
 */

/** Speaking rate used to estimate audio length: 14 characters of spoken text a second (about 150 words a minute). */
export const ESTIMATED_CHARS_PER_SECOND = 14;

export interface ChunkMeasures {
  /** Characters of text content (aliases counted too: providers bill what they say). */
  readonly textChars: number;
  readonly totalChars: number;
  readonly bytes: number;
  /** Estimated audio length: spoken characters at ESTIMATED_CHARS_PER_SECOND plus every break. */
  readonly audioMs: number;
}

function decodedLength(text: string): number {
  return text.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi, '_').length;
}

/** Sizes of an SSML document as the provider limits count them. */
export function measure(ssml: string): ChunkMeasures {
  const body = ssml.replace(/^<\?xml[^>]*\?>/, '');
  const aliases = [...body.matchAll(/\balias=(["'])(.*?)\1/g)].map((m) => decodedLength(m[2] ?? ''));
  const writtenInSubs = [...body.matchAll(/<sub\b[^>]*>([^<]*)<\/sub>/g)].map((m) => decodedLength(m[1] ?? ''));
  const text = decodedLength(body.replace(/<[^>]*>/g, ''));
  const aliasChars = aliases.reduce((a, b) => a + b, 0);
  const spokenChars = text - writtenInSubs.reduce((a, b) => a + b, 0) + aliasChars;
  const breaks = [...body.matchAll(/<break\b[^>]*\btime=(["'])(\d+(?:\.\d+)?)(ms|s)\1/g)].map((m) => Number(m[2]) * (m[3] === 's' ? 1000 : 1));
  return {
    textChars: text + aliasChars,
    totalChars: ssml.length,
    bytes: Buffer.byteLength(ssml, 'utf8'),
    audioMs: (spokenChars / ESTIMATED_CHARS_PER_SECOND) * 1000 + breaks.reduce((a, b) => a + b, 0),
  };
}

/** The limits `m` breaks, as readable phrases; empty when within all of them. */
export function exceeded(m: ChunkMeasures, limits: ProfileLimits): string[] {
  const out: string[] = [];
  if (limits.textChars !== undefined && m.textChars > limits.textChars) out.push(`${m.textChars} billed characters > ${limits.textChars}`);
  if (limits.totalChars !== undefined && m.totalChars > limits.totalChars) out.push(`${m.totalChars} characters > ${limits.totalChars}`);
  if (limits.bytes !== undefined && m.bytes > limits.bytes) out.push(`${m.bytes} bytes > ${limits.bytes}`);
  if (limits.audioMs !== undefined && m.audioMs > limits.audioMs) out.push(`about ${Math.round(m.audioMs / 1000)} s of audio > ${limits.audioMs / 1000} s`);
  return out;
}

export interface Chunk {
  /** The document as it is sent to the provider. */
  readonly ssml: string;
  /** The same body under the standard SSML 1.1 root, for schema validation. */
  readonly body: string;
  /** Ids of the sentences it holds, in order. */
  readonly ids: readonly string[];
}

interface Item {
  readonly block: number;
  readonly id: string;
  readonly ssml: string;
  readonly pauseAfterMs: number;
}

function chunkBody(items: readonly Item[]): string {
  let body = '';
  for (let i = 0; i < items.length; ) {
    const block = items[i]?.block;
    const sentences: string[] = [];
    let pauseAfterMs = 0;
    while (i < items.length && items[i]?.block === block) {
      sentences.push(items[i]?.ssml ?? '');
      pauseAfterMs = items[i]?.pauseAfterMs ?? 0;
      i++;
    }
    body += `\n${blockSsml(sentences, pauseAfterMs, i === items.length)}`;
  }
  return `${body}\n`;
}

/** The narration split into documents within the profile's limits. Throws when one sentence alone is over a limit. */
export function chunkNarration(script: NarrationScript, profile: Profile, voice?: string): Chunk[] {
  const items: Item[] = script.blocks.flatMap((block, b) =>
    block.sentences.map((s, i) => ({ block: b, id: s.id, ssml: sentenceSsml(s, profile), pauseAfterMs: i === block.sentences.length - 1 ? block.pauseAfterMs : 0 })),
  );
  const chunks: Chunk[] = [];
  const make = (part: readonly Item[]): Chunk => {
    const body = chunkBody(part);
    return { ssml: wrap(body, profile, script.lang, voice), body, ids: part.map((p) => p.id) };
  };
  let current: Item[] = [];
  for (const item of items) {
    const candidate = [...current, item];
    const problems = exceeded(measure(make(candidate).ssml), profile.limits);
    if (problems.length === 0) {
      current = candidate;
      continue;
    }
    if (current.length === 0) throw new Error(`sentence ${item.id} alone is over the ${profile.name} request limit (${problems.join(', ')})`);
    chunks.push(make(current));
    current = [item];
    const alone = exceeded(measure(make(current).ssml), profile.limits);
    if (alone.length > 0) throw new Error(`sentence ${item.id} alone is over the ${profile.name} request limit (${alone.join(', ')})`);
  }
  if (current.length > 0) chunks.push(make(current));
  return chunks;
}
