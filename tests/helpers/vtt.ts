// The W3C WebVTT parser as `voxpress verify` uses it (src/verify/checks/vtt.ts), shared with the tests.
export { parseVtt, shown, type ParsedCue } from '../../src/verify/checks/vtt.js';
