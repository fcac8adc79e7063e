// webvtt-parser (the W3C WebVTT parser) ships no types: what src/verify/checks/vtt.ts uses of it.
declare module 'webvtt-parser' {
  export interface ParsedCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: { type: string; value?: string }[] };
  }
  export interface ParseError {
    message: string;
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode: 'subtitles' | 'chapters' | 'metadata'): { cues: ParsedCue[]; errors: ParseError[] };
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
