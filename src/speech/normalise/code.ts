import { digitByDigit, WORD_END as E } from './rules.js';
import type { Rule } from './types.js';

/*
 * Tokens from code and social media, read the way a developer or a presenter
 * says them: a Rust path `std::io::Read` as "std io Read" (the separators are
 * not said), a file name `config.yaml` as "config dot yaml", `snake_case` as
 * "snake case", `#OpenData` as "hashtag Open Data", `@rustlang` as "at
 * rustlang", a placeholder `ftp.<CC>.debian.org` with its name and not its
 * brackets (the readers keep `<CC>` as text: no HTML element has that name).
 * A URL, a host name or an email address is read piece by piece in the
 * article's language: `https://www.debian.org` as "w w w dot debian dot org",
 * "w w w punto debian punto org", "w w w point debian point org" (engines left
 * to themselves read the colon and slashes, or spell the address). The web's
 * schemes are not said; any other is, as one dictates it, so that a listener
 * tells `ftp://ftp.debian.org` ("ftp colon slash slash ftp dot debian dot
 * org") from `https://ftp.debian.org`. The words for the symbols are each
 * language's. Inside an
 * address (after a slash, a dot or a colon) the other rules here read nothing.
 */

/** The words a language uses for the symbols in these tokens, and how it reads the parts of a name. */
export interface CodeWords {
  readonly dot: string;
  readonly at: string;
  readonly hashtag: string;
  /** Words for the other symbols of an address: '/', '-', '_', ':', '?', '=', '&', '#', '~', '%', '+'. */
  readonly symbols: Readonly<Record<'/' | '-' | '_' | ':' | '?' | '=' | '&' | '#' | '~' | '%' | '+', string>>;
  /** The names of the digits 0 to 9, for a run of digits in an address, read one by one ("20170425"). */
  readonly digitNames: readonly string[];
  /** Words for a run of digits inside a name ("18" in "@18F"). */
  readonly digits: (digits: string) => string;
  /** Words for a run of capitals inside a name ("F" in "@18F", "API" in "#OpenAPI"). */
  readonly capitals: (letters: string) => string;
}

/** Extensions and how they are said: letters that are not a word are spelled. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  yaml: 'yaml', yml: 'yaml', json: 'JSON', toml: 'toml', md: 'M D', txt: 'text', js: 'J S', mjs: 'M J S', cjs: 'C J S', ts: 'T S', tsx: 'T S X', py: 'P Y', rs: 'R S', go: 'go',
  html: 'H T M L', css: 'C S S', xml: 'X M L', csv: 'C S V', pdf: 'P D F', sh: 'S H', exe: 'E X E', zip: 'zip', gz: 'G Z', tar: 'tar', lock: 'lock', cfg: 'C F G', ini: 'I N I',
  conf: 'conf', log: 'log', deb: 'deb', rpm: 'R P M', iso: 'I S O', png: 'P N G', jpg: 'J P G', jpeg: 'J peg', svg: 'S V G', epub: 'E pub', mp3: 'M P three', wav: 'wave', vtt: 'V T T', ssml: 'S S M L', sql: 'S Q L', c: 'C', h: 'H', cpp: 'C P P', java: 'java', rb: 'R B', php: 'P H P',
};

/** A name cut at underscores, hyphens, case changes and digit runs: "snake_case" -> snake, case; "OpenAPI2" -> Open, API, 2. */
export function nameParts(name: string): string[] {
  return name
    .split(/[_\-]+/)
    .flatMap((piece) => piece.match(/\p{Lu}+(?![\p{Ll}])|\p{Lu}?\p{Ll}+|\p{N}+/gu) ?? [])
    .filter((part) => part !== '');
}

/** The words for a name: digit runs and capitals through the language, the rest as written. */
export function spokenName(name: string, words: CodeWords): string {
  return nameParts(name)
    .map((part) => (/^\p{N}+$/u.test(part) ? words.digits(part) : /^\p{Lu}{2,}$/u.test(part) ? words.capitals(part) : part))
    .join(' ');
}

/**
 * An address's pieces and its symbols, each said in the language:
 * "example.org/news" -> "example dot org slash news"; a scheme other than
 * http and https with its colon and slashes; a placeholder in a
 * host name by its name, "ftp.<CC>.debian.org" -> "ftp dot C C dot debian dot org".
 */
