import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import webvtt from 'webvtt-parser';

/** A cue as the W3C WebVTT parser (webvtt-parser) reads it. */
export interface ParsedCue {
  id: string;
  startTime: number;
  endTime: number;
  text: string;
  tree: { children: { type: string; value?: string }[] };
}

// webvtt-parser's built-in entity table lacks the `;` forms (`&lt;` reads as `<;`); its full HTML table is spec-compliant.
const ENTITIES = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('webvtt-parser/html-entities.json'), 'utf8')) as Record<string, string>;

export function parseVtt(text: string): { cues: ParsedCue[]; errors: { message: string }[] } {
  const { WebVTTParser } = webvtt as unknown as { WebVTTParser: new (entities: Record<string, string>) => { parse(input: string, mode: string): { cues: ParsedCue[]; errors: { message: string }[] } } };
  return new WebVTTParser(ENTITIES).parse(text, 'subtitles');
}

/** The text a player shows for a cue: its parsed text nodes, entities decoded. */
export function shown(cue: ParsedCue): string {
  return cue.tree.children.map((n) => (n.type === 'text' ? (n.value ?? '') : '')).join('');
}

