import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EditError } from '../../src/model/editCommon';
import {
  addTestCase,
  deleteTestCase,
  duplicateTestCase,
  renameTestId,
  updateExpectations,
  updateTestCase,
} from '../../src/model/editTests';
import { parseWorkflowText } from '../../src/model/parse';
import type { Workflow } from '../../src/model/schema';
import { createDesignerStore } from '../../src/store';

function example(): Workflow {
  const result = parseWorkflowText(readFileSync('public/examples/customer_support.json', 'utf8'));
  if (!result.ok) throw new Error('example does not parse');
  // Without the example's own cases: these tests start from none.
  const { tests: _own, ...doc } = result.doc;
  return doc as Workflow;
}

describe('test case operations', () => {
  it('adds cases with unique ids and removes `tests` with the last one', () => {
    const doc = example();
    expect(doc.tests).toBeUndefined();
    const a = addTestCase(doc, { name: 'Refund' });
    expect(a.id).toBe('case');
    const b = addTestCase(a.doc);
    expect(b.id).toBe('case_2');
    expect(b.doc.tests!.map((t) => t.id)).toEqual(['case', 'case_2']);
    expect(b.doc.tests![1]).toEqual({ id: 'case_2', name: 'New case', turns: [''], expect: {} });
    const gone = deleteTestCase(deleteTestCase(b.doc, 'case'), 'case_2');
    expect('tests' in gone).toBe(false);
    // Everything else is shared, not copied.
    expect(gone.agents).toBe(doc.agents);
  });

  it('duplicates right after the source with a deep copy', () => {
    const one = addTestCase(example(), {
      id: 'refund',
      name: 'Refund',
      turns: ['I want a refund'],
      expect: { reaches: ['refund_agent'] },
    });
    const two = addTestCase(one.doc, { id: 'other' });
    const dup = duplicateTestCase(two.doc, 'refund');
    expect(dup.id).toBe('refund_2');
    expect(dup.doc.tests!.map((t) => t.id)).toEqual(['refund', 'refund_2', 'other']);
    const copy = dup.doc.tests![1]!;
    expect(copy.name).toBe('Refund (copy)');
    expect(copy.expect.reaches).toEqual(['refund_agent']);
    expect(copy.expect.reaches).not.toBe(dup.doc.tests![0]!.expect.reaches);
  });

  it('updates fields and expectations by id, returning the same document when nothing changes', () => {
    const { doc } = addTestCase(example(), { id: 'a' });
    const named = updateTestCase(doc, 'a', { name: 'Renamed', passRate: 80 });
    expect(named.tests![0]).toMatchObject({ name: 'Renamed', passRate: 80 });
    expect(updateTestCase(named, 'a', { name: 'Renamed' })).toBe(named);
    const routed = updateExpectations(named, 'a', { route: 'triage_agent > refund_agent' });
    expect(routed.tests![0]!.expect.route).toBe('triage_agent > refund_agent');
    const cleared = updateExpectations(routed, 'a', { route: undefined });
    expect('route' in cleared.tests![0]!.expect).toBe(false);
    expect(updateTestCase(cleared, 'a', { passRate: undefined }).tests![0]).not.toHaveProperty(
      'passRate',
    );
  });

  it('refuses unknown cases, bad and taken ids with stable codes', () => {
    const { doc } = addTestCase(addTestCase(example(), { id: 'a' }).doc, { id: 'b' });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof EditError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => deleteTestCase(doc, 'zz'))).toBe('unknown_test');
    expect(code(() => renameTestId(doc, 'a', 'b'))).toBe('duplicate_test_id');
    expect(code(() => renameTestId(doc, 'a', 'bad id'))).toBe('invalid_test_id');
    expect(renameTestId(doc, 'a', 'c').tests!.map((t) => t.id)).toEqual(['c', 'b']);
  });

  it('goes through the designer store as undoable steps', () => {
    const store = createDesignerStore(example());
    const result = store.getState().apply((d) => addTestCase(d, { id: 'x' }).doc, {
      label: 'Add test case',
    });
    expect(result).toEqual({ ok: true, changed: true });
    expect(store.getState().doc.tests).toHaveLength(1);
    store.getState().apply((d) => deleteTestCase(d, 'x'), { label: 'Delete test case' });
    expect(store.getState().doc.tests).toBeUndefined();
    store.getState().undo();
    expect(store.getState().doc.tests!.map((t) => t.id)).toEqual(['x']);
    store.getState().undo();
    expect(store.getState().doc.tests).toBeUndefined();
  });
});
