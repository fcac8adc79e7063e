import { mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MANIFEST, processArticle, renderDocument, type ArticleTask } from '../../src/pipeline/article.js';
import { parseArticle } from '../../src/readers/index.js';
import { writerFor } from '../../src/writers/index.js';

async function task(text: string, force = false): Promise<ArticleTask> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-'));
  const file = path.join(dir, 'story.txt');
  await writeFile(file, text);
  return { file, outDir: path.join(dir, 'out', 'story'), options: { formats: ['json'], overrides: {}, writer: {} }, force };
}

describe('processArticle', () => {
  it('writes the outputs and a manifest, then reuses them while nothing changes', async () => {
    const t = await task('date 2024-01-01 The cat sat.');
    const first = await processArticle(t);
    expect(first).toMatchObject({ status: 'written', outputs: ['document.json'] });
    const manifest = JSON.parse(await readFile(path.join(t.outDir, MANIFEST), 'utf8'));
    expect(manifest.outputs).toEqual(['document.json']);
    const before = (await stat(path.join(t.outDir, 'document.json'))).mtimeMs;
    expect((await processArticle(t)).status).toBe('reused');
    expect((await stat(path.join(t.outDir, 'document.json'))).mtimeMs).toBe(before);
    expect((await processArticle({ ...t, force: true })).status).toBe('written');
    await writeFile(t.file, 'date 2024-01-01 The dog sat.');
    expect((await processArticle(t)).status).toBe('written');
    expect((await processArticle({ ...t, options: { ...t.options, overrides: { title: 'New' } } })).status).toBe('written');
  });

  it('turns a bad article into a failed result naming the file, writing nothing', async () => {
    const t = await task('');
    const result = await processArticle(t);
    expect(result).toEqual({ status: 'failed', file: t.file, outDir: t.outDir, error: `${t.file}: empty file: no text to read` });
    await expect(stat(t.outDir)).rejects.toThrow();
  });
});

describe('reuse and images', () => {
  it('rebuilds when an image the article embeds changes, even though the text did not', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-'));
    const file = path.join(dir, 'story.md');
    await writeFile(file, 'The cat sat.\n\n![A chart](chart.png)\n');
    const png = (body: string): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(body)]);
    await writeFile(path.join(dir, 'chart.png'), png('one'));
    const t: ArticleTask = { file, outDir: path.join(dir, 'out'), options: { formats: ['json'], overrides: {}, writer: {} }, force: false };
    expect((await processArticle(t)).status).toBe('written');
    expect((await processArticle(t)).status).toBe('reused');
    await writeFile(path.join(dir, 'chart.png'), png('two'));
    expect((await processArticle(t)).status).toBe('written');
  });
});

describe('renderDocument', () => {
  it('refuses an unknown format', async () => {
    await expect(renderDocument(parseArticle('The cat sat.'), ['nope'])).rejects.toThrow('unknown format "nope"');
  });
});

