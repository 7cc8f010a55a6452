/**
 * Judging (docs/spec/tests.md#expectations) on real runs of the engine: one case driven through
 * `runCase` with a script provider, every kind of expectation passing and failing, keyed by its
 * place in `expect`.
 */
import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore, type Script } from '../../src/engine';
import type { Expectations, TestCase, Workflow } from '../../src/model';
import { createScriptProvider } from '../../src/providers/script';
import { judge, observe, runCase, toSampleResult } from '../../src/routing';
import { makeDoc } from '../support/engineHarness';

const doc: Workflow = makeDoc({
  agents: ['triage', 'refund', 'order', 'closer'],
  handoffs: [
    ['triage', 'refund'],
    ['triage', 'order'],
    ['refund', 'closer'],
  ],
  tools: [
    {
      name: 'issue_refund',
      approval: 'always_require',
      parameters: {
        type: 'object',
        properties: { order_number: { type: 'string' }, amount: { type: 'number' } },
      },
    },
    { name: 'lookup_order' },
  ],
});
doc.agents[1]!.tools = ['issue_refund'];

const script: Script = {
  // A forbidden attempt first (no edge triage > closer), then the real handoff.
  triage: [
    { toolCalls: [{ name: 'handoff_to_closer', arguments: {} }] },
    {
      text: 'Passing you on.',
      toolCalls: [{ name: 'handoff_to_refund', arguments: { reason: 'refund' } }],
    },
  ],
  refund: [
    { toolCalls: [{ name: 'issue_refund', arguments: { order_number: '123', amount: 5 } }] },
    {
      text: 'Refunded order 123.',
      usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    },
    { text: 'Anything else?' },
  ],
};

const testCase = (expectations: Expectations, extra: Partial<TestCase> = {}): TestCase => ({
  id: 'refund',
  name: 'Refunds reach refund',
  turns: ['I want a refund for order 123'],
  approvals: ['approve'],
  expect: expectations,
  ...extra,
});

async function sample(tc: TestCase) {
  const run = await runCase(doc, tc, {
    provider: createScriptProvider(script),
    store: new MemoryCheckpointStore(),
    runId: 'run-s',
  });
  return { run, results: judge(run.events, doc, tc) };
}

const verdicts = (results: Array<{ key: string; passed: boolean }>) =>
  Object.fromEntries(results.map((r) => [r.key, r.passed]));

describe('runCase', () => {
  it('drives turns and approvals, and leaves the run paused when the workflow asks again', async () => {
    const store = new MemoryCheckpointStore();
    const run = await runCase(doc, testCase({}), {
      provider: createScriptProvider(script),
      store,
      runId: 'run-x',
      sample: 3,
      meta: { suite: 's1' },
    });
    expect(run.runId).toBe('run-x');
    expect(run.outcome.status).toBe('paused');
    expect(run.events.filter((e) => e.type === 'approval_resolved')).toMatchObject([
      { approved: true },
    ]);
    const record = await store.getRun('run-x');
    expect(record?.meta).toEqual({ suite: 's1', testCase: 'refund', sample: '3' });
    expect(record?.status).not.toBe('completed');
  });

  it('answers later turns in order and ends the conversation when told to', async () => {
    const tc = testCase(
      {},
      { turns: ['I want a refund for order 123', 'and another'], endConversation: true },
    );
    const { run } = await sample(tc);
    expect(run.events.filter((e) => e.type === 'user_message').map((e) => e.text)).toEqual(
      tc.turns,
    );
    expect(run.outcome).toMatchObject({ status: 'completed', reason: 'user_terminated' });
  });

  it('with no decision left, the run waits for the approval', async () => {
    const { run } = await sample(testCase({}, { approvals: [] }));
    expect(observe(run.events, doc).outcome).toBe('awaiting_approval');
  });
});

describe('observe', () => {
  it('finds the path, handoffs, attempts, end and counts in the events', async () => {
    const { run } = await sample(testCase({}));
    const seen = observe(run.events, doc);
    expect(seen).toMatchObject({
      path: ['triage', 'refund'],
      handoffs: [{ from: 'triage', to: 'refund' }],
      attempts: [
        { agent: 'triage', target: 'closer', allowed: false },
        { agent: 'triage', target: 'refund', allowed: true },
      ],
      outcome: 'asking_user',
      endAgent: 'refund',
      modelCalls: 4,
    });
    expect(seen.tokens).toBe(15);
  });
});

