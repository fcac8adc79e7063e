import { describe, expect, it } from 'vitest';
import { slugOf, uniqueSlugs } from '../../src/pipeline/slug.js';

describe('slugOf', () => {
  it.each([
    ['input/khorev-asif-meeting.txt', 'khorev-asif-meeting'],
    ['Élections Présidentielles 2024.md', 'elections-presidentielles-2024'],
    ['a/b/What?! "Quotes" & <tags>.txt', 'what-quotes-tags'],
    ['CON.txt', 'con-article'],
    ['日本語.txt', 'article'],
    ['...txt', 'article'],
    [`${'long-'.repeat(40)}.txt`, 'long-'.repeat(13).slice(0, 64).replace(/-+$/, '')],
  ])('%s → %s', (file, slug) => {
    expect(slugOf(file)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe('uniqueSlugs', () => {
  it('gives two inputs that would share a folder different ones, deterministically', () => {
    const files = ['a/story.txt', 'b/story.txt', 'story.md', 'other.txt'];
    const slugs = uniqueSlugs(files);
    expect(new Set(slugs.values()).size).toBe(files.length);
    expect(slugs.get('other.txt')).toBe('other');
    expect(slugs.get('a/story.txt')).toMatch(/^story-[0-9a-f]{8}$/);
    expect(uniqueSlugs(files)).toEqual(slugs);
  });
});
