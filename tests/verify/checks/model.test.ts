import { describe, expect, it } from 'vitest';
import { documentJsonOutcome } from '../../../src/verify/checks/model.js';
import { smallDoc } from '../../helpers/verify.js';

describe('document.json check', () => {
  it('passes a document and returns it for the other checks', () => {
    const doc = smallDoc();
    const { outcome, document } = documentJsonOutcome(JSON.stringify(doc));
    expect(outcome.findings).toEqual([]);
    expect(document).toEqual(doc);
  });

  it('fails what is not JSON, and a document the model validator rejects, with its messages', () => {
    expect(documentJsonOutcome('{"a":').outcome.findings.map((f) => f.rule)).toEqual(['json']);
    const doc = smallDoc();
    const broken = { ...doc, blocks: [...doc.blocks, doc.blocks[0]] };
    const { outcome, document } = documentJsonOutcome(JSON.stringify(broken));
    expect(document).toBeUndefined();
    expect(outcome.findings).toContainEqual({ rule: 'model', message: expect.stringMatching(/duplicate id p1/) });
  });
});
