/**
 * Statistics of suites on a real provider (docs/spec/tests.md#results): the openai provider
 * against the local OpenAI-compatible server, whose triage hands off at random with known true
 * rates (seeded, so deterministic). Over enough samples each measured rate's 95 % Wilson interval
 * contains the true rate; over many seeds about 95 % of intervals do; the suite honours its
 * concurrency; a stop keeps the finished samples.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCheckpointStore } from '../../src/engine';
import type { TestCase, Workflow } from '../../src/model';
import { createOpenAIProvider } from '../../src/providers/openai';
import { runSuite, wilson } from '../../src/routing';
import { makeDoc } from '../support/engineHarness';
import { startRoutingServer, type RouteRule, type RoutingServer } from '../support/routingServer';

const RULES: RouteRule[] = [
  { when: 'money back', to: 'refund', p: 0.7, otherwise: 'order' },
  { when: 'parcel', to: 'order', p: 0.9, otherwise: 'returns' },
  { when: 'odd', to: 'returns', p: 0.15, otherwise: 'refund' },
];

const cases: TestCase[] = [
  {
    id: 'refund',
    name: 'money back goes to refund',
    turns: ['I want my money back'],
    expect: { route: 'triage > refund', avoids: ['order'], maxModelCalls: 2 },
    passRate: 60,
  },
  {
    id: 'parcel',
    name: 'parcel goes to order',
    turns: ['Where is my parcel?'],
    expect: { route: 'triage > order' },
    passRate: 95,
  },
  {
    id: 'odd',
    name: 'odd goes to returns',
    turns: ['An odd one'],
    expect: { reaches: ['returns'] },
    passRate: 10,
  },
];

const TRUE_RATE: Record<string, number> = { refund: 0.7, parcel: 0.9, odd: 0.15 };

const doc: Workflow = {
  ...makeDoc({
    agents: ['triage', 'refund', 'order', 'returns'],
    handoffs: [
      ['triage', 'refund'],
      ['triage', 'order'],
      ['triage', 'returns'],
    ],
  }),
  tests: cases,
};

let routing: RoutingServer | undefined;
afterEach(async () => {
  await routing?.server.close();
  routing = undefined;
});

async function start(seed: number, latencyMs = 0) {
  routing = await startRoutingServer({ seed, rules: RULES, latencyMs });
  return createOpenAIProvider({
    apiKey: 'sk-test',
    baseURL: routing.server.baseURL,
    model: 'gpt-test',
    maxRetries: 0,
  });
}

// Hundreds of real HTTP round trips on a machine that may be busy: a generous timeout.
describe('suite statistics on the openai provider', { timeout: 90_000 }, () => {
  it('each case’s 95 % interval contains its true rate, per expectation too', async () => {
    const provider = await start(14);
    const result = await runSuite(doc, { provider, samples: 100, concurrency: 8 });
    expect(result.provider).toBe('openai');
    expect(result.samplesPerCase).toBe(100);
    expect(routing!.draws()).toBe(300);
    for (const c of result.cases) {
      const truth = TRUE_RATE[c.caseId]!;
      expect(c.total).toBe(100);
      expect(c.low, `${c.caseId} low`).toBeLessThanOrEqual(truth);
      expect(c.high, `${c.caseId} high`).toBeGreaterThanOrEqual(truth);
      expect(c.high - c.low, `${c.caseId} width`).toBeLessThan(0.2);
      // Recomputed from the samples themselves: the summary adds up.
      const own = result.samples.filter((s) => s.caseId === c.caseId);
      expect(c.passed).toBe(own.filter((s) => s.passed).length);
    }
    const refund = result.cases[0]!;
    const byKey = Object.fromEntries(refund.expectations.map((e) => [e.key, e]));
    expect(byKey.route!.passed).toBe(refund.passed);
    expect(byKey['avoids[0]']!.passed).toBe(refund.passed);
    expect(byKey.maxModelCalls!.passed).toBe(100);
    expect(byKey.run!.passed).toBe(100);
    // The pass rates required: refund 60 % (true 70 %), parcel 95 % (true 90 %), odd 10 %.
    expect(result.cases.map((c) => [c.caseId, c.ok])).toEqual([
      ['refund', true],
      ['parcel', false],
      ['odd', true],
    ]);
  });

  it('is deterministic for a seed, whatever the concurrency', async () => {
    const one = await runSuite(doc, { provider: await start(7), samples: 40, concurrency: 1 });
    await routing!.server.close();
    const many = await runSuite(doc, { provider: await start(7), samples: 40, concurrency: 6 });
    expect(many.cases.map((c) => c.passed)).toEqual(one.cases.map((c) => c.passed));
  });

  it('over many seeds, about 95 % of the intervals contain the true rate', async () => {
    const single: Workflow = { ...doc, tests: [cases[0]!] };
    let covered = 0;
    const seeds = 30;
    for (let seed = 100; seed < 100 + seeds; seed++) {
      const result = await runSuite(single, {
        provider: await start(seed),
        samples: 20,
        concurrency: 6,
      });
      const c = result.cases[0]!;
      if (c.low <= 0.7 && 0.7 <= c.high) covered++;
      await routing!.server.close();
      routing = undefined;
    }
    // Wilson's exact coverage at n = 20, p = 0.7 is 97.5 % (binomial sum); 30 intervals, so
    // about 29 cover, and fewer than 26 would happen with probability below 0.5 %.
    expect(covered).toBeGreaterThanOrEqual(26);
    // And it is a real interval, not "always [0, 1]".
    expect(wilson(14, 20).high - wilson(14, 20).low).toBeLessThan(0.4);
  });

  it('runs at most K samples at a time, and does reach K', async () => {
    const provider = await start(3, 4);
    const result = await runSuite(doc, { provider, samples: 12, concurrency: 4 });
    expect(result.samples).toHaveLength(36);
    expect(routing!.maxInFlight()).toBe(4);
    await routing!.server.close();
    const sequential = await runSuite(doc, { provider: await start(3, 4), samples: 4 });
    expect(sequential.samples).toHaveLength(12);
    expect(routing!.maxInFlight()).toBe(1);
  });

  it('a stop keeps the finished samples, with their runs, and starts no more', async () => {
    const provider = await start(5, 3);
    const store = new MemoryCheckpointStore();
    const controller = new AbortController();
    const result = await runSuite(doc, {
      provider,
      samples: 50,
      concurrency: 3,
      store,
      signal: controller.signal,
      onSample: (_s, p) => {
        if (p.done === 10) controller.abort();
      },
    });
    expect(result.stopped).toBe(true);
    expect(result.samples.length).toBeGreaterThanOrEqual(10);
    expect(result.samples.length).toBeLessThan(15);
    expect(result.cases.reduce((n, c) => n + c.total, 0)).toBe(result.samples.length);
    for (const s of result.samples) {
      expect((await store.getRun(s.runId))?.status).not.toBe('running');
    }
    // No sample starts after the stop: two requests per sample, kept or stopped mid-way (at
    // most the other K - 1 running), and nothing more arrives later.
    await new Promise((r) => setTimeout(r, 50));
    const requests = routing!.server.requests.length;
    expect(requests).toBeLessThanOrEqual(2 * (result.samples.length + 2));
    await new Promise((r) => setTimeout(r, 100));
    expect(routing!.server.requests.length).toBe(requests);
  });
});
