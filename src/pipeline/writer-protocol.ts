import type { Document } from '../model/types.js';
import type { FigureImages } from '../shared/images.js';
import type { OutputFile, WriterOptions } from '../writers/index.js';

/** What the writer thread is asked (writer-thread.ts): one format of one document, all plain data. */
export interface WriteRequest {
  readonly id: number;
  readonly format: string;
  readonly doc: Document;
  readonly options: WriterOptions;
  readonly images: FigureImages;
}

/** Its answer: the format's files, or why it could not be made; the warnings either way. */
export type WriteReply =
  | { readonly id: number; readonly type: 'done'; readonly files: readonly OutputFile[]; readonly warnings: readonly string[] }
  | { readonly id: number; readonly type: 'failed'; readonly message: string; readonly warnings: readonly string[] };
