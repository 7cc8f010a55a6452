/**
 * Results (docs/spec/tests.md#results, #comparing-results, #a-case-from-a-run, #junit-xml): the
 * Wilson interval, comparison of two results, a case saved from a run, JUnit XML.
 */
import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore, startRun } from '../../src/engine';
import { isTestIssue, validateWorkflow, type Workflow } from '../../src/model';
import { createScriptProvider } from '../../src/providers/script';
import { createSimulatorProvider } from '../../src/providers/simulator';
import {
  compareSuites,
  runCase,
  runSuite,
  testCaseFromRun,
  toJUnit,
  wilson,
  type CaseSummary,
  type SuiteResult,
} from '../../src/routing';
import { drive, makeDoc } from '../support/engineHarness';

describe('wilson', () => {
  it.each([
    // Reference values: Wilson score interval, z = 1.96 (e.g. statsmodels proportion_confint).
    [7, 10, 0.3968, 0.8922],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [1, 1, 0.2065, 1],
    [70, 100, 0.6042, 0.7811],
    [500, 1000, 0.4691, 0.5309],
  ])('%i of %i → [%f, %f]', (passed, total, low, high) => {
    const r = wilson(passed, total);
    expect(r.rate).toBe(passed / total);
    expect(r.low).toBeCloseTo(low, 4);
    expect(r.high).toBeCloseTo(high, 4);
  });

  it('no sample: rate 0, the whole interval', () => {
    expect(wilson(0, 0)).toEqual({ passed: 0, total: 0, rate: 0, low: 0, high: 1 });
  });

  it('narrows as samples grow and always holds the rate', () => {
    let width = 1;
    for (const n of [10, 40, 160, 640]) {
      const r = wilson(Math.round(n * 0.3), n);
      expect(r.low).toBeLessThanOrEqual(r.rate);
      expect(r.high).toBeGreaterThanOrEqual(r.rate);
      expect(r.high - r.low).toBeLessThan(width);
      width = r.high - r.low;
    }
  });
});

function summary(caseId: string, passed: number, total: number, required = 1): CaseSummary {
  const r = wilson(passed, total);
  return {
    caseId,
    name: caseId,
    ...r,
    requiredRate: required,
    ok: total > 0 && passed >= required * total,
    expectations: [],
    tokens: 0,
    durationMs: 0,
  };
}

function suite(cases: CaseSummary[], hash = 'fnv1a64:1'): SuiteResult {
  return {
    workflowHash: hash,
    workflowName: 'w',
    provider: 'openai',
    samplesPerCase: 20,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    stopped: false,
    cases,
    samples: [],
  };
}

describe('compareSuites', () => {
  it('better, worse, same, new and gone; noise is not a change', () => {
    const before = suite([
      summary('fixed', 10, 20),
      summary('broke', 20, 20),
      summary('noisy', 14, 20, 0.5),
      summary('clearlyUp', 2, 20, 0.05),
      summary('clearlyDown', 19, 20, 0.05),
      summary('removed', 1, 1),
    ]);
    const after = suite(
      [
        summary('fixed', 20, 20),
        summary('broke', 19, 20),
        summary('noisy', 12, 20, 0.5),
        summary('clearlyUp', 18, 20, 0.05),
        summary('clearlyDown', 3, 20, 0.05),
        summary('added', 1, 1),
      ],
      'fnv1a64:2',
    );
    const diff = compareSuites(after, before);
    expect(diff.cases.map((c) => [c.caseId, c.change])).toEqual([
      ['fixed', 'better'],
      ['broke', 'worse'],
      ['noisy', 'same'],
      ['clearlyUp', 'better'],
      ['clearlyDown', 'worse'],
      ['added', 'new'],
      ['removed', 'gone'],
    ]);
    expect(diff).toMatchObject({
      better: ['fixed', 'clearlyUp'],
      worse: ['broke', 'clearlyDown'],
      new: ['added'],
      gone: ['removed'],
      workflowChanged: true,
    });
    expect(diff.cases[0]).toMatchObject({
      before: { rate: 0.5, ok: false },
      after: { rate: 1, ok: true },
    });
    expect(compareSuites(before, before).cases.every((c) => c.change === 'same')).toBe(true);
    expect(compareSuites(before, before).workflowChanged).toBe(false);
  });
});

