import { describe, expect, it } from 'vitest';
import { ACE, aceOutcome } from '../../../src/verify/tools/ace.js';

const violation = {
  'earl:test': { 'dct:title': 'image-alt', 'earl:impact': 'critical', 'dct:description': 'Images must have alternate text' },
  'earl:result': { 'earl:outcome': 'fail', 'dct:description': 'Element does not have an alt attribute', 'earl:pointer': { css: ['img'] } },
};

describe('Ace report', () => {
  it('passes a book Ace passes, counting its documents', () => {
    const report = { 'earl:result': { 'earl:outcome': 'pass' }, assertions: [{ 'earl:testSubject': { url: 'content.xhtml' }, assertions: [] }] };
    expect(aceOutcome(JSON.stringify(report)).findings).toEqual([]);
    expect(aceOutcome(JSON.stringify(report)).counts).toEqual({ documents: 1, violations: 0 });
  });

  it('turns each violation into a finding with its rule, impact and place', () => {
    const report = { 'earl:result': { 'earl:outcome': 'fail' }, assertions: [{ 'earl:testSubject': { url: 'content.xhtml' }, assertions: [violation] }] };
    expect(aceOutcome(JSON.stringify(report)).findings).toEqual([{ rule: 'image-alt', severity: 'critical', message: 'Element does not have an alt attribute', location: 'content.xhtml img' }]);
  });

  it('fails a failing verdict without violations, no report, and a report that is not JSON', () => {
    expect(aceOutcome(JSON.stringify({ 'earl:result': { 'earl:outcome': 'fail' }, assertions: [] })).findings[0]?.rule).toBe('ace');
    expect(aceOutcome(undefined, 'Ace crashed').findings).toEqual([{ rule: 'not-checked', message: 'Ace crashed' }]);
    expect(aceOutcome('{').findings[0]?.rule).toBe('not-checked');
  });

  it('is missing without ace-cli on PATH', async () => {
    expect(await ACE.locate({ PATH: '' })).toEqual({ missing: 'ace-cli is not on PATH' });
  });
});
