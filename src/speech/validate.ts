import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { XmlDocument, XmlLibError, XsdValidator, xmlRegisterInputProvider, type ErrorDetail } from 'libxml2-wasm';

/*
 * SSML 1.1 schema validation with libxml2 (WASM), offline. The schema files
 * live in src/speech/schemas/ssml-1.1/; the URL is written relative to this
 * module so that it resolves both from src/speech/ (vitest) and from
 * dist/speech/ (compiled): `../../src/...` from either lands in src/.
 */
const SCHEMA_DIR = new URL('../../src/speech/schemas/ssml-1.1/', import.meta.url);

/** One problem found in an SSML document. */
export interface SsmlProblem {
  readonly line: number;
  readonly message: string;
}

export class SsmlValidationError extends Error {
  constructor(
    readonly problems: readonly SsmlProblem[],
    what: string,
  ) {
    super(`${what} is not valid SSML 1.1: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    this.name = 'SsmlValidationError';
  }
}

let validator: XsdValidator | undefined;

/*
 * The schema imports `xml.xsd` and redefines `synthesis-nonamespace.xsd` by
 * relative path; libxml2 asks its input providers for them. This provider
 * answers only for files inside the schema folder, so parsing SSML never
 * reaches the file system or the network.
 */
function registerSchemaProvider(): void {
  const root = fileURLToPath(SCHEMA_DIR);
  const files = new Map<number, Uint8Array>();
  let next = 1;
  const local = (name: string): string | undefined => {
    const file = name.startsWith('file://') ? fileURLToPath(name) : name;
    return file.startsWith(root) && file.endsWith('.xsd') ? file : undefined;
  };
  xmlRegisterInputProvider({
    match: (name) => local(name) !== undefined,
    open: (name) => {
      const file = local(name);
      if (!file) return undefined;
      const fd = next++;
      files.set(fd, new Uint8Array(readFileSync(file)));
      return fd;
    },
    read: (fd, buffer) => {
      const data = files.get(fd);
      if (!data) return -1;
      const n = Math.min(buffer.length, data.length);
      buffer.set(data.subarray(0, n));
      files.set(fd, data.subarray(n));
      return n;
    },
    close: (fd) => files.delete(fd),
  });
}

function ssmlValidator(): XsdValidator {
  if (!validator) {
    registerSchemaProvider();
    const url = new URL('synthesis.xsd', SCHEMA_DIR);
    const schema = XmlDocument.fromBuffer(new Uint8Array(readFileSync(url)), { url: fileURLToPath(url) });
    validator = XsdValidator.fromDoc(schema);
  }
  return validator;
}

function problemsOf(error: unknown): SsmlProblem[] {
  if (error instanceof XmlLibError && error.details.length > 0) {
    return error.details.map((d: ErrorDetail) => ({ line: d.line, message: d.message.trim() }));
  }
  return [{ line: 0, message: error instanceof Error ? error.message : String(error) }];
}

/** The problems that keep `ssml` from being a well-formed, schema-valid SSML 1.1 document; empty when it is one. */
export function ssmlProblems(ssml: string): SsmlProblem[] {
  const xsd = ssmlValidator();
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(ssml);
  } catch (error) {
    return problemsOf(error).map((p) => ({ ...p, message: `not well-formed: ${p.message}` }));
  }
  try {
    xsd.validate(doc);
    return [];
  } catch (error) {
    return problemsOf(error);
  } finally {
    doc.dispose();
  }
}

/** Throws an SsmlValidationError naming every problem unless `ssml` is schema-valid SSML 1.1. */
export function assertValidSsml(ssml: string, what = 'SSML document'): void {
  const problems = ssmlProblems(ssml);
  if (problems.length > 0) throw new SsmlValidationError(problems, what);
}

/** Why `xml` is not well-formed XML, or undefined when it is. */
export function wellFormedProblem(xml: string): string | undefined {
  try {
    XmlDocument.fromString(xml).dispose();
    return undefined;
  } catch (error) {
    return problemsOf(error)
      .map((p) => `line ${p.line}: ${p.message}`)
      .join('; ');
  }
}
