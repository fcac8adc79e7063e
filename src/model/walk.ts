import type { Block, Document, Sentence, TextBlock } from './types.js';

/** Every heading and paragraph, in reading order, including those inside lists and quotes. */
export function textBlocks(doc: Pick<Document, 'blocks'>): TextBlock[] {
  const out: TextBlock[] = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.type) {
        case 'heading':
        case 'paragraph':
          out.push(block);
          break;
        case 'list':
          for (const item of block.items) visit(item.blocks);
          break;
        case 'quote':
          visit(block.blocks);
          break;
        case 'figure':
          break;
      }
    }
  };
  visit(doc.blocks);
  return out;
}

/** Every sentence in reading order: the sequence narration, captions and overlays follow. */
export function sentences(doc: Pick<Document, 'blocks'>): Sentence[] {
  return textBlocks(doc).flatMap((block) => block.sentences);
}

/** Characters of every sentence: how much there is to say, whatever the voice's rate. */
export function sentenceChars(doc: Pick<Document, 'blocks'>): number {
  return sentences(doc).reduce((sum, sentence) => sum + sentence.text.length, 0);
}

/** Every block id and sentence id in the document, in reading order. */
export function allIds(doc: Pick<Document, 'blocks'>): string[] {
  const ids: string[] = [];
  const visit = (blocks: readonly Block[]): void => {
    for (const block of blocks) {
      ids.push(block.id);
      if (block.type === 'heading' || block.type === 'paragraph') ids.push(...block.sentences.map((s) => s.id));
      else if (block.type === 'list') {
        for (const item of block.items) {
          ids.push(item.id);
          visit(item.blocks);
        }
      } else if (block.type === 'quote') visit(block.blocks);
    }
  };
  visit(doc.blocks);
  return ids;
}
