import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImages, resolveSource } from '../../src/io/resources.js';
import { parseArticle } from '../../src/readers/index.js';
import { sniffImage } from '../../src/shared/images.js';
import { FIXTURES } from '../helpers/epub.js';

let dir: string;
let article: string;
let outside: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'voxpress-images-'));
  article = path.join(dir, 'article');
  outside = path.join(dir, 'secret');
  await mkdir(article);
  await mkdir(outside);
  await copyFile(path.join(FIXTURES, 'chart.png'), path.join(article, 'my chart.png'));
  await copyFile(path.join(FIXTURES, 'chart.png'), path.join(article, '50%.png'));
  await copyFile(path.join(FIXTURES, 'chart.png'), path.join(outside, 'photo.png'));
  await writeFile(path.join(article, 'empty.png'), '');
  await writeFile(path.join(article, 'notes.png'), 'not an image at all');
  await writeFile(path.join(article, 'photo.webp'), Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'));
  await writeFile(path.join(article, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  await symlink(path.join(outside, 'photo.png'), path.join(article, 'link.png'));
  await mkdir(path.join(article, 'folder.png'));
  execFileSync('mkfifo', [path.join(article, 'pipe.png')]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const doc = (body: string) => parseArticle(`# Pictures\n\nSome text.\n\n${body}\n`, { format: 'markdown' });

describe('resolveSource', () => {
  it('tells local files, web images and unsupported schemes apart', () => {
    expect(resolveSource('https://example.org/a.png', '/a')).toEqual({ kind: 'remote', url: 'https://example.org/a.png' });
    expect(resolveSource('pics/a.png?v=2#x', '/a')).toEqual({ kind: 'local', candidates: ['/a/pics/a.png'] });
    expect(resolveSource('my%20chart.png', '/a')).toEqual({ kind: 'local', candidates: ['/a/my chart.png', '/a/my%20chart.png'] });
    expect(resolveSource('50%.png', '/a')).toEqual({ kind: 'local', candidates: ['/a/50%.png'] });
    expect(resolveSource('data:image/png;base64,AAAA', '/a').kind).toBe('unsupported');
    expect(resolveSource('//cdn.example.org/a.png', '/a').kind).toBe('unsupported');
  });
});

describe('loadImages', () => {
  it('embeds local images by content type, once per source', async () => {
    const { images, warnings } = await loadImages(doc('![One](my%20chart.png)\n\n![Two](my%20chart.png)\n\n![Logo](logo.svg)\n\n![Pct](50%.png)'), article);
    expect(warnings).toEqual([]);
    const one = images.get('f1');
    expect(one?.kind === 'embedded' && one.mediaType).toBe('image/png');
    expect(images.get('f2')).toBe(one);
    expect(images.get('f3')?.kind === 'embedded' && (images.get('f3') as { mediaType: string }).mediaType).toBe('image/svg+xml');
    expect(images.get('f4')?.kind).toBe('embedded');
  });

  it('links images on the web instead of fetching them', async () => {
    const { images } = await loadImages(doc('![Web](https://example.org/a.png)'), article);
    expect(images.get('f1')).toEqual({ kind: 'remote', url: 'https://example.org/a.png' });
  });

  it('leaves out, with one warning naming the figure, a missing, empty, unrecognised, WebP or unsupported image', async () => {
    const cases: [string, RegExp][] = [
      ['gone.png', /figure f1: image "gone.png" left out: not found/],
      ['empty.png', /not a PNG, JPEG, GIF or SVG image \(the file is empty\)/],
      ['notes.png', /"notes.png" left out: is not a PNG/],
      ['photo.webp', /WebP/],
      ['data:image/png;base64,AAAA', /unsupported URL scheme/],
      ['folder.png', /not a regular file/],
      ['pipe.png', /not a regular file/],
    ];
    for (const [src, message] of cases) {
      const { images, warnings } = await loadImages(doc(`![Alt](${src})`), article);
      expect(images.get('f1')?.kind).toBe('missing');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(message);
    }
  });

  it('never reads outside the article folder: parent paths, absolute paths, file: URLs and symlinks', async () => {
    const secret = path.join(outside, 'photo.png');
    for (const src of ['../secret/photo.png', secret, pathToFileURL(secret).href, 'link.png']) {
      const { images, warnings } = await loadImages(doc(`![S](${src})`), article);
      expect(images.get('f1')?.kind).toBe('missing');
      expect(warnings[0]).toMatch(/outside the article's folder/);
    }
  });

  it('reads from a resource root the user names, and only there', async () => {
    const { images } = await loadImages(doc('![S](../secret/photo.png)'), article, { root: dir });
    expect(images.get('f1')?.kind).toBe('embedded');
  });

  it('caps the size of one image and of all the images of an article', async () => {
    const tiny = { maxImageBytes: 100, maxArticleImageBytes: 1000 };
    const { warnings } = await loadImages(doc('![One](my%20chart.png)'), article, { limits: tiny });
    expect(warnings[0]).toMatch(/too large/);
  });
});

describe('sniffImage', () => {
  it('recognises image types from their bytes', () => {
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ mediaType: 'image/jpeg', extension: 'jpg' });
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toEqual({ mediaType: 'image/gif', extension: 'gif' });
    expect(sniffImage(new TextEncoder().encode('<html>'))).toBeUndefined();
  });
});
