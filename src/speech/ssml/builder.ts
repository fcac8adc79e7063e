import Speech from 'ssml-builder';
import { escapeAttr, escapeText, xmlSafeText } from '../../shared/xml.js';

/*
 * The one module that uses `ssml-builder` 0.4.3, which the product asks for.
 * It is used only for what it gets right - escaped text, <sub>, <phoneme>,
 * <break> - and its defects are kept from the output here:
 *  - it emits a bare <speak> (no version, namespace, xml:lang: invalid SSML
 *    1.1) and joins elements with spaces (which would split "PhD's" into two
 *    words): each fragment is built by a fresh builder with `ssml(true)` (no
 *    root, one element, so no joining) and the root comes from document.ts;
 *  - it does not escape the `sub` alias or the `phoneme` ph (it only turns '
 *    into &apos;): both are escaped here before they reach it;
 *  - it does not remove XML-illegal control characters or lone surrogates:
 *    all text passes through xmlSafeText first;
 *  - it throws strings, not Errors: they are wrapped;
 *  - it has no <mark>, <voice>, <lang>, and its <p>, <s> and <emphasis> escape
 *    their content, so they cannot hold other elements: those few elements
 *    are written here directly.
 */

function built(make: (speech: Speech) => Speech): string {
  try {
    // A raw carriage return would be read back as a line feed (XML end-of-line handling): keep it as a reference.
    return make(new Speech()).ssml(true).replace(/\r/g, '&#13;');
  } catch (error) {
    throw error instanceof Error ? error : new Error(`ssml-builder: ${String(error)}`);
  }
}

/** Character data. */
export function text(value: string): string {
  const safe = xmlSafeText(value);
  return safe === '' ? '' : built((s) => s.say(safe));
}

/** `<sub alias="spoken">written</sub>`: the engine says `spoken`; the written text stays in the document. */
export function sub(spoken: string, written: string): string {
  const safeWritten = xmlSafeText(written);
  const safeSpoken = xmlSafeText(spoken);
  if (safeWritten === '' || safeSpoken.trim() === '') return text(written);
  return built((s) => s.sub(escapeAttr(safeSpoken), safeWritten));
}

/** `<phoneme alphabet ph>written</phoneme>`. */
export function phoneme(alphabet: string, ph: string, written: string): string {
  const safeWritten = xmlSafeText(written);
  if (safeWritten === '' || xmlSafeText(ph).trim() === '') return text(written);
  return built((s) => s.phoneme(escapeAttr(alphabet), escapeAttr(ph), safeWritten));
}

/** `<break time="...ms"/>`, at most the 10 s ssml-builder (and most engines) allow. */
export function pause(ms: number): string {
  const clamped = Math.max(0, Math.min(10_000, Math.round(ms)));
  return built((s) => s.pause(`${clamped}ms`));
}

/** `<mark name="..."/>` (not in ssml-builder). */
export function mark(name: string): string {
  return `<mark name="${escapeAttr(name)}"/>`;
}

/** `<emphasis level="...">` around already-built SSML (ssml-builder's own escapes its content). */
export function emphasis(level: 'moderate' | 'strong', inner: string): string {
  return `<emphasis level="${level}">${inner}</emphasis>`;
}

/**
 * `<s>` around already-built SSML. The content ends with a line break:
 * eSpeak NG in SSML mode reads a sentence-final "." that follows markup or a
 * closing bracket or quote ("<sub ...>$1</sub>.", "(more).") aloud as "dot"
 * unless a literal line break follows it (measured with espeak-ng 1.51 -m -x;
 * a space or &#10; does not help). Whitespace is not text to any engine.
 */
export function sentence(inner: string): string {
  return `<s>${inner}\n</s>`;
}

/** `<p>` around already-built SSML. */
/** `<p>`, with `xml:lang` when the paragraph is in another language than the document. */
export function paragraph(inner: string, lang?: string): string {
  return lang === undefined ? `<p>${inner}</p>` : `<p xml:lang="${escapeAttr(lang)}">${inner}</p>`;
}

export { escapeAttr, escapeText };
