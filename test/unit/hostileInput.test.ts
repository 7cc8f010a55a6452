/**
 * Issue 13 item 11: over-long keys, a leading byte-order mark, and numbers JSON.parse reads as
 * Infinity.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMITS, parseWorkflow, parseWorkflowText, serializeWorkflow } from '../../src/model';
import { parseScriptText } from '../../src/engine';
import { parseRunFile } from '../../src/runs/runFile';
import { minimalDoc } from '../support/docs';

const BOM = '\uFEFF';

describe('keys', () => {
  it('refuses a key longer than the string limit, with the path of its object', () => {
    const key = 'k'.repeat(1_000_000);
    const tool = {
      name: 't',
      parameters: { type: 'object', properties: { [key]: { type: 'string' } } },
    };
    const result = parseWorkflow({ ...minimalDoc(), tools: [tool] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'tools[0].parameters.properties',
        message: `a key is too long (1000000 characters; at most ${LIMITS.maxStringChars}).`,
      },
    ]);
  });

  it('accepts a key of exactly the limit', () => {
    const key = 'k'.repeat(LIMITS.maxStringChars);
    const tool = {
      name: 't',
      parameters: { type: 'object', properties: { [key]: { type: 'string' } } },
    };
    expect(parseWorkflow({ ...minimalDoc(), tools: [tool] }).ok).toBe(true);
  });
});

describe('a leading byte-order mark', () => {
  it('is dropped from a document', () => {
    const text = JSON.stringify(minimalDoc());
    const result = parseWorkflowText(BOM + text);
    expect(result.ok).toBe(true);
    const plain = parseWorkflowText(text);
    if (result.ok && plain.ok)
      expect(serializeWorkflow(result.doc)).toBe(serializeWorkflow(plain.doc));
  });

  it('is dropped from a script', () => {
    const script = { a: [{ text: 'Hello.' }] };
    expect(parseScriptText(BOM + JSON.stringify(script))).toEqual(script);
  });

  it('is dropped from a run file', () => {
    const text = readFileSync(
      'test/fixtures/runs/v1-2026-11/customer-support-completed.run.json',
      'utf8',
    );
    const plain = parseRunFile(text);
    const marked = parseRunFile(BOM + text);
    expect(marked.file.run.runId).toBe(plain.file.run.runId);
    expect(marked.file.events).toHaveLength(plain.file.events.length);
  });

  it('is dropped only at the start: inside a string it stays', () => {
    const result = parseWorkflowText(JSON.stringify({ ...minimalDoc(), name: `${BOM}x` }));
    expect(result.ok && result.doc.name).toBe(`${BOM}x`);
  });
});

describe('numbers out of range', () => {
  it('says that 1e309 reads as Infinity instead of "must be a number, not a number"', () => {
    const text = JSON.stringify({ ...minimalDoc(), termination: { maxHandoffsPerTurn: 1 } });
    const result = parseWorkflowText(
      text.replace('"maxHandoffsPerTurn":1', '"maxHandoffsPerTurn":1e309'),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'termination.maxHandoffsPerTurn',
          message:
            'the number is out of range (it reads as Infinity; numbers must be finite, at most about 1.8e308).',
        },
      ],
    });
  });

  it('refuses -1e309 inside free-form tool parameters, which would be written back as null', () => {
    const tool = { name: 't', parameters: { type: 'object', properties: {}, maximum: 0 } };
    const text = JSON.stringify({ ...minimalDoc(), tools: [tool] }).replace(
      '"maximum":0',
      '"maximum":-1e309',
    );
    const result = parseWorkflowText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      {
        path: 'tools[0].parameters.maximum',
        message: expect.stringContaining('reads as -Infinity'),
      },
    ]);
  });
});
