/**
 * The readable-caption limits the captions writer keeps and `voxpress verify`
 * checks: at most two lines a cue, at most 42 characters a line (the BBC's
 * and Netflix's limit for Latin scripts).
 */
export const MAX_LINE_CHARS = 42;
export const MAX_LINES = 2;