describe('a failing format costs only itself', () => {
  const formats = ['json', 'ssml', 'epub', 'pdf'];
  const outputsOf = { json: 'document.json', ssml: 'narration.ssml', epub: 'article.epub', pdf: 'article.pdf' } as Record<string, string>;

  it.each(formats)('%s failing: the other formats are written, the failure is reported in one line, the folder is rebuilt next run', async (failing) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-fail-'));
    const file = path.join(dir, 'story.md');
    await writeFile(file, '---\ntitle: A story\nlang: en\n---\nThe first sentence. The second sentence.\n');
    const t: ArticleTask = { file, outDir: path.join(dir, 'out'), options: { formats, overrides: {}, writer: {} }, force: false };
    // A clean run first: its file of the failing format must not survive next to the new ones.
    expect((await processArticle(t)).status).toBe('written');
    const writer = writerFor(failing)!;
    const spy = vi.spyOn(writer, 'write').mockRejectedValue(new Error('disk on fire\nsecond line'));
    try {
      await writeFile(file, '---\ntitle: A story\nlang: en\n---\nThe first sentence changed. The second sentence.\n');
      const result = await processArticle(t);
      expect(result.status).toBe('written');
      if (result.status !== 'written') return;
      expect(result.failures).toEqual([{ format: failing, error: `${file}: ${failing}: disk on fire` }]);
      const written = formats.filter((f) => f !== failing).map((f) => outputsOf[f]);
      expect(result.outputs).toEqual(written);
      for (const name of written) expect((await stat(path.join(t.outDir, name!))).size).toBeGreaterThan(0);
      await expect(stat(path.join(t.outDir, outputsOf[failing]!))).rejects.toThrow();
      const doc = JSON.parse(await readFile(path.join(t.outDir, 'document.json'), 'utf8').catch(() => '{"blocks":[]}'));
      if (failing !== 'json') expect(JSON.stringify(doc)).toContain('changed');
    } finally {
      spy.mockRestore();
    }
    expect((await processArticle(t)).status).toBe('written');
    expect((await processArticle(t)).status).toBe('reused');
  });

  it('fails the article only when every format failed, one line per format', async () => {
    const t = await task('The cat sat on the mat today.');
    const spy = vi.spyOn(writerFor('json')!, 'write').mockRejectedValue(new Error('nope'));
    try {
      const result = await processArticle(t);
      expect(result.status).toBe('failed');
      expect(result.status === 'failed' && result.error).toBe(`${t.file}: json: nope`);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('the output folder', () => {
  it('refuses a symbolic link at <out>/<slug>, writing nothing where it points', async () => {
    const t = await task('The cat sat on the mat today.');
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'vox-elsewhere-'));
    await mkdir(path.dirname(t.outDir), { recursive: true });
    await symlink(elsewhere, t.outDir);
    const result = await processArticle(t);
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.error).toMatch(/output folder is a symbolic link/);
    expect(await readdir(elsewhere)).toEqual([]);
  });
});

describe('front matter', () => {
  it('refuses front matter over the limit in one line, and keeps YAML warnings as article warnings', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-fm-'));
    const file = path.join(dir, 'big.md');
    await writeFile(file, `---\n${Array.from({ length: 10_000 }, (_, i) => `k${i}: v`).join('\n')}\n---\nText.\n`);
    const result = await processArticle({ file, outDir: path.join(dir, 'out'), options: { formats: ['json'], overrides: {}, writer: {} }, force: false });
    expect(result.status === 'failed' && result.error).toMatch(/front matter is too large \(\d+ characters; the limit is 65536\)$/);
  });
});

describe('the folder changes all at once or not at all', () => {
  async function snapshot(dir: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const name of (await readdir(dir)).sort()) out[name] = (await readFile(path.join(dir, name))).toString('base64');
    return out;
  }

  it('a write failing after some files leaves every old file as it was, and says so in one line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vox-half-'));
    const file = path.join(dir, 'story.md');
    await writeFile(file, '---\ntitle: A story\nlang: en\n---\nThe first sentence. The second sentence.\n');
    const t: ArticleTask = { file, outDir: path.join(dir, 'out', 'story'), options: { formats: ['json', 'ssml', 'pdf'], overrides: {}, writer: {} }, force: false };
    expect((await processArticle(t)).status).toBe('written');
    const before = await snapshot(t.outDir);
    await writeFile(file, '---\ntitle: A story\nlang: en\n---\nThe first sentence changed. The second sentence.\n');
    // The SSML writer's second file cannot be created (a NUL in its name): the JSON and the first SSML file were already written by then.
    const ssml = writerFor('ssml')!;
    const real = ssml.write.bind(ssml);
    const spy = vi.spyOn(ssml, 'write').mockImplementation(async (context) => [...(await real(context)), { name: 'part\0.ssml', data: 'x' }]);
    try {
      const result = await processArticle(t);
      expect(result.status).toBe('failed');
      expect(result.status === 'failed' && result.error).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot write .*story: [^\\n]+$`));
    } finally {
      spy.mockRestore();
    }
    expect(await snapshot(t.outDir)).toEqual(before);
    expect(await readdir(path.dirname(t.outDir))).toEqual(['story']);
    expect((await processArticle(t)).status).toBe('written');
    expect(JSON.stringify(JSON.parse(await readFile(path.join(t.outDir, 'document.json'), 'utf8')))).toContain('changed');
  });

  it('keeps a file the user put in the folder, and removes last run’s outputs that this run does not make', async () => {
    const t = await task('The cat sat on the mat today.');
    expect((await processArticle({ ...t, options: { ...t.options, formats: ['json', 'ssml'] } })).status).toBe('written');
    await writeFile(path.join(t.outDir, 'notes.txt'), 'mine');
    expect((await processArticle({ ...t, force: true })).status).toBe('written');
    expect((await readdir(t.outDir)).sort()).toEqual([MANIFEST, 'document.json', 'notes.txt']);
  });
});
