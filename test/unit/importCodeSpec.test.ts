/** docs/spec/import-code.md documents every note code and error code of the code importer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTE_CODES } from '../../src/import/code';

const page = readFileSync('docs/spec/import-code.md', 'utf8');
const notes = page.slice(page.indexOf('## Note codes'));
const errors = page.slice(page.indexOf('## Errors'), page.indexOf('## Note codes'));
const errorCodes = [
  ...readFileSync('src/import/code/types.ts', 'utf8')
    .slice(0, 99_999)
    .matchAll(/\| '(code_[a-z_]+)'/g),
].map((m) => m[1]!);

describe('docs/spec/import-code.md', () => {
  it.each(Object.entries(NOTE_CODES))('documents note code %s as %s', (code, kind) => {
    expect(notes).toContain(`| \`${code}\` | ${kind} |`);
  });
  it('finds the error codes (the extraction works)', () => {
    expect(errorCodes.length).toBe(5);
  });
  it.each(errorCodes)('documents error code %s', (code) => {
    expect(errors).toContain(`| \`${code}\` |`);
  });
});
