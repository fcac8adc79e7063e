import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/io/article.js';
import { documentProblems } from '../../src/model/validate.js';
import type { Block, Document } from '../../src/model/types.js';
import { renderDocument } from '../../src/pipeline/render.js';
import { ssmlProblems } from '../../src/speech/validate.js';
import { parseSsml } from '../helpers/speech.js';

/* Real published articles (tests/fixtures/sources/real.md): what the model makes of them as a reader would see it. */
const real = (name: string): string => path.join('tests/fixtures/real', name);

const headings = (doc: Document): string[] => {
  const all: string[] = [];
  const walk = (blocks: readonly Block[]): void => {
    for (const b of blocks) {
      if (b.type === 'heading') all.push(b.sentences.map((s) => s.text).join(' '));
      if (b.type === 'list') b.items.forEach((i) => walk(i.blocks));
      if (b.type === 'quote') walk(b.blocks);
    }
  };
  walk(doc.blocks);
  return all;
};

describe('real articles', () => {
  it.each([
    ['debian-ftp-shutdown.md', 'en', 'Shutting down public FTP services'],
    ['debian-apagado-ftp.md', 'es', 'Apagado de los servicios FTP públicos'],
    ['wikinews-spacex-dragon.md', 'fr', 'États-Unis : Lancement réussi pour Space X Dragon'],
    ['wikinews-banques-belges-piratees.md', 'fr', 'Banques belges piratées : « Le parquet exagère les chiffres »'],
    ['debian-wheezy-lts-handover.md', 'en', 'Security support for Wheezy handed over to the LTS team'],
  ])('%s: language detected (%s), title kept, valid model and SSML in that language', async (file, lang, title) => {
    const doc = await readArticle(real(file));
    expect(documentProblems(doc)).toEqual([]);
    expect(doc.meta).toMatchObject({ lang, langSource: 'detected', title, titleDerived: false });
    const [ssml] = await renderDocument(doc, ['ssml']);
    expect(ssmlProblems(String(ssml?.data))).toEqual([]);
    expect(String(ssml?.data)).toContain(`xml:lang="${lang}"`);
  });

  it('debian-apagado-ftp.md: the placeholder in "ftp.<CC>.debian.org" is shown as typed, not dropped as HTML', async () => {
    const doc = await readArticle(real('debian-apagado-ftp.md'));
    const sentence = doc.blocks.flatMap((b) => (b.type === 'paragraph' ? b.sentences : [])).find((s) => s.text.includes('ftp.debian.org'));
    expect(sentence?.text).toBe('Los nombres DNS ftp.debian.org y ftp.<CC>.debian.org seguirán igual.');
  });

  it.each([['debian-wheezy-lts-handover'], ['wikinews-banques-belges-piratees']])('%s.txt: the plain-text layout gives the headings the Markdown has', async (name) => {
    const markdown = await readArticle(real(`${name}.md`));
    const text = await readArticle(real(`${name}.txt`));
    expect(text.meta.lang).toBe(markdown.meta.lang);
    expect(headings(text)).toEqual(headings(markdown));
    expect(headings(text).length).toBeGreaterThan(0);
  });
});

describe('spoken forms of real articles', () => {
  // Excerpts of articles tried for issue 15 (tests/fixtures/sources/real.md), each with forms that were said wrong.
  it.each([
    ['18f-content-designer-excerpt.md', 'en', [
      { written: '7:00 a.m.', alias: 'seven A.M' },
      { written: '9:00', alias: "nine o'clock" },
      { written: 'VTC', alias: 'V.T.C' },
    ]],
    ['debian-stretch-publiee-excerpt.md', 'fr', [
      { written: '5.5', alias: 'cinq point cinq' },
      { written: '10.1', alias: 'dix point un' },
      { written: '90 %', alias: 'quatre-vingt-dix pour cent' },
    ]],
    ['debian-apagado-ftp.md', 'es', [
      { written: 'ftp.<CC>.debian.org', alias: 'ftp punto C C punto debian punto org' },
      { written: 'ftp://ftp.debian.org', alias: 'ftp dos puntos barra barra ftp punto debian punto org' },
      { written: 'https://www.debian.org/', alias: 'w w w punto debian punto org' },
      { written: 'press@debian.org', alias: 'press arroba debian punto org' },
    ]],
    // "Rust 1.0" and "for Rust to be 1.0?": the same version, said the same way.
    ['rust-1.0.md', 'en', [{ written: '1.0', alias: 'one point oh' }]],
    ['debconf17-clausura-excerpt.md', 'es', [
      { written: '61', alias: 'sesenta y una' },
      { written: '21', alias: 'veintiuno' },
      { written: '12 de agosto de 2017', alias: 'doce de agosto de dos mil diecisiete' },
    ]],
  ])('%s (%s): the SSML is valid and says each form right', async (file, lang, expected) => {
    const doc = await readArticle(real(file));
    expect(doc.meta.lang).toBe(lang);
    const [ssml] = await renderDocument(doc, ['ssml']);
    const xml = String(ssml?.data);
    expect(ssmlProblems(xml)).toEqual([]);
    const subs = parseSsml(xml).sentences.flatMap((s) => s.subs);
    for (const sub of expected) expect(subs).toContainEqual(sub);
    // One written form, one reading, throughout the article.
    for (const sub of expected) expect(subs.filter((s) => s.written === sub.written)).toEqual(subs.filter((s) => s.written === sub.written).map(() => sub));
    // What issue 15 heard: capitals spelled letter by letter where they are words, a number left in an alias.
    expect(subs.filter((s) => /\d/.test(s.alias))).toEqual([]);
  });
});
