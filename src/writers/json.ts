import type { Writer } from './types.js';

/** `document.json`: the document model itself, for inspection and for tools downstream. */
export const jsonWriter: Writer = {
  format: 'json',
  byDefault: true,
  needs: [],
  description: 'document.json: the document model (metadata, blocks, sentences with their ids)',
  async write({ doc }) {
    return [{ name: 'document.json', data: `${JSON.stringify(doc, null, 2)}\n` }];
  },
};