const doc: Workflow = makeDoc({
  agents: ['triage', 'refund'],
  handoffs: [['triage', 'refund']],
  tools: [{ name: 'pay', approval: 'always_require' }],
});
doc.agents[1]!.tools = ['pay'];
const script = {
  triage: [{ toolCalls: [{ name: 'handoff_to_refund' }] }],
  refund: [{ toolCalls: [{ name: 'pay' }] }, { text: 'Paid.' }, { text: 'Bye.' }],
};

describe('testCaseFromRun', () => {
  it('makes a case from a run: turns, approvals, end, observed path; it passes on a replay', async () => {
    const run = await drive(
      startRun({
        document: doc,
        provider: createScriptProvider(script),
        input: 'Refund please',
        store: new MemoryCheckpointStore(),
      }),
      { decisions: [false], inputs: ['thanks', { end: true }] },
    );
    const withOne: Workflow = {
      ...doc,
      tests: [{ id: 'case-1', name: 'taken', turns: ['x'], expect: {} }],
    };
    const made = testCaseFromRun(run.events, withOne);
    expect(made).toEqual({
      id: 'case-2',
      name: 'Refund please',
      turns: ['Refund please', 'thanks'],
      endConversation: true,
      approvals: ['reject'],
      expect: {
        route: 'triage > refund',
        endAgent: 'refund',
        outcome: 'completed',
        completion: 'user_terminated',
      },
    });
    const saved: Workflow = { ...withOne, tests: [...withOne.tests!, made] };
    expect(validateWorkflow(saved).filter(isTestIssue)).toEqual([]);
    const result = await runSuite(saved, {
      provider: createScriptProvider(script),
      caseIds: [made.id],
    });
    expect(result.cases[0]).toMatchObject({ caseId: 'case-2', ok: true });
  });

  it('a paused run expects the pause; ids asked for are made unique', async () => {
    const run = await runCase(
      doc,
      { id: 'x', name: 'x', turns: ['Refund please'], expect: {} },
      { provider: createScriptProvider(script) },
    );
    const taken: Workflow = {
      ...doc,
      tests: [{ id: 'refund', name: 'r', turns: ['x'], expect: {} }],
    };
    const made = testCaseFromRun(run.events, taken, { id: 'refund', name: 'Mine' });
    expect(made).toEqual({
      id: 'refund-2',
      name: 'Mine',
      turns: ['Refund please'],
      expect: { route: 'triage > refund', endAgent: 'refund', outcome: 'awaiting_approval' },
    });
  });
});

describe('toJUnit', () => {
  it('one testcase per case, failures with the first failed expectation, all escaped', async () => {
    const evil: Workflow = {
      ...makeDoc({
        name: 'a <"b"> & c',
        agents: ['triage', 'refund'],
        handoffs: [['triage', 'refund']],
      }),
      tests: [
        { id: 'ok', name: 'passes', turns: ['refund'], expect: { route: 'triage > refund' } },
        {
          id: 'bad',
          name: 'fails </testcase> & "quotes"\u0001',
          turns: ['refund'],
          expect: { route: 'triage' },
        },
      ],
    };
    const result = await runSuite(evil, { provider: createSimulatorProvider({ document: evil }) });
    const xml = toJUnit(result);
    expect(xml).toContain(
      '<testsuite name="a &lt;&quot;b&quot;&gt; &amp; c" tests="2" failures="1"',
    );
    expect(xml).toMatch(
      /<testcase name="passes" classname="a &lt;&quot;b&quot;&gt; &amp; c\.ok" time="[\d.]+"\/>/,
    );
    expect(xml).toContain('name="fails &lt;/testcase&gt; &amp; &quot;quotes&quot;"');
    expect(xml).toContain(
      '<failure message="route matches &quot;triage&quot;: the path was triage &gt; refund" type="routing">0 of 1 samples passed (0%, 95% interval 0%–79.3%); required 100%.</failure>',
    );
    expect(xml).not.toContain('\u0001');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml.match(/<\/testcase>/g)).toHaveLength(1);
  });

  it('a case with no sample fails with "no sample ran"', () => {
    const xml = toJUnit(suite([summary('none', 0, 0)]));
    expect(xml).toContain('<failure message="no sample ran"');
  });
});
