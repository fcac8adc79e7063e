import { describe, expect, it } from 'vitest';
import { metadataFromRecord, readSidecar, SidecarError } from '../../src/readers/sidecar.js';

describe('sidecar metadata', () => {
  it('reads the known fields, author as string or list', () => {
    expect(readSidecar('{"title":"T","lang":"fr","author":"A","source":"S","description":"D","date":"2024-01-02","x":1}')).toEqual({
      title: 'T', lang: 'fr', authors: ['A'], source: 'S', description: 'D', date: '2024-01-02',
    });
    expect(metadataFromRecord({ authors: ['A', 'B'], publisher: 'P', language: 'es' }, 'x')).toEqual({ authors: ['A', 'B'], source: 'P', lang: 'es' });
  });
  it('refuses invalid JSON and wrong types with a clear reason', () => {
    expect(() => readSidecar('{')).toThrow(SidecarError);
    expect(() => readSidecar('[]')).toThrow('must be a JSON object');
    expect(() => readSidecar('{"title": {"a": 1}}')).toThrow('"title" must be a string');
    expect(() => readSidecar('{"author": [1]}')).toThrow('"author" must be a string or a list of strings');
  });
});