export function spokenAddress(written: string, words: CodeWords): string {
  const symbols: Readonly<Record<string, string>> = { ...words.symbols, '.': words.dot, '@': words.at };
  return written
    .replace(/^https?:\/\//i, '')
    .replace(/^mailto:/i, '')
    .replace(/\/$/, '')
    .split(/([./\-_:?=&#~%@+])/)
    .filter(Boolean)
    .map((piece) => symbols[piece] ?? (/^\d+$/.test(piece) ? digitByDigit(piece, words.digitNames) : piece.toLowerCase() === 'www' ? 'w w w' : /^<.+>$/.test(piece) ? spokenName(piece.slice(1, -1), words) : piece))
    .join(' ');
}

/**
 * Top-level domains a bare host name ("ftp.debian.org", without a scheme or
 * "www.") is recognised by: the generic ones and the countries of the
 * languages read here. A longer list would read abbreviations that end a
 * sentence without a space as addresses.
 */
const HOST_TLD = 'com|org|net|gov|edu|int|io|co|uk|pk|ru|info|news|es|mx|ar|cl|fr|be|ch|ca|eu|de';

const EXTENSION = Object.keys(EXTENSIONS).sort((a, b) => b.length - a.length).join('|');

/** The code-like rules of a language: paths, file names, snake_case, hashtags and handles. */
export function codeRules(words: CodeWords): Rule[] {
  return [
    {
      name: 'email',
      hint: /@/,
      // Starts only where a run of address characters starts, so a long run without "@" is scanned once, not once per character.
      pattern: new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+${E}`, 'gu'),
      speak: (m) => spokenAddress(m[0], words),
    },
    {
      name: 'url',
      hint: /[a-z]:\/\/|www\./i,
      pattern: /(?<![\p{L}\p{N}_])(?:(?:https?|ftp):\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’”]/giu,
      speak: (m) => spokenAddress(m[0], words),
    },
    {
      // The top-level domain in lower case, as host names are written: "file.Es" ends a sentence without a space.
      name: 'host name',
      hint: /\.[a-z]{2,4}\b/,
      pattern: new RegExp(
        String.raw`(?<![\p{L}\p{N}_.-])[A-Za-z0-9-]+(?:\.(?:[A-Za-z0-9-]+|<\p{L}+>))*\.(?:${HOST_TLD})(?:\/[^\s<>"]*[^\s<>".,;:!?)\]'’”])?(?![\p{L}\p{N}])`,
        'gu',
      ),
      speak: (m) => spokenAddress(m[0], words),
    },
    {
      name: 'code path',
      hint: /::/,
      pattern: /(?<![\p{L}\p{N}_:./@-])[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+(?:\(\))?(?![\p{L}\p{N}_]|[/.:-][\p{L}\p{N}])/gu,
      speak: (m) => m[0].replace(/\(\)$/, '').split('::').map((part) => nameParts(part).join(' ')).join(' '),
    },
    {
      name: 'file name',
      hint: /\.[a-z]/,
      pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_./@:+-])([A-Za-z0-9][A-Za-z0-9_-]*)((?:\.[a-z0-9]+)*)\.(${EXTENSION})(?![\p{L}\p{N}_]|[./][\p{L}\p{N}])`, 'gu'),
      speak: (m) => {
        const inner = (m[2] ?? '').split('.').filter(Boolean).map((part) => spokenName(part, words));
        return [spokenName(m[1] ?? '', words), ...inner, EXTENSIONS[m[3] ?? ''] ?? m[3]].join(` ${words.dot} `);
      },
    },
    {
      name: 'snake_case',
      hint: /[a-z0-9]_[a-z]/,
      pattern: /(?<![\p{L}\p{N}_./:@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\p{L}\p{N}_]|\/)/gu,
      speak: (m) => spokenName(m[0], words),
    },
    {
      name: 'hashtag',
      hint: /#\p{L}/u,
      pattern: /(?<![\p{L}\p{N}_&#])#(\p{L}[\p{L}\p{N}_]*)/gu,
      speak: (m) => `${words.hashtag} ${spokenName(m[1] ?? '', words)}`,
    },
    {
      name: 'placeholder',
      hint: /<\p{L}/u,
      pattern: /<(\p{L}[\p{L}\p{N}_-]*)>/gu,
      speak: (m) => spokenName(m[1] ?? '', words),
    },
    {
      name: 'handle',
      hint: /@\w/,
      pattern: /(?<![\p{L}\p{N}_.@])@([A-Za-z0-9_]{1,30})(?![\p{L}\p{N}_@]|\.[\p{L}\p{N}])/gu,
      speak: (m) => `${words.at} ${spokenName(m[1] ?? '', words)}`,
    },
  ];
}