describe('judge', () => {
  it('passes every expectation that holds, keyed by its place in expect', async () => {
    const { results } = await sample(
      testCase({
        route: 'triage > (refund | order) > *',
        reaches: ['refund'],
        avoids: ['order', 'closer'],
        avoidsHandoffs: [{ source: 'triage', target: 'order' }],
        endAgent: 'refund',
        outcome: 'asking_user',
        tools: [
          { name: 'issue_refund', agent: 'refund', arguments: { order_number: '123' } },
          { name: 'lookup_order', called: false },
        ],
        maxHandoffs: 1,
        maxModelCalls: 4,
        messages: [
          { agent: 'refund', contains: 'REFUNDED' },
          { matches: '^Refunded order \\d+\\.$' },
          { agent: 'triage', which: 'any', contains: 'passing' },
        ],
      }),
    );
    expect(verdicts(results)).toEqual({
      route: true,
      'reaches[0]': true,
      'avoids[0]': true,
      'avoids[1]': true,
      'avoidsHandoffs[0]': true,
      endAgent: true,
      outcome: true,
      'tools[0]': true,
      'tools[1]': true,
      maxHandoffs: true,
      maxModelCalls: true,
      'messages[0]': true,
      'messages[1]': true,
      'messages[2]': true,
    });
    expect(results.find((r) => r.key === 'route')!.label).toBe(
      'route matches "triage > (refund | order) > *"',
    );
  });

  it('fails every expectation that does not hold, saying what happened instead', async () => {
    const { results } = await sample(
      testCase({
        route: 'triage > order',
        reaches: ['closer'],
        avoids: ['refund'],
        avoidsHandoffs: [{ source: 'triage', target: 'refund' }],
        onlyAllowedHandoffs: true,
        endAgent: 'closer',
        completion: 'terminal_agent',
        tools: [
          { name: 'issue_refund', arguments: { order_number: '124' } },
          { name: 'issue_refund', called: false },
          { name: 'lookup_order' },
        ],
        maxHandoffs: 0,
        maxModelCalls: 3,
        messages: [
          { agent: 'refund', contains: 'declined' },
          { agent: 'order', contains: 'x' },
          { which: 'any', matches: '^nothing$' },
        ],
      }),
    );
    const failed = results.filter((r) => !r.passed).map((r) => r.key);
    expect(failed).toEqual([
      'route',
      'reaches[0]',
      'avoids[0]',
      'avoidsHandoffs[0]',
      'onlyAllowedHandoffs',
      'endAgent',
      'completion',
      'tools[0]',
      'tools[1]',
      'tools[2]',
      'maxHandoffs',
      'maxModelCalls',
      'messages[0]',
      'messages[1]',
      'messages[2]',
    ]);
    // The implied "run does not fail" holds: the run only paused.
    expect(verdicts(results).run).toBe(true);
    const detail = (key: string) => results.find((r) => r.key === key)!.detail;
    expect(detail('route')).toBe('the path was triage > refund');
    expect(detail('onlyAllowedHandoffs')).toBe('triage tried to hand off to closer');
    expect(detail('endAgent')).toBe('it ended with refund');
    expect(detail('messages[0]')).toBe('the final message was "Refunded order 123."');
  });

  it('a failed run fails the implied expectation unless the case expects failure', async () => {
    const broken: Script = { triage: [] };
    const tc = testCase({ route: 'triage' });
    const run = await runCase(doc, tc, { provider: createScriptProvider(broken) });
    const sampled = toSampleResult(run.events, doc, tc, {
      sample: 0,
      runId: run.runId,
      durationMs: 1,
    });
    expect(sampled.outcome).toBe('failed');
    expect(sampled.error?.code).toBe('script_exhausted');
    expect(sampled.passed).toBe(false);
    expect(sampled.expectations.map((r) => [r.key, r.passed])).toEqual([
      ['run', false],
      ['route', true],
    ]);
    const expectsFailure = testCase({ outcome: 'failed' });
    const judged = judge(run.events, doc, expectsFailure);
    expect(judged.map((r) => [r.key, r.passed])).toEqual([['outcome', true]]);
  });

  it('never runs a regular expression that validation refuses', () => {
    const events = [
      { seq: 1, type: 'message', agent: 'refund', text: `${'a'.repeat(40)}!` },
    ] as const;
    const tc = testCase({ outcome: 'asking_user', messages: [{ matches: '^(a+)+$' }] });
    const [result] = judge([...events], doc, tc).filter((r) => r.key === 'messages[0]');
    expect(result).toMatchObject({ passed: false, detail: expect.stringMatching(/exponential/) });
  });

  it('arguments compare deeply, key order aside; a raw-text argument never matches a subset', () => {
    const events = [
      { seq: 1, type: 'run_started', runId: 'r' },
      { seq: 2, type: 'agent_started', agent: 'refund' },
      {
        seq: 3,
        type: 'tool_call',
        agent: 'refund',
        callId: 'c1',
        name: 'issue_refund',
        arguments: { order: { id: 1, items: [1, 2] }, note: 'x' },
      },
      {
        seq: 4,
        type: 'tool_call',
        agent: 'refund',
        callId: 'c2',
        name: 'lookup_order',
        arguments: '{bad',
      },
    ] as const;
    const tc = testCase({
      outcome: 'asking_user',
      tools: [
        { name: 'issue_refund', arguments: { order: { items: [1, 2], id: 1 } } },
        { name: 'issue_refund', arguments: { order: { items: [2, 1], id: 1 } } },
        { name: 'lookup_order', arguments: { x: 1 } },
        { name: 'lookup_order' },
      ],
    });
    expect(judge([...events], doc, tc).map((r) => r.passed)).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
  });
});
