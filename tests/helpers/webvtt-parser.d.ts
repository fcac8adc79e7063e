// webvtt-parser ships no types; tests/helpers/vtt.ts types what it uses.
declare module 'webvtt-parser';
