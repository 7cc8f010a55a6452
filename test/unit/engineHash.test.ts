import { describe, expect, it } from 'vitest';
import { documentHash, fnv1a64 } from '../../src/engine';
import { makeDoc } from '../support/engineHarness';

describe('documentHash', () => {
  it('is FNV-1a 64 over UTF-8 (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes non-ASCII text by its UTF-8 bytes', () => {
    expect(fnv1a64('é')).not.toBe(fnv1a64('\u00e9\u0000'));
    expect(fnv1a64('é')).toBe(fnv1a64('e\u0301'.normalize('NFC')));
  });

  it('is equal for equal documents and changes with any field', () => {
    const doc = makeDoc({ agents: ['a', 'b'] });
    expect(documentHash(doc)).toBe(documentHash(makeDoc({ agents: ['a', 'b'] })));
    expect(documentHash(doc)).toMatch(/^fnv1a64:[0-9a-f]{16}$/);
    const changed = {
      ...doc,
      agents: [doc.agents[0]!, { ...doc.agents[1]!, description: 'other' }],
    };
    expect(documentHash(changed)).not.toBe(documentHash(doc));
  });
});
