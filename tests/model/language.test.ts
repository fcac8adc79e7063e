import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/model/build.js';
import { ARTICLE_CONFIDENCE, detectLanguage, loadedDetector, packagedDetector, passageLanguage, PASSAGE_LANGUAGES } from '../../src/model/language.js';
import { parseArticle } from '../../src/readers/index.js';

interface Sample {
  readonly lang: string;
  readonly bucket: 'article' | 'short';
  readonly text: string;
}
const samples = JSON.parse(readFileSync(new URL('../fixtures/language/samples.json', import.meta.url), 'utf8')) as Sample[];
const articles = samples.filter((s) => s.bucket === 'article');
const passages = samples.filter((s) => s.bucket === 'short');

describe('the detector loaded from the build\'s JSON', () => {
  it('is not eld\'s packaged instance, and scores every sample exactly as it does, also among a subset', () => {
    const ours = loadedDetector();
    const theirs = packagedDetector();
    expect(ours).not.toBe(theirs);
    for (const sample of samples) {
      expect(ours.detect(sample.text).getScores()).toEqual(theirs.detect(sample.text).getScores());
      ours.setLanguageSubset(PASSAGE_LANGUAGES);
      theirs.setLanguageSubset(PASSAGE_LANGUAGES);
      expect(ours.detect(sample.text).getScores()).toEqual(theirs.detect(sample.text).getScores());
      ours.setLanguageSubset(false);
      theirs.setLanguageSubset(false);
    }
  });
});

describe('detectLanguage on real multilingual text', () => {
  it('names the language of every whole article (7 languages), confidently', () => {
    expect(new Set(articles.map((a) => a.lang))).toEqual(new Set(PASSAGE_LANGUAGES));
    for (const article of articles) {
      const guess = detectLanguage(article.text);
      expect(guess?.lang, article.text.slice(0, 60)).toBe(article.lang);
      expect(guess!.confidence).toBeGreaterThanOrEqual(ARTICLE_CONFIDENCE);
    }
  });

  it('tags single paragraphs in another language than the article, and at least 95 % of them right', () => {
    let right = 0;
    for (const passage of passages) {
      const other = passage.lang === 'en' ? 'fr' : 'en';
      const tagged = passageLanguage(passage.text, other);
      expect([undefined, passage.lang], passage.text).toContain(tagged);
      if (tagged === passage.lang) right++;
    }
    expect(right / passages.length).toBeGreaterThanOrEqual(0.95);
  });

  it('never tags a paragraph in the article’s own language as another (no false switches)', () => {
    for (const passage of passages) expect(passageLanguage(passage.text, passage.lang), passage.text).toBeUndefined();
  });

  it('leaves short passages and text without letters alone', () => {
    expect(passageLanguage('Merci beaucoup.', 'en')).toBeUndefined();
    expect(detectLanguage('12 345 — 67 %')).toBeUndefined();
  });
});

describe('the language in the model', () => {
  const french = articles.find((a) => a.lang === 'fr')!.text;
  const spanish = articles.find((a) => a.lang === 'es')!.text;

  it('records a stated language as stated, and never detects over it', () => {
    const doc = parseArticle(`---\nlang: en\n---\n${french}`, { format: 'markdown' });
    expect(doc.meta).toMatchObject({ lang: 'en', langSource: 'stated' });
    expect(doc.meta.langConfidence).toBeUndefined();
    expect(parseArticle(french, { format: 'text', overrides: { lang: 'fr-CA' } }).meta).toMatchObject({ lang: 'fr-CA', langSource: 'stated' });
  });

  it('detects the language of an article that does not state it, with the confidence', () => {
    const doc = parseArticle(spanish, { format: 'text' });
    expect(doc.meta.lang).toBe('es');
    expect(doc.meta.langSource).toBe('detected');
    expect(doc.meta.langConfidence).toBeGreaterThanOrEqual(ARTICLE_CONFIDENCE);
  });

  it('keeps the default when the text does not tell', () => {
    const doc = buildDocument({ meta: {}, blocks: [{ type: 'paragraph', inlines: [{ type: 'text', value: '2024 — 12:30, 45 %.' }] }], warnings: [] });
    expect(doc.meta).toMatchObject({ lang: 'en', langSource: 'default' });
  });

  it('tags a paragraph in another language inside an article, and segments it with that language’s rules', () => {
    const english = articles.find((a) => a.lang === 'en')!.text;
    const quote = passages.find((p) => p.lang === 'fr' && p.text.length > 80)!.text;
    const doc = parseArticle(`${english}\n\n${quote}\n\n${english}`, { format: 'text', reader: { inferStructure: false } });
    expect(doc.meta.lang).toBe('en');
    expect(doc.blocks.map((b) => (b.type === 'paragraph' ? (b.lang ?? doc.meta.lang) : b.type))).toEqual(['en', 'fr', 'en']);
  });
});
