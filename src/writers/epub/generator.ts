import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import type { FileContent } from '../../shared/bytes.js';

/*
 * The one place that talks to epub-gen-memory 1.1.2, and works around its
 * defects. The package assembles the container (mimetype, META-INF/container.xml,
 * OEBPS/ with content.opf, toc.xhtml, toc.ncx, style.css and the chapters) by
 * rendering EJS templates with the options object; every option key reaches
 * the templates, and its JSZip instance is reachable from a subclass. The
 * book's documents are built by the modules next to this one; here they are
 * handed to the package through templates that print them verbatim:
 *
 * - content.opf: the package's template hard-codes `xml:lang="en"`, writes
 *   `dcterms:modified` and the copyright year from the clock, uses a random
 *   `Math.random` UUID as identifier, has no accessibility or media-overlay
 *   metadata and writes an invalid empty `<dc:description/>` when there is no
 *   description.  -> `contentOPF: '<%- packageDocument %>'`.
 * - toc.xhtml: no `role="doc-toc"`, no landmarks, hard-coded numbering.
 *   -> `tocXHTML: '<%- navDocument %>'`.
 * - toc.ncx: carries the random UUID. -> `tocNCX: '<%- ncxDocument %>'`.
 * - chapters: the content is run through a sanitiser that drops attributes
 *   not on its list (`datetime`, `start`, `aria-*` beyond its list...),
 *   replaces an empty `alt` with "image-placeholder", renames images to
 *   random UUIDs, downloads them (`file://` or the network) and, when a
 *   download fails with `ignoreFailedDownloads`, ships a 0-byte manifest item.
 *   -> the chapter's `content` is empty and `chapterXHTML: '<%- xhtml %>'`
 *   prints our document; images (already read and type-checked), the SMIL
 *   overlay and the MP3 are added to the container's files after it (not to its zip).
 * - the zip: JSZip entries dated "now", with folder entries. -> the caller
 *   repacks the files deterministically (zip.ts); `genEpub()` is not used.
 */

/** A file for the package folder (`OEBPS/`), named relative to it. */
export interface PackageFile {
  readonly path: string;
  readonly data: FileContent;
}

export interface GeneratorInput {
  readonly title: string;
  readonly lang: string;
  readonly authors: readonly string[];
  readonly publisher?: string;
  /** ISO date the package records; given so it never defaults to the clock. */
  readonly date: string;
  readonly css: string;
  /** The content document, its file name, the package, nav and NCX documents, all finished. */
  readonly contentHref: string;
  readonly contentXhtml: string;
  readonly packageDocument: string;
  readonly navDocument: string;
  readonly ncxDocument: string;
  /** Images, overlays and audio. */
  readonly resources: readonly PackageFile[];
}

/** The file names the package writes by itself; our documents must use the same. */
export const GENERATOR_NAMES = { nav: 'toc.xhtml', ncx: 'toc.ncx', css: 'style.css', folder: 'OEBPS' } as const;

/** The extra template data the templates below print. */
interface TemplateData {
  readonly packageDocument: string;
  readonly navDocument: string;
  readonly ncxDocument: string;
}

class BookAssembler extends EPub {
  /** Every file of the rendered container (folders left out), by path. */
  async files(): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    const entries: [string, { dir: boolean; async(type: 'uint8array'): Promise<Uint8Array> }][] = [];
    this.zip.forEach((relativePath: string, file: { dir: boolean; async(type: 'uint8array'): Promise<Uint8Array> }) => {
      entries.push([relativePath, file]);
    });
    for (const [name, file] of entries) {
      if (!file.dir) out.set(name, await file.async('uint8array'));
    }
    return out;
  }
}

/** The book's container files, assembled by epub-gen-memory from our finished documents. */
export async function generateContainer(input: GeneratorInput): Promise<Map<string, FileContent>> {
  const templates: TemplateData = {
    packageDocument: input.packageDocument,
    navDocument: input.navDocument,
    ncxDocument: input.ncxDocument,
  };
  const options: Options & TemplateData = {
    title: input.title,
    lang: input.lang,
    author: [...input.authors],
    ...(input.publisher ? { publisher: input.publisher } : {}),
    date: input.date,
    css: input.css,
    version: 3,
    verbose: false,
    prependChapterTitles: false,
    contentOPF: '<%- packageDocument %>',
    tocXHTML: '<%- navDocument %>',
    tocNCX: '<%- ncxDocument %>',
    chapterXHTML: '<%- xhtml %>',
    ...templates,
  };
  const chapter: Chapter & { readonly xhtml: string } = { title: input.title, content: '', filename: input.contentHref, xhtml: input.contentXhtml };
  const assembler = new BookAssembler(options, [chapter]);
  await assembler.render();
  const files: Map<string, FileContent> = await assembler.files();
  // Images, overlays and audio go into the container as they are, not through the package's zip: a two-hour
  // narration (43 MB) would otherwise be copied in and out of it once more.
  for (const resource of input.resources) {
    const name = `${GENERATOR_NAMES.folder}/${resource.path}`;
    if (files.has(name)) throw new Error(`epub-gen-memory: two files of the book are named ${name}`);
    files.set(name, resource.data);
  }
  return files;
}
