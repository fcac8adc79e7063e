import { mkdtemp, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/ingest/index.js';
import { loadFigureImages, sniffImage } from '../../../src/writers/epub/images.js';
import { FIXTURES } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'voxpress-images-'));
  await copyFile(path.join(FIXTURES, 'chart.png'), path.join(dir, 'my chart.png'));
  await writeFile(path.join(dir, 'empty.png'), '');
  await writeFile(path.join(dir, 'notes.png'), 'not an image at all');
  await writeFile(path.join(dir, 'photo.webp'), Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'));
  await writeFile(path.join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const article = (body: string) => parseArticle(`# Pictures\n\nSome text.\n\n${body}\n`, { format: 'markdown' });

describe('loadFigureImages', () => {
  it('embeds local images by content type, once per source, named from the figure id', async () => {
    const images = await loadFigureImages(article('![One](my%20chart.png)\n\n![Two](my%20chart.png)\n\n![Logo](logo.svg)'), dir);
    const one = images.get('f1');
    expect(one?.kind === 'embedded' && one.image.href).toBe('images/f1.png');
    expect(one?.kind === 'embedded' && one.image.mediaType).toBe('image/png');
    expect(images.get('f2')).toBe(one);
    const logo = images.get('f3');
    expect(logo?.kind === 'embedded' && logo.image.mediaType).toBe('image/svg+xml');
  });

  it('links images on the web instead of fetching them', async () => {
    const images = await loadFigureImages(article('![Web](https://example.org/a.png)'), dir);
    expect(images.get('f1')).toEqual({ kind: 'remote', url: 'https://example.org/a.png' });
  });

  it('fails with a clear message for a missing, empty, unrecognised or WebP image, never a 0-byte item', async () => {
    await expect(loadFigureImages(article('![Gone](gone.png)'), dir)).rejects.toThrow(/figure f1: image "gone.png" not found/);
    await expect(loadFigureImages(article('![Empty](empty.png)'), dir)).rejects.toThrow(/not a PNG, JPEG, GIF or SVG image \(the file is empty\)/);
    await expect(loadFigureImages(article('![Text](notes.png)'), dir)).rejects.toThrow(/"notes.png" is not a PNG/);
    await expect(loadFigureImages(article('![Photo](photo.webp)'), dir)).rejects.toThrow(/WebP/);
    await expect(loadFigureImages(article('![Data](data:image/png;base64,AAAA)'), dir)).rejects.toThrow(/unsupported URL scheme/);
  });

  it('recognises image types from their bytes', () => {
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ mediaType: 'image/jpeg', extension: 'jpg' });
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toEqual({ mediaType: 'image/gif', extension: 'gif' });
    expect(sniffImage(new TextEncoder().encode('<html>'))).toBeUndefined();
  });
});
