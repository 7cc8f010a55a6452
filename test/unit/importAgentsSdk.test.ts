/**
 * Agents SDK traces in (docs/spec/import-trace.md#openai-agents-sdk), on traces the real SDKs
 * write during this test run — JS (test/support/agentsSdkTrace.ts) and Python
 * (agentsSdkTracePython.ts, skipped with a note when its venv cannot be made): the graph, the run
 * as our event stream with and without captured content, a call a person rejected, and the
 * committed corpus of such traces. importAgentsSdkMatch.test.ts holds the rest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { runEventSchema } from '../../src/engine/eventSchema';
import type { RunEvent } from '../../src/engine/events';
import { importAgentsSdkTrace } from '../../src/import/trace/agentsSdk';
import { parseWorkflow, validateWorkflow } from '../../src/model';
import { edgeKey, reduceAll } from '../../src/trace';
import { SDK_INSTRUCTIONS, USER_MESSAGE, WORKFLOW_NAME } from '../support/agentsSdkTrace';
import {
  lines,
  removeSdkTraces,
  shape,
  traceOrSkip,
  writeSdkTraces,
  type Mode,
  type Sdk,
  type SdkTraces,
} from '../support/agentsSdkTraceRun';

let traces: SdkTraces;
beforeAll(async () => {
  traces = await writeSdkTraces({ python: true });
}, 300_000);
afterAll(() => removeSdkTraces(traces));

const traceOf = (sdk: Sdk, mode: Mode, ctx: TestContext): string =>
  traceOrSkip(traces.texts[sdk][mode], traces, ctx);

describe.each(['js', 'python'] as const)(
  'a trace written by the real %s Agents SDK, content captured',
  (sdk) => {
    it('recovers the graph: agents, handoff edges from the spans, tools, approval, instructions', (ctx) => {
      const sensitiveText = traceOf(sdk, 'sensitive', ctx);
      const { workflow, format } = importAgentsSdkTrace(sensitiveText);
      expect(format).toBe('agents-sdk');
      expect(workflow.name).toBe(WORKFLOW_NAME);
      expect(workflow.startAgent).toBe('Triage');
      expect(workflow.agents.map((a) => [a.name, a.instructions, a.model, a.tools])).toEqual([
        ['Triage', SDK_INSTRUCTIONS.Triage, 'gpt-test', []],
        ['Billing', SDK_INSTRUCTIONS.Billing, 'gpt-test', ['lookup_invoice']],
        ['Refunds', SDK_INSTRUCTIONS.Refunds, 'gpt-test', ['issue_refund']],
      ]);
      expect(workflow.handoffs).toEqual([
        { source: 'Triage', target: 'Billing' },
        { source: 'Billing', target: 'Refunds' },
      ]);
      expect(workflow.tools.map((t) => [t.name, t.approval])).toEqual([
        ['lookup_invoice', 'never_require'],
        ['issue_refund', 'always_require'],
      ]);
      // A document this project can open, with no error-level problem.
      expect(parseWorkflow(workflow).ok).toBe(true);
      expect(validateWorkflow(workflow).filter((i) => i.severity === 'error')).toEqual([]);
    });

    it('gives the run as our event stream, in the documented order', (ctx) => {
      const sensitiveText = traceOf(sdk, 'sensitive', ctx);
      const { events } = importAgentsSdkTrace(sensitiveText);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      for (const event of events) expect(runEventSchema.safeParse(event).success).toBe(true);
      expect(shape(events)).toEqual([
        'run_started',
        'user_message',
        'agent_started Triage',
        'usage Triage #0',
        'tool_call Triage handoff_to_billing -> Billing',
        'tool_result Triage handoff_to_billing',
        'handoff Triage -> Billing',
        'agent_started Billing',
        'usage Billing #0',
        'message Billing',
        'tool_call Billing lookup_invoice',
        'tool_result Billing lookup_invoice',
        'agent_started Billing',
        'usage Billing #1',
        'tool_call Billing handoff_to_refunds -> Refunds',
        'tool_result Billing handoff_to_refunds',
        'handoff Billing -> Refunds',
        'agent_started Refunds',
        'usage Refunds #0',
        'tool_call Refunds issue_refund',
        'approval_requested Refunds issue_refund',
        'approval_resolved',
        'tool_result Refunds issue_refund',
        'agent_started Refunds',
        'usage Refunds #1',
        'message Refunds',
        'completed terminal_agent',
      ]);
    });

    it('carries the content the SDK captured, exactly', (ctx) => {
      const sensitiveText = traceOf(sdk, 'sensitive', ctx);
      const { events, notes } = importAgentsSdkTrace(sensitiveText);
      const find = <T extends RunEvent['type']>(type: T) =>
        events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);
      expect(find('user_message').map((e) => e.text)).toEqual([USER_MESSAGE]);
      expect(find('message').map((e) => [e.agent, e.text])).toEqual([
        ['Billing', 'Let me look that invoice up.'],
        ['Refunds', 'Refunded 42 for INV-7. Anything else?'],
      ]);
      const lookup = find('tool_call').find((e) => e.name === 'lookup_invoice')!;
      expect(lookup.arguments).toEqual({ invoice: 'INV-7' });
      const results = find('tool_result');
      expect(results.find((e) => e.callId === lookup.callId)?.result).toBe(
        'Invoice INV-7: 42 EUR, paid twice.',
      );
      const refund = find('tool_call').find((e) => e.name === 'issue_refund')!;
      expect(refund.arguments).toEqual({ invoice: 'INV-7', amount: 42 });
      const request = find('approval_requested')[0]!;
      expect(request.callId).toBe(refund.callId);
      expect(find('approval_resolved')).toEqual([
        expect.objectContaining({ requestId: request.requestId, approved: true }),
      ]);
      expect(find('usage')[0]).toMatchObject({ promptTokens: 19, completionTokens: 2 });
      expect(notes.map((n) => n.code)).toContain('approval_inferred');
      expect(notes.map((n) => n.code)).not.toContain('content_not_captured');
    });

    it('shows what the spans lack as missing, never made up', (ctx) => {
      const sensitiveText = traceOf(sdk, 'sensitive', ctx);
      const { workflow, notes } = importAgentsSdkTrace(sensitiveText);
      const missing = notes.filter((n) => n.kind === 'missing').map((n) => n.code);
      expect(missing).toEqual(
        expect.arrayContaining([
          'handoff_description_missing',
          'agent_description_missing',
          'tool_definition_missing',
        ]),
      );
      expect(workflow.handoffs.every((h) => h.description === undefined)).toBe(true);
      expect(workflow.agents.every((a) => a.description === '')).toBe(true);
      expect(workflow.tools.every((t) => t.description === '')).toBe(true);
    });

    it('steps through the trace reducer like a run of ours', (ctx) => {
      const sensitiveText = traceOf(sdk, 'sensitive', ctx);
      const { events } = importAgentsSdkTrace(sensitiveText);
      const state = reduceAll(events);
      expect(state.status).toBe('completed');
      expect(state.handoffs).toBe(2);
      expect(state.edges[edgeKey('Triage', 'Billing')]?.count).toBe(1);
      expect(state.edges[edgeKey('Billing', 'Refunds')]?.count).toBe(1);
      expect(state.modelCalls).toBe(5);
    });

    it('reads the shapes the same: NDJSON text, a JSON array, {"data": [...]}, {traces, spans}', (ctx) => {
      const sensitiveText = traceOf(sdk, 'sensitive', ctx);
      const items = lines(sensitiveText);
      const fromText = importAgentsSdkTrace(sensitiveText);
      expect(importAgentsSdkTrace(items)).toEqual(fromText);
      expect(importAgentsSdkTrace({ data: items })).toEqual(fromText);
      const isTrace = (item: unknown) => (item as { object?: string }).object === 'trace';
      const split = { traces: items.filter(isTrace), spans: items.filter((i) => !isTrace(i)) };
      expect(importAgentsSdkTrace(split)).toEqual(fromText);
      expect(importAgentsSdkTrace(JSON.stringify(items))).toEqual(fromText);
      expect(importAgentsSdkTrace(JSON.stringify({ data: items }, null, 2))).toEqual(fromText);
      // Order in the file does not matter: spans are ordered by their times and parents.
      expect(importAgentsSdkTrace([...items].reverse()).events).toEqual(fromText.events);
    });
  },
);

describe.each(['js', 'python'] as const)(
  'a trace written by the real %s Agents SDK without traceIncludeSensitiveData',
  (sdk) => {
    it('gives the same graph without instructions, and the same steps without content', (ctx) => {
      const sensitiveText = traceOf(sdk, 'sensitive', ctx);
      const plainText = traceOf(sdk, 'plain', ctx);
      const plain = importAgentsSdkTrace(plainText);
      const sensitive = importAgentsSdkTrace(sensitiveText);
      expect(plain.workflow.agents.map((a) => a.instructions)).toEqual(['', '', '']);
      expect(plain.workflow.handoffs).toEqual(sensitive.workflow.handoffs);
      expect(plain.workflow.tools).toEqual(sensitive.workflow.tools);
      expect(shape(plain.events)).toEqual([
        'run_started',
        'agent_started Triage',
        'usage Triage #0',
        'handoff Triage -> Billing',
        'agent_started Billing',
        'usage Billing #0',
        'tool_call Billing lookup_invoice',
        'agent_started Billing',
        'usage Billing #1',
        'handoff Billing -> Refunds',
        'agent_started Refunds',
        'usage Refunds #0',
        'tool_call Refunds issue_refund',
        'approval_requested Refunds issue_refund',
        'approval_resolved',
        'agent_started Refunds',
        'usage Refunds #1',
        'completed terminal_agent',
      ]);
      for (const event of plain.events) expect(runEventSchema.safeParse(event).success).toBe(true);
    });

    it('says content was not captured, and invents none', (ctx) => {
      const plainText = traceOf(sdk, 'plain', ctx);
      const { events, notes } = importAgentsSdkTrace(plainText);
      expect(notes).toContainEqual(
        expect.objectContaining({ kind: 'missing', code: 'content_not_captured' }),
      );
      expect(events.some((e) => e.type === 'message' || e.type === 'user_message')).toBe(false);
      // The SDK wrote "" (JS) or null (Python) for every argument and result: no argument and no
      // result is made up.
      const calls = events.filter((e) => e.type === 'tool_call');
      expect(calls).toHaveLength(2);
      for (const e of calls) expect(e.arguments).toBe('');
      expect(events.some((e) => e.type === 'tool_result')).toBe(false);
    });
  },
);

describe('the committed corpus of Agents SDK traces (test/fixtures/traces/agents-sdk/)', () => {
  const corpus = join(__dirname, '../fixtures/traces/agents-sdk');
  const files = readdirSync(corpus).filter((f) => f.endsWith('.ndjson'));

  it('holds a trace of each SDK with and without content', () => {
    expect(files.sort()).toEqual([
      'support-desk.plain.ndjson',
      'support-desk.py.plain.ndjson',
      'support-desk.py.sensitive.ndjson',
      'support-desk.sensitive.ndjson',
    ]);
  });

  it.for(files)('%s imports as the SDK writes it today', (file, ctx) => {
    const sdk: Sdk = file.includes('.py.') ? 'python' : 'js';
    const mode: Mode = file.includes('sensitive') ? 'sensitive' : 'plain';
    const fresh = importAgentsSdkTrace(traceOf(sdk, mode, ctx));
    const kept = importAgentsSdkTrace(readFileSync(join(corpus, file), 'utf8'));
    expect(kept.workflow).toEqual(fresh.workflow);
    expect(shape(kept.events)).toEqual(shape(fresh.events));
    expect(kept.notes.map((n) => n.code)).toEqual(fresh.notes.map((n) => n.code));
  });
});

describe('a call a person rejected, in traces the real SDKs write', () => {
  it.for(['sensitive', 'plain', 'python'] as const)(
    '%s: the approval is resolved as rejected',
    (mode, ctx) => {
      const text = traceOrSkip(traces.rejected[mode], traces, ctx);
      const { events, workflow, notes } = importAgentsSdkTrace(text);
      for (const event of events) expect(runEventSchema.safeParse(event).success).toBe(true);
      const request = events.find((e) => e.type === 'approval_requested');
      const resolved = events.find((e) => e.type === 'approval_resolved');
      expect(request).toMatchObject({ agent: 'Refunds', name: 'issue_refund' });
      expect(resolved).toEqual(
        expect.objectContaining({
          requestId: request?.type === 'approval_requested' ? request.requestId : '',
          approved: false,
        }),
      );
      // The call keeps the SDK's own call id: the JS rejection mark names it even without content.
      const call = events.find((e) => e.type === 'tool_call');
      expect(call).toMatchObject({ name: 'issue_refund' });
      const callId = call?.type === 'tool_call' ? call.callId : '';
      if (mode !== 'python') expect(callId).toBe('call_0_0');
      expect(events).toContainEqual(
        expect.objectContaining({ type: 'tool_result', callId, isError: true }),
      );
      expect(workflow.tools).toEqual([
        expect.objectContaining({ name: 'issue_refund', approval: 'always_require' }),
      ]);
      expect(notes).toContainEqual(expect.objectContaining({ code: 'approval_inferred' }));
      expect(events.at(-1)).toMatchObject({ type: 'completed' });
      if (mode !== 'plain') {
        expect(events).toContainEqual(
          expect.objectContaining({ type: 'message', text: 'The refund was not approved.' }),
        );
      }
    },
  );
});
