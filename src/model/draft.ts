import type { Figure, Inline } from './types.js';

/**
 * What a reader produces: the article's structure and inline runs, before
 * sentence segmentation, id assignment and metadata defaults. `buildDocument`
 * turns a draft into a `Document`; readers never assign ids themselves, so ids
 * follow one rule whatever the input format.
 */
export interface Draft {
  readonly meta: DraftMetadata;
  readonly blocks: readonly DraftBlock[];
  readonly warnings: readonly string[];
}

export interface DraftMetadata {
  readonly title?: string;
  readonly lang?: string;
  readonly date?: string;
  readonly authors?: readonly string[];
  readonly source?: string;
  readonly description?: string;
}

export type DraftBlock =
  | { readonly type: 'heading'; readonly level: number; readonly inlines: readonly Inline[]; readonly inferred?: true }
  | { readonly type: 'paragraph'; readonly inlines: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly start?: number; readonly items: readonly (readonly DraftBlock[])[]; readonly inferred?: true }
  | { readonly type: 'quote'; readonly blocks: readonly DraftBlock[] }
  | ({ readonly type: 'figure' } & Omit<Figure, 'type' | 'id'>);
