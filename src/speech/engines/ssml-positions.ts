import { escapeText } from '../../shared/xml.js';

/**
 * A unit's SSML as eSpeak NG is given it, and where each of its characters
 * comes from in the unit's written text.
 *
 * eSpeak reports a word's place as a character position in its input. Inside
 * a `<sub alias>` it reports the words of the alias at the position of the
 * text after the element, or not at all when the sub ends the sentence, and
 * it reads the alias without resolving its references: `d&apos;euros` is
 * spoken "d, e, apos, euros". So the engine is given each sub's alias as text
 * in its place: the same words, references resolved, a comma inside the alias
 * heard as a comma, and every character traced back to the written
 * characters it says.
 */
export interface AliasedSsml {
  readonly ssml: string;
  /**
   * One entry per code point of `ssml`: the `[start, end)` range of the
   * written text (the text inside `<s>`, in UTF-16 units) it stands for, or
   * undefined for markup and text outside `<s>`.
   */
  readonly sources: readonly (readonly [number, number] | undefined)[];
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text an XML entity or character reference (`amp`, `#38`, `#x26`) stands for. */
function entityText(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return NAMED[name] ?? `&${name};`;
}

/** XML character data with its references resolved. */
export function decodeXmlText(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (_, name: string) => entityText(name));
}

/** The end of the tag opening at `at` (the index after its `>`), quotes respected. */
function tagEnd(ssml: string, at: number): number {
  let quote: string | undefined;
  for (let i = at + 1; i < ssml.length; i++) {
    const c = ssml[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  throw new Error('SSML tag without its end');
}

function tagName(tag: string): string {
  return /^<\/?([^\s/>]+)/.exec(tag)?.[1] ?? '';
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXmlText(m[1] ?? m[2] ?? '') : undefined;
}

/** The SSML with each `<sub alias>` spoken as its alias, and the written source of each of its characters. */
export function withAliasesAsText(ssml: string): AliasedSsml {
  let out = '';
  const sources: (readonly [number, number] | undefined)[] = [];
  let written = 0;
  let depth = 0; // inside how many <s>
  const emit = (text: string, source: (readonly [number, number]) | undefined): void => {
    out += text;
    sources.push(...Array.from(text, () => source));
  };
  let i = 0;
  while (i < ssml.length) {
    const c = ssml[i] ?? '';
    if (c === '<') {
      const end = tagEnd(ssml, i);
      const tag = ssml.slice(i, end);
      const name = tagName(tag);
      if (name === 'sub' && !tag.startsWith('</') && !tag.endsWith('/>')) {
        const close = ssml.indexOf('</sub>', end);
        if (close < 0) throw new Error('SSML <sub> without its end');
        const content = decodeXmlText(ssml.slice(end, close));
        const alias = attribute(tag, 'alias');
        const source = depth > 0 ? ([written, written + content.length] as const) : undefined;
        emit(alias !== undefined ? escapeText(alias) : ssml.slice(end, close), source);
        if (depth > 0) written += content.length;
        i = close + '</sub>'.length;
        continue;
      }
      if (name === 's') depth += tag.startsWith('</') ? -1 : tag.endsWith('/>') ? 0 : 1;
      emit(tag, undefined);
      i = end;
    } else if (c === '&') {
      const end = ssml.indexOf(';', i);
      if (end < 0) throw new Error('SSML reference without its ";"');
      const text = entityText(ssml.slice(i + 1, end));
      // eSpeak places a word that starts with a reference at the reference's last character: every character of it maps.
      emit(ssml.slice(i, end + 1), depth > 0 ? [written, written + text.length] : undefined);
      if (depth > 0) written += text.length;
      i = end + 1;
    } else {
      const char = String.fromCodePoint(ssml.codePointAt(i) ?? 0);
      emit(char, depth > 0 ? [written, written + char.length] : undefined);
      if (depth > 0) written += char.length;
      i += char.length;
    }
  }
  return { ssml: out, sources };
}

/**
 * The written range of the word eSpeak reports at `position` (1-based, in
 * characters of the aliased SSML) spanning `length` characters: from the
 * first character there that has a written source to the last. Undefined when
 * none has one.
 */
export function writtenRange(aliased: AliasedSsml, position: number, length: number): [number, number] | undefined {
  let range: [number, number] | undefined;
  for (let i = position - 1; i < position - 1 + Math.max(1, length); i++) {
    const source = aliased.sources[i];
    if (!source) continue;
    range = range ? [range[0], Math.max(range[1], source[1])] : [source[0], source[1]];
  }
  return range;
}
