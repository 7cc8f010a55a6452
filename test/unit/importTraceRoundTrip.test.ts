/**
 * Runs out and back in: a run of ours exported as OTLP/JSON (docs/spec/export-otlp.md) imports as
 * the same run — every event, in order — with the same workflow; and the GenAI spans a tracing
 * tool reads show the agents, model calls, tools and each handoff as an execute_tool span.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startRun } from '../../src/engine';
import { HandoffStudioError } from '../../src/engine/errors';
import { importTrace } from '../../src/import/trace';
import { exportRunOtlp, otlpText } from '../../src/import/trace/otlpExport';
import {
  buildTopology,
  handoffTools,
  parseWorkflowText,
  serializeWorkflow,
  type Workflow,
} from '../../src/model';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { drive } from '../support/engineHarness';

function example(name: string): Workflow {
  const parsed = parseWorkflowText(readFileSync(`public/examples/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(name);
  return parsed.doc;
}

async function simulated(doc: Workflow, input: string, inputs: string[], decisions: boolean[]) {
  const handle = startRun({
    document: doc,
    provider: createSimulatorProvider({ document: doc }),
    input,
    runId: `run-${doc.name}`,
    now: () => '2026-12-04T21:00:00.000Z',
    clock: () => 0,
  });
  return (await drive(handle, { inputs, decisions })).events;
}

const RUNS = [
  ['customer_support', 'I want a refund for order 123', ['thanks, goodbye'], [true]],
  ['customer_support', 'I want a refund for order 9', [], [false]],
  ['ecommerce_returns', 'I want to return order 77', ['it was a gift', 'bye'], [true, true]],
  [
    'homework_tutors',
    'I need help with an algebra question in math',
    ['And history: when was the Magna Carta?'],
    [],
  ],
  ['content_pipeline', 'Write an article about solar sails', ['shorter, please'], []],
] as const;

describe('OTLP export round trip', () => {
  it.each(RUNS)('%s: "%s" imports back as the same run', async (name, input, inputs, decisions) => {
    const doc = example(name);
    const events = await simulated(doc, input, [...inputs], [...decisions]);
    expect(events.filter((e) => e.type === 'handoff').length).toBeGreaterThan(0);
    const text = otlpText(exportRunOtlp(events, doc, { startedAt: '2026-12-04T21:00:00.000Z' }));
    const back = importTrace(text);
    expect(back.format).toBe('otlp-handoff-studio');
    expect(back.events).toEqual(events);
    expect(serializeWorkflow(back.workflow)).toBe(serializeWorkflow(doc));
  });

  it('writes the GenAI spans: invoke_agent, chat per model call, each handoff as execute_tool', async () => {
    const doc = example('customer_support');
    const events = await simulated(
      doc,
      'I want a refund for order 123',
      ['thanks, goodbye'],
      [true],
    );
    const otlp = exportRunOtlp(events, doc);
    const spans = otlp.resourceSpans[0]!.scopeSpans[0]!.spans;
    const attr = (span: (typeof spans)[number], key: string) =>
      span.attributes.find((a) => a.key === key)?.value;
    const named = (prefix: string) => spans.filter((s) => s.name.startsWith(prefix));
    expect(named('chat').length).toBe(events.filter((e) => e.type === 'agent_started').length);
    const handoffs = events.filter((e) => e.type === 'handoff');
    const transfers = named('execute_tool handoff_to_');
    expect(transfers.map((s) => attr(s, 'gen_ai.tool.name'))).toEqual(
      handoffs.map((h) => ({ stringValue: `handoff_to_${h.to}` })),
    );
    const invoke = named('invoke_agent triage_agent')[0]!;
    expect(transfers[0]!.parentSpanId).toBe(invoke.spanId);
    const definitions = JSON.parse(
      (attr(invoke, 'gen_ai.tool.definitions') as { stringValue: string }).stringValue,
    ) as Array<{ name: string; description: string }>;
    expect(definitions).toContainEqual(
      expect.objectContaining({
        name: 'handoff_to_refund_agent',
        description: doc.handoffs.find((h) => h.target === 'refund_agent')?.description,
      }),
    );
    // Parents exist, ids are hex of the right width, every span ends after it starts.
    const ids = new Set(spans.map((s) => s.spanId));
    for (const span of spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      if (span.parentSpanId) expect(ids.has(span.parentSpanId)).toBe(true);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
    }
  });

  it('matched to another workflow, the handoffs it does not allow are flagged', async () => {
    const doc = example('customer_support');
    const events = await simulated(
      doc,
      'I want a refund for order 123',
      ['thanks, goodbye'],
      [true],
    );
    const open = { ...doc, handoffs: doc.handoffs.filter((h) => h.target !== 'refund_agent') };
    const back = importTrace(otlpText(exportRunOtlp(events, doc)), open);
    expect(back.notes.filter((n) => n.code === 'handoff_not_allowed')).toHaveLength(1);
    expect(back.events.map((e) => e.seq)).toEqual(back.events.map((_, i) => i + 1));
  });

  it('refuses a damaged export with invalid_trace', async () => {
    const doc = example('homework_tutors');
    const events = await simulated(doc, 'I need help with an algebra question in math', [], []);
    const text = otlpText(exportRunOtlp(events, doc)).replace(
      '"type\\":\\"handoff\\"',
      '"type\\":\\"hand\\"',
    );
    expect(() => importTrace(text)).toThrow(HandoffStudioError);
    expect(() => importTrace(text)).toThrow(/not one of ours/);
  });
});

describe('OTLP export read as a plain GenAI trace', () => {
  it.each(RUNS)(
    '%s: "%s" shows the same agents, model calls, tool calls and handoffs',
    async (name, input, inputs, decisions) => {
      const doc = example(name);
      const events = await simulated(doc, input, [...inputs], [...decisions]);
      const otlp = exportRunOtlp(events, doc);
      // Without our resource and our span events it is just GenAI spans, as another tool sees them.
      otlp.resourceSpans[0]!.resource.attributes = [];
      for (const span of otlp.resourceSpans[0]!.scopeSpans[0]!.spans) span.events = [];
      const read = importTrace(JSON.stringify(otlp));
      expect(read.format).toBe('otlp-agent-framework');
      const outline = (list: typeof events) => ({
        models: list.filter((e) => e.type === 'agent_started').map((e) => e.agent),
        tokens: list.filter((e) => e.type === 'usage').map((e) => e.totalTokens),
        calls: list
          .filter((e) => e.type === 'tool_call')
          .map((e) => `${e.callId}:${e.name}:${JSON.stringify(e.arguments)}`),
        results: list.filter((e) => e.type === 'tool_result').map((e) => `${e.callId}:${e.result}`),
        handoffs: list.filter((e) => e.type === 'handoff').map((e) => `${e.from}>${e.to}`),
        messages: list.filter((e) => e.type === 'message').map((e) => e.text),
      });
      expect(outline(read.events)).toEqual(outline(events));
      // The graph from the tool definitions: every agent that answered, with its handoffs.
      const answered = new Set(outline(events).models);
      for (const agent of answered) {
        // What the agent's model is offered: each handoff tool with its description.
        const tools = (w: Workflow) =>
          handoffTools(buildTopology(w), agent)
            .map((t) => `${t.name}: ${t.description}`)
            .sort();
        expect(tools(read.workflow)).toEqual(tools(doc));
      }
    },
  );
});
