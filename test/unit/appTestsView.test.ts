import { describe, expect, it } from 'vitest';
import type { TestCase } from '../../src/model/testCases';
import { buildTestView, END, plainRoute, TestView, UNKNOWN } from '../../src/testing/testView';

const cases: TestCase[] = [
  {
    id: 'refund',
    name: 'Refund',
    turns: ['refund please'],
    expect: { route: 'triage > refund', avoids: ['orders'] },
  },
  {
    id: 'open',
    name: 'Open',
    turns: ['hi'],
    expect: { route: 'triage > (orders | returns) > *' },
  },
];

describe('canvas test view', () => {
  it('counts edges taken against edges expected, and paints them', () => {
    const view = buildTestView(cases, [
      { caseId: 'refund', runId: 'r1', passed: true, path: ['triage', 'refund'] },
      { caseId: 'refund', runId: 'r2', passed: false, path: ['triage', 'orders'] },
      {
        caseId: 'refund',
        runId: 'r3',
        passed: true,
        path: ['triage', 'refund', 'triage', 'refund'],
      },
      { caseId: 'open', runId: 'r4', passed: true, path: ['triage', 'returns'] },
    ]);
    // A sample that crosses an edge twice counts once.
    expect(view.edge('triage', 'refund')).toEqual({
      taken: 2,
      expected: 3,
      avoidedButTaken: 0,
      failedTaken: 0,
    });
    expect(view.tone('triage', 'refund')).toBe('missed');
    expect(view.edge('triage', 'orders')).toMatchObject({
      taken: 1,
      avoidedButTaken: 1,
      failedTaken: 1,
    });
    expect(view.tone('triage', 'orders')).toBe('unexpected');
    // The pattern's group says nothing about which edge is expected: taken, not judged.
    expect(view.tone('triage', 'returns')).toBe('taken');
    expect(view.tone('refund', 'orders')).toBe('idle');
    expect(view.samples).toBe(4);
    expect(view.failedRunIds()).toEqual(['r2']);
  });

  it('marks agents reached unexpectedly (avoided, or off a plain route)', () => {
    const view = buildTestView(cases, [
      { caseId: 'refund', runId: 'r1', passed: false, path: ['triage', 'orders', 'returns'] },
      { caseId: 'open', runId: 'r2', passed: true, path: ['triage', 'orders', 'closer'] },
    ]);
    expect(view.agent('orders')).toEqual({ reached: 2, unexpected: 1 });
    // Off the plain route "triage > refund" of the first case; the second's route is a pattern.
    expect(view.agent('returns')).toEqual({ reached: 1, unexpected: 1 });
    expect(view.agent('closer')).toEqual({ reached: 1, unexpected: 0 });
    expect(view.agent('triage')).toEqual({ reached: 2, unexpected: 0 });
  });

  it('keeps a routing table per source agent: expected next against actual next', () => {
    const view = new TestView(cases);
    view.add({ caseId: 'refund', runId: 'a', passed: true, path: ['triage', 'refund'] });
    view.add({ caseId: 'refund', runId: 'b', passed: false, path: ['triage', 'orders'] });
    view.add({ caseId: 'refund', runId: 'c', passed: false, path: ['triage'] });
    view.add({ caseId: 'open', runId: 'd', passed: true, path: ['triage', 'returns'] });
    const table = view.table('triage');
    expect([...table.get('refund')!]).toEqual([
      ['refund', 1],
      ['orders', 1],
      [END, 1],
    ]);
    expect([...table.get(UNKNOWN)!]).toEqual([['returns', 1]]);
    expect([...view.table('refund').get(END)!]).toEqual([[END, 1]]);
    expect(view.table('nobody').size).toBe(0);
    expect(view.version).toBe(4);
  });

  it('reads plain routes only', () => {
    expect(plainRoute('a > b_2 > c-d')).toEqual(['a', 'b_2', 'c-d']);
    expect(plainRoute('a > _ > c')).toBeUndefined();
    expect(plainRoute('a > b+')).toBeUndefined();
    expect(plainRoute(undefined)).toBeUndefined();
  });
});
