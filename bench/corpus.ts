/** A small seeded PRNG (mulberry32): the same seed always gives the same batch. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` article texts in the sample's plain-text format, each of 3 to 60
 * paragraphs drawn (with repetition, shuffled) from the sample's paragraphs.
 */
export function generateBatch(sampleText: string, count = 200, seed = 2024): string[] {
  const random = seededRandom(seed);
  const paragraphs = sampleText
    .replace(/^\s*date\s+\S+\s*/, '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const articles: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 3 + Math.floor(random() * 58);
    const chosen: string[] = [];
    for (let j = 0; j < n; j++) chosen.push(paragraphs[Math.floor(random() * paragraphs.length)] ?? '');
    const day = String(1 + (i % 28)).padStart(2, '0');
    articles.push(`date 2024-10-${day} ${chosen.join('\n\n')}\n`);
  }
  return articles;
}
