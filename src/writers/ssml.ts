import type { Writer } from './types.js';

/**
 * The `ssml` format. Its work (the script, the schema validation, the provider
 * chunks) is in ssml-files.ts, loaded when an article is written: the CLI's
 * own thread reads this registry entry without loading the SSML machinery.
 */
export const ssmlWriter: Writer = {
  format: 'ssml',
  byDefault: true,
  needs: [],
  description: 'narration.ssml: the narration script (SSML 1.1); with --ssml-profile also narration.<profile>.NNN.ssml request-sized chunks',
  async write({ doc, options }) {
    const { ssmlFiles } = await import('./ssml-files.js');
    return ssmlFiles(doc, options);
  },
};
