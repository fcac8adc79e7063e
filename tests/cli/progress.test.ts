import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';

/** A stream that says it is a terminal, and what was drawn on it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; drawn: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, drawn: () => Buffer.concat(chunks).toString('utf8') };
}

describe('progressBar', () => {
  it('draws the count it is told in the format it is given, on a terminal', async () => {
    const { stream, drawn } = fakeTerminal();
    const bar = await progressBar('test [{bar}] {value}/{total} {file}', stream);
    bar.start(4, 0, { file: 'a.txt' });
    bar.update(3, { file: 'b.txt' });
    bar.render();
    expect(bar.getProgress()).toBeCloseTo(0.75);
    bar.stop();
    expect(drawn()).toMatch(/test \[[█░]+\] 3\/4 b\.txt/);
  });
});
