import { XmlDocument, XmlElement, XmlLibError } from 'libxml2-wasm';
import { sameLanguage } from '../shared/lang.js';

/*
 * W3C Pronunciation Lexicon Specification (PLS) 1.0 lexicons: grapheme ->
 * alias or phoneme. Files are parsed once (in the CLI) into plain data, so
 * they can cross worker threads with the rest of the options.
 */

export const PLS_NAMESPACE = 'http://www.w3.org/2005/01/pronunciation-lexicon';

/** One lexeme: the written forms it covers and the first pronunciation it gives. */
export interface LexiconEntry {
  readonly graphemes: readonly string[];
  /** Words to say instead (applies in every profile). */
  readonly alias?: string;
  /** A phonetic transcription (used where the profile supports `<phoneme>`). */
  readonly phoneme?: string;
  /** The alphabet of `phoneme` (`ipa`, `x-sampa`, ...). */
  readonly alphabet?: string;
}

export interface Lexicon {
  /** Where it was read from, for messages. */
  readonly source: string;
  /** The lexicon's language (BCP 47). */
  readonly lang: string;
  readonly entries: readonly LexiconEntry[];
}

export class LexiconError extends Error {
  constructor(source: string, problem: string) {
    super(`${source}: invalid PLS lexicon: ${problem}`);
    this.name = 'LexiconError';
  }
}

function childElements(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof XmlElement && node.name === name && node.namespaceUri === PLS_NAMESPACE) out.push(node);
  }
  return out;
}

function lexemeEntry(lexeme: XmlElement, alphabet: string, fail: (problem: string) => never): LexiconEntry {
  const where = `lexeme on line ${lexeme.line}`;
  const graphemes = childElements(lexeme, 'grapheme').map((g) => g.content.trim());
  if (graphemes.length === 0) fail(`${where} has no <grapheme>`);
  if (graphemes.some((g) => g === '')) fail(`${where} has an empty <grapheme>`);
  // PLS: the pronunciation marked prefer="true" wins, else the first in document order.
  const pronunciations: XmlElement[] = [];
  for (let node = lexeme.firstChild; node; node = node.next) {
    if (node instanceof XmlElement && node.namespaceUri === PLS_NAMESPACE && (node.name === 'phoneme' || node.name === 'alias')) pronunciations.push(node);
  }
  const chosen = pronunciations.find((p) => p.attr('prefer')?.value === 'true') ?? pronunciations[0];
  if (!chosen) fail(`${where} has neither <phoneme> nor <alias>`);
  const text = chosen.content.trim();
  if (text === '') fail(`${where} has an empty <${chosen.name}>`);
  if (chosen.name === 'alias') return { graphemes, alias: text };
  return { graphemes, phoneme: text, alphabet: chosen.attr('alphabet')?.value ?? alphabet };
}

/** Parses PLS 1.0 text; `source` names the file in errors. Throws a LexiconError naming the file and the problem. */
export function parseLexicon(xml: string, source: string): Lexicon {
  const fail = (problem: string): never => {
    throw new LexiconError(source, problem);
  };
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    const detail = error instanceof XmlLibError ? error.details[0] : undefined;
    return fail(detail ? `not well-formed XML (line ${detail.line}: ${detail.message.trim()})` : `not well-formed XML (${(error as Error).message})`);
  }
  try {
    const root = doc.root;
    if (root.name !== 'lexicon' || root.namespaceUri !== PLS_NAMESPACE) fail(`root element is <${root.name}> in namespace "${root.namespaceUri}", expected <lexicon> in ${PLS_NAMESPACE}`);
    const version = root.attr('version')?.value;
    if (version !== '1.0') fail(`version must be "1.0" (found ${version === undefined ? 'none' : `"${version}"`})`);
    const alphabet = root.attr('alphabet')?.value;
    if (!alphabet) fail('the <lexicon> element has no alphabet attribute');
    const lang = root.attr('lang', 'xml')?.value;
    if (!lang) fail('the <lexicon> element has no xml:lang attribute');
    const entries = childElements(root, 'lexeme').map((lexeme) => lexemeEntry(lexeme, alphabet as string, fail));
    return { source, lang: lang as string, entries };
  } finally {
    doc.dispose();
  }
}

/** Whether a lexicon in `lexiconLang` applies to text in `lang` (same primary subtag). */
export function lexiconApplies(lexiconLang: string, lang: string): boolean {
  return sameLanguage(lexiconLang, lang);
}
