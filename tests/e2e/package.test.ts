import { describe, expect, it } from 'vitest';
import { documentProblems } from '../../src/model/validate.js';

/*
 * The package as a user's code imports it: the built entry (dist/index.js)
 * through its own `exports` map, the way `import ... from 'voxpress'` does.
 */
describe('the package entry', () => {
  it('reads an article and renders it through the registries, with no side effect on import', async () => {
    const before = process.exitCode;
    const voxpress = await import('voxpress');
    expect(process.exitCode).toBe(before);
    expect(voxpress.READERS.map((r) => r.name)).toEqual(['text', 'markdown']);
    expect(voxpress.ENGINES.map((e) => e.name)).toContain('espeak');
    expect(voxpress.FORMATS).toEqual(voxpress.WRITERS.map((w) => w.format));
    const doc = voxpress.parseArticle('# A headline\n\nThe first sentence. The second one.', { format: 'markdown' });
    expect(documentProblems(doc)).toEqual([]);
    const files = await voxpress.renderDocument(doc, ['json', 'ssml']);
    expect(files.map((f) => f.name)).toEqual(['document.json', 'narration.ssml']);
    expect(JSON.parse(String(files[0]?.data))).toEqual(doc);
    expect(String(files[1]?.data)).toContain('<mark name="p1s2"/>');
  });

  it('exports main without running it', async () => {
    const { main } = await import('voxpress');
    expect(typeof main).toBe('function');
    expect(await main(['--version'])).toBe(0);
  });

  it('keeps internals out: no string-keyed cache, no helper modules', async () => {
    const voxpress: Record<string, unknown> = await import('voxpress');
    for (const internal of ['Artifacts', 'narrationOf', 'synthesisOf', 'xmlSafeText', 'escapeText', 'sniffImage']) expect(voxpress[internal]).toBeUndefined();
  });
});
