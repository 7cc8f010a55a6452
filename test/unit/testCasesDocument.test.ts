/**
 * Routing tests in the document (docs/spec/tests.md): they parse, keep their canonical order,
 * round-trip, and are left out of the document hash that runs resume by.
 */
import { describe, expect, it } from 'vitest';
import { documentHash } from '../../src/engine';
import { parseWorkflowText, serializeWorkflow, type Workflow } from '../../src/model';
import { makeDoc } from '../support/engineHarness';

const withTests = (doc: Workflow): Workflow => ({
  ...doc,
  tests: [
    {
      passRate: 80,
      expect: {
        maxHandoffs: 2,
        tools: [{ called: false, arguments: { z: 1, a: { y: 2, b: 3 } }, name: 'lookup' }],
        route: 'a > (b | a) > *',
      },
      turns: ['hello', 'yes'],
      name: 'Greets then hands off',
      id: 'greet',
    },
  ],
});

describe('tests in the document', () => {
  it('parse and round-trip through the canonical form, fields in schema order', () => {
    const doc = withTests(makeDoc({ agents: ['a', 'b'] }));
    const text = serializeWorkflow(doc);
    const parsed = parseWorkflowText(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.doc.tests).toEqual(doc.tests);
    expect(serializeWorkflow(parsed.doc)).toBe(text);
    const test = JSON.parse(text).tests[0];
    expect(Object.keys(test)).toEqual(['id', 'name', 'turns', 'expect', 'passRate']);
    expect(Object.keys(test.expect)).toEqual(['route', 'tools', 'maxHandoffs']);
    expect(Object.keys(test.expect.tools[0])).toEqual(['name', 'arguments', 'called']);
    expect(Object.keys(test.expect.tools[0].arguments)).toEqual(['a', 'z']);
  });

  it('refuses unknown fields in a case with their path', () => {
    const doc = JSON.parse(serializeWorkflow(withTests(makeDoc({ agents: ['a', 'b'] }))));
    doc.tests[0].expect.rout = 'a';
    const parsed = parseWorkflowText(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path).join(' ')).toContain('tests[0].expect');
  });

  it('leaves the tests out of the document hash, and nothing else', () => {
    const doc = makeDoc({ agents: ['a', 'b'] });
    expect(documentHash(withTests(doc))).toBe(documentHash(doc));
    expect(documentHash({ ...doc, name: 'other' })).not.toBe(documentHash(doc));
  });
});
