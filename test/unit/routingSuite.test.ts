/**
 * Suites (docs/spec/tests.md#suites) on the simulator and the script provider: one sample per
 * case on a deterministic provider, summaries with intervals, case selection, progress after
 * every sample, concurrency, a stop that keeps finished samples, runs kept in the given store.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentHash, MemoryCheckpointStore, type ModelProvider } from '../../src/engine';
import { parseWorkflowText, type TestCase, type Workflow } from '../../src/model';
import { createScriptProvider } from '../../src/providers/script';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { runSuite, type SuiteProgress } from '../../src/routing';

function example(name: string): Workflow {
  const parsed = parseWorkflowText(
    readFileSync(join(__dirname, '../../public/examples', `${name}.json`), 'utf8'),
  );
  if (!parsed.ok) throw new Error(name);
  return parsed.doc;
}

const cases: TestCase[] = [
  {
    id: 'refund',
    name: 'Refunds reach the refund agent',
    turns: ['I want a refund for order 123'],
    approvals: ['approve'],
    expect: { route: 'triage_agent > refund_agent', tools: [{ name: 'process_refund' }] },
  },
  {
    id: 'where',
    name: 'Order questions reach the order agent',
    turns: ['Where is my order 55?'],
    expect: { route: 'triage_agent > order_agent', outcome: 'asking_user' },
  },
  {
    id: 'wrong',
    name: 'Expects a route the simulator does not take',
    turns: ['Where is my order 55?'],
    expect: { reaches: ['return_agent'] },
  },
];

const support: Workflow = { ...example('customer_support'), tests: cases };

describe('runSuite', () => {
  it('runs each case once on the simulator and summarises it', async () => {
    const result = await runSuite(support, {
      provider: createSimulatorProvider({ document: support }),
      now: () => '2026-12-04T00:00:00.000Z',
    });
    expect(result).toMatchObject({
      workflowHash: documentHash(support),
      workflowName: support.name,
      provider: 'simulator',
      samplesPerCase: 1,
      stopped: false,
      startedAt: '2026-12-04T00:00:00.000Z',
    });
    expect(result.samples).toHaveLength(3);
    expect(result.cases.map((c) => [c.caseId, c.passed, c.total, c.ok])).toEqual([
      ['refund', 1, 1, true],
      ['where', 1, 1, true],
      ['wrong', 0, 1, false],
    ]);
    const wrong = result.cases[2]!;
    expect(wrong.firstFailure).toEqual({
      key: 'reaches[0]',
      label: 'reaches return_agent',
      detail: 'the path was triage_agent > order_agent',
    });
    expect(wrong.low).toBe(0);
    expect(wrong.high).toBeCloseTo(0.7935, 3);
    expect(wrong.expectations.map((e) => [e.key, e.passed, e.total])).toEqual([
      ['run', 1, 1],
      ['reaches[0]', 0, 1],
    ]);
    const refund = result.samples.find((s) => s.caseId === 'refund')!;
    expect(refund).toMatchObject({
      path: ['triage_agent', 'refund_agent'],
      outcome: 'asking_user',
      passed: true,
    });
    expect(refund.tokens).toBeGreaterThan(0);
  });

  it('runs N samples when asked, only the chosen cases, with progress after each', async () => {
    const progress: SuiteProgress[] = [];
    const result = await runSuite(support, {
      provider: createSimulatorProvider({ document: support }),
      samples: 3,
      caseIds: ['wrong', 'refund'],
      onSample: (_sample, p) => progress.push(p),
    });
    expect(result.cases.map((c) => c.caseId)).toEqual(['refund', 'wrong']);
    expect(result.samples.map((s) => `${s.caseId}#${s.sample}`)).toEqual([
      'refund#0',
      'refund#1',
      'refund#2',
      'wrong#0',
      'wrong#1',
      'wrong#2',
    ]);
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual([
      '1/6',
      '2/6',
      '3/6',
      '4/6',
      '5/6',
      '6/6',
    ]);
    expect(progress[3]!.cases.map((c) => [c.caseId, c.total])).toEqual([
      ['refund', 3],
      ['wrong', 1],
    ]);
    const refund = result.cases[0]!;
    expect([refund.passed, refund.total, refund.rate, refund.high]).toEqual([3, 3, 1, 1]);
    expect(refund.low).toBeCloseTo(0.4385, 3);
  });

  it('keeps every sample as an ordinary run in the given store', async () => {
    const store = new MemoryCheckpointStore();
    const result = await runSuite(support, {
      provider: createSimulatorProvider({ document: support }),
      store,
      meta: { suite: 'suite-1' },
    });
    const runs = await store.listRuns();
    expect(runs.map((r) => r.runId).sort()).toEqual(result.samples.map((s) => s.runId).sort());
    expect(runs.map((r) => r.meta?.testCase).sort()).toEqual(['refund', 'where', 'wrong']);
    expect(runs.every((r) => r.meta?.suite === 'suite-1')).toBe(true);
    const events = await store.getEvents(result.samples[0]!.runId);
    expect(events[0]!.type).toBe('run_started');
  });

  it('a provider per sample; a case under its required rate is not ok', async () => {
    const doc: Workflow = {
      ...support,
      tests: [{ ...cases[1]!, passRate: 50 }],
    };
    // Sample 0 routes to order_agent, sample 1 to return_agent.
    const providerFor = (_caseId: string, sample: number): ModelProvider =>
      createScriptProvider({
        triage_agent: [
          {
            toolCalls: [
              { name: sample === 0 ? 'handoff_to_order_agent' : 'handoff_to_return_agent' },
            ],
          },
        ],
        order_agent: [{ text: 'It ships tomorrow.' }],
        return_agent: [{ text: 'Let us start a return.' }],
      });
    const half = await runSuite(doc, { providerFor, samples: 2 });
    expect(half.provider).toBe('script');
    expect(half.cases[0]).toMatchObject({ passed: 1, total: 2, rate: 0.5, ok: true });
    const strict = await runSuite(
      { ...doc, tests: [{ ...doc.tests![0]!, passRate: 51 }] },
      { providerFor, samples: 2 },
    );
    expect(strict.cases[0]).toMatchObject({ passed: 1, total: 2, ok: false });
  });

  it('stops: running samples are left out, finished ones kept', async () => {
    const controller = new AbortController();
    const result = await runSuite(support, {
      // Slow enough to be caught mid-sample.
      provider: createSimulatorProvider({ document: support, delayMs: 2 }),
      samples: 5,
      concurrency: 2,
      signal: controller.signal,
      onSample: (_s, p) => {
        if (p.done === 3) controller.abort();
      },
    });
    expect(result.stopped).toBe(true);
    expect(result.samples.length).toBeGreaterThanOrEqual(3);
    expect(result.samples.length).toBeLessThan(15);
    expect(result.samples.every((s) => s.outcome !== 'stopped')).toBe(true);
    const counted = result.cases.reduce((n, c) => n + c.total, 0);
    expect(counted).toBe(result.samples.length);
  });

  it('a suite stopped before it starts runs nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runSuite(support, {
      provider: createSimulatorProvider({ document: support }),
      signal: controller.signal,
    });
    expect(result.samples).toEqual([]);
    expect(result.cases.every((c) => c.total === 0 && !c.ok)).toBe(true);
  });

  it('leaves no listener behind per sample (a long suite does not leak)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const controller = new AbortController();
    try {
      await runSuite(support, {
        provider: createSimulatorProvider({ document: support }),
        samples: 8,
        signal: controller.signal,
      });
      await new Promise((r) => setTimeout(r, 10));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(EventEmitter.getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('runs at most K samples at a time', async () => {
    let running = 0;
    let most = 0;
    const simulator = createSimulatorProvider({ document: support });
    const counting: ModelProvider = {
      id: 'counting',
      async complete(request) {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 3));
        try {
          return await simulator.complete(request);
        } finally {
          running--;
        }
      },
    };
    const result = await runSuite(support, { provider: counting, samples: 4, concurrency: 3 });
    expect(result.samples).toHaveLength(12);
    expect(most).toBe(3);
  });
});
