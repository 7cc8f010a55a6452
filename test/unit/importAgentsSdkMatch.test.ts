/**
 * Agents SDK traces in (docs/spec/import-trace.md#openai-agents-sdk), on traces the real JS SDK
 * writes during this test run (test/support/agentsSdkTrace.ts): a trace matched to an open
 * workflow, tool definitions where a span carries them, and errors on spans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAgentsSdkTrace } from '../../src/import/trace/agentsSdk';
import { parseWorkflow, type Workflow, type WorkflowInput } from '../../src/model';
import {
  BILLING_HANDOFF_DESCRIPTION,
  REFUNDS_HANDOFF_DESCRIPTION,
} from '../support/agentsSdkTrace';
import {
  lines,
  removeSdkTraces,
  writeSdkTraces,
  type SdkTraces,
} from '../support/agentsSdkTraceRun';

let traces: SdkTraces;
let sensitiveText: string;
let plainText: string;
beforeAll(async () => {
  traces = await writeSdkTraces({ python: false });
  sensitiveText = traces.texts.js.sensitive!;
  plainText = traces.texts.js.plain!;
}, 120_000);
afterAll(() => removeSdkTraces(traces));

describe('a trace matched to an open workflow', () => {
  const design = (handoffs: WorkflowInput['handoffs']): Workflow => {
    const parsed = parseWorkflow({
      format: 'handoff-workflow',
      version: 1,
      name: 'Designed desk',
      startAgent: 'triage',
      agents: [
        { name: 'triage', tools: [] },
        { name: 'Billing', tools: [] },
        { name: 'Refunds', tools: ['issue_refund'] },
      ],
      handoffs,
      tools: [{ name: 'issue_refund', approval: 'always_require' }],
    } satisfies WorkflowInput);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.doc;
  };

  it('keeps the open workflow, matches names, and flags each handoff it does not allow', () => {
    const open = design([{ source: 'triage', target: 'Billing' }]);
    const { workflow, events, notes } = importAgentsSdkTrace(sensitiveText, open);
    expect(workflow).toBe(open);
    // "Triage" in the trace is "triage" here (case only).
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'handoff', from: 'triage', to: 'Billing' }),
    );
    const flagged = notes.filter((n) => n.code === 'handoff_not_allowed');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ kind: 'flagged' });
    const handoffSpan = lines(sensitiveText).find(
      (item) =>
        (item as { span_data?: { type?: string; from_agent?: string } }).span_data?.from_agent ===
        'Billing',
    ) as { id: string };
    expect(flagged[0]!.spanId).toBe(handoffSpan.id);
    const at = events.findIndex((e) => e.type === 'handoff' && e.from === 'Billing');
    // The warning our engine gives for a handoff call the agent was not offered.
    const call = events.find((e) => e.type === 'tool_call' && e.handoffTarget === 'Refunds');
    expect(events[at - 1]).toMatchObject({
      type: 'warning',
      code: 'unknown_tool',
      agent: 'Billing',
      target: 'Refunds',
      callId: call?.type === 'tool_call' ? call.callId : 'none',
      tool: 'handoff_to_refunds',
    });
    // Billing's lookup_invoice is not one of its tools in the design.
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'flagged', code: 'tool_not_in_workflow' }),
    );
  });

  it('flags nothing when the design allows every hop', () => {
    const open = design([
      { source: 'triage', target: 'Billing' },
      { source: 'Billing', target: 'Refunds' },
    ]);
    const { notes, events } = importAgentsSdkTrace(plainText, open);
    expect(notes.filter((n) => n.code === 'handoff_not_allowed')).toEqual([]);
    expect(events.some((e) => e.type === 'warning')).toBe(false);
  });

  it('flags an agent the open workflow does not have', () => {
    const open = design([]);
    const renamed = plainText.replaceAll('"Refunds"', '"Refund desk"');
    const { notes } = importAgentsSdkTrace(renamed, open);
    expect(notes).toContainEqual(
      expect.objectContaining({ kind: 'flagged', code: 'agent_not_in_workflow' }),
    );
  });
});

describe('tool definitions where a span carries them', () => {
  it('gives handoff descriptions and tool definitions, as the model was offered them', () => {
    // The SDK's spans leave the offered tools out; a processor may add them. Here they are the
    // tools of the very requests the SDK sent, added to its generation spans in order.
    const items = lines(sensitiveText) as Array<{
      started_at?: string;
      span_data?: { type?: string; tools?: unknown };
    }>;
    const generations = items
      .filter((item) => item.span_data?.type === 'generation')
      .sort((a, b) => (a.started_at! < b.started_at! ? -1 : 1));
    expect(generations).toHaveLength(traces.requestTools.length);
    generations.forEach((item, i) => (item.span_data!.tools = traces.requestTools[i]));
    const { workflow, notes } = importAgentsSdkTrace(items);
    expect(workflow.handoffs).toEqual([
      { source: 'Triage', target: 'Billing', description: BILLING_HANDOFF_DESCRIPTION },
      { source: 'Billing', target: 'Refunds', description: REFUNDS_HANDOFF_DESCRIPTION },
    ]);
    const refund = workflow.tools.find((t) => t.name === 'issue_refund')!;
    expect(refund.description).toBe('Pays an amount back. A person approves every call.');
    expect(refund.parameters).toMatchObject({ properties: { amount: { type: 'number' } } });
    expect(refund.approval).toBe('always_require');
    const codes = notes.map((n) => n.code);
    expect(codes).not.toContain('handoff_description_missing');
    expect(codes).not.toContain('tool_definition_missing');
  });
});

describe('errors on spans', () => {
  const span = (id: string, parent: string | null, data: object, error: object | null = null) => ({
    object: 'trace.span',
    id,
    trace_id: 'trace_e',
    parent_id: parent,
    started_at: `2026-12-04T21:00:0${id.length}.000Z`,
    ended_at: '2026-12-04T21:00:09.000Z',
    span_data: data,
    error,
  });

  it('marks a failed tool call, warns about a failed model call, and fails with the task', () => {
    const trace = [
      span(
        't',
        null,
        { type: 'custom', name: 'task', data: { sdk_span_type: 'task' } },
        {
          message: 'Error in agent run',
        },
      ),
      span('ag', 't', { type: 'agent', name: 'Alpha', handoffs: [], tools: ['t'] }),
      span(
        'fun',
        'ag',
        { type: 'function', name: 't', input: '{}', output: '' },
        {
          message: 'Error running tool',
        },
      ),
      span('gene', 'ag', { type: 'generation', model: 'm' }, { message: 'Error getting response' }),
    ];
    const { events } = importAgentsSdkTrace(trace);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'tool_result', isError: true, result: 'Error running tool' }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'warning', code: 'trace_span_error', agent: 'Alpha' }),
    );
    expect(events.at(-1)).toMatchObject({
      type: 'failed',
      error: { code: 'trace_span_error', message: 'Error in agent run' },
    });
  });
});
