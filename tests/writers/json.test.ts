import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/readers/index.js';
import { documentProblems } from '../../src/model/validate.js';
import { fakeResources } from '../helpers/writers.js';
import { jsonWriter } from '../../src/writers/json.js';

describe('json writer', () => {
  it('writes document.json that parses back to the same, valid document', async () => {
    const doc = parseArticle('---\ntitle: "A & B <c>"\n---\nSee [x](https://e.org). Tom said "hi".\n', { format: 'markdown' });
    const [file, ...rest] = await jsonWriter.write({ doc, options: {}, resources: fakeResources(), warn: () => {} });
    expect(rest).toEqual([]);
    expect(file?.name).toBe('document.json');
    const parsed: unknown = JSON.parse(String(file?.data));
    expect(documentProblems(parsed)).toEqual([]);
    expect(parsed).toEqual(doc);
  });
});
