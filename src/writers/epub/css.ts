/** The class reading systems put on the element being read aloud (`media:active-class`). */
export const ACTIVE_CLASS = '-epub-media-overlay-active';

/** Only with overlays: a rule for the reserved class without `media:active-class` is flagged (CSS-029). */
const OVERLAY_RULE = `.${ACTIVE_CLASS} {
  background-color: Highlight;
  color: HighlightText;
}
`;

const BASE = `@charset "UTF-8";

:root {
  color-scheme: light dark;
}

body {
  margin: 0 auto;
  padding: 0 1em;
  max-width: 38em;
  line-height: 1.5;
  overflow-wrap: break-word;
  hyphens: auto;
}

header {
  margin: 1em 0 1.5em;
}

h1, h2, h3, h4, h5, h6 {
  line-height: 1.25;
  margin: 1.5em 0 0.5em;
  hyphens: manual;
}

h1 {
  font-size: 1.6em;
  margin-top: 0;
}

h2 {
  font-size: 1.3em;
}

h3 {
  font-size: 1.15em;
}

h4, h5, h6 {
  font-size: 1em;
}

p {
  margin: 0 0 0.9em;
}

header p {
  margin: 0.25em 0;
}

.byline {
  font-weight: bold;
}

.dateline {
  font-style: italic;
}

a {
  color: LinkText;
  text-decoration: underline;
}

blockquote {
  margin: 1em 0;
  padding-inline-start: 1em;
  border-inline-start: 0.25em solid currentColor;
}

ul, ol {
  margin: 0 0 0.9em;
  padding-inline-start: 1.75em;
}

li > p {
  margin: 0.25em 0;
}

figure {
  margin: 1.5em 0;
}

img {
  display: block;
  max-width: 100%;
  height: auto;
  margin: 0 auto;
}

.remote-image {
  text-align: center;
}

figcaption {
  font-size: 0.9em;
  font-style: italic;
  margin-top: 0.5em;
  text-align: center;
}

code {
  /* The doubled generic family stops browsers shrinking monospace text to their smaller default size. */
  font-family: monospace, monospace;
  font-size: 0.95em;
}

nav ol {
  list-style: none;
  padding-inline-start: 1em;
}
`;

/**
 * The book's stylesheet (with the read-aloud highlight when the book has overlays). It leaves the typeface, text size and colours to the
 * reader (no fonts, no pixel sizes, no fixed colours, so night modes and
 * user settings win) and only sets structure: a readable line length,
 * generous spacing, images that fit the screen, long words that wrap.
 * Borders use `currentColor`, links and the read-aloud highlight use CSS
 * system colours, which follow light and dark themes.
 */
export function stylesheet(withOverlays: boolean): string {
  return withOverlays ? `${BASE}\n${OVERLAY_RULE}` : BASE;
}
