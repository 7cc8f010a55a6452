/**
 * The trace reducer (src/trace): real engine runs (script provider) folded into trace states —
 * the overlay parts (active agent, visits, edges with counts and reasons, waiting marks,
 * forbidden handoffs), the turns, the chat, and the status.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkflowText, type Workflow } from '../../src/model';
import type { RunEvent } from '../../src/engine';
import {
  chatItems,
  initialTraceState,
  reduceAll,
  reduceTrace,
  traceForAgent,
  traceForEdge,
  turnsForAgent,
  type ChatItem,
  type TraceState,
} from '../../src/trace';
import { makeDoc, resumeScripted, runScripted } from '../support/engineHarness';

function customerSupport(): Workflow {
  const parsed = parseWorkflowText(readFileSync('public/examples/customer_support.json', 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed.doc;
}

const refundScript = {
  triage_agent: [
    {
      text: 'Let me get refunds.',
      toolCalls: [{ name: 'handoff_to_refund_agent', arguments: { reason: 'wants money back' } }],
    },
  ],
  refund_agent: [
    { toolCalls: [{ name: 'process_refund', arguments: { order_number: '42' } }] },
    { text: 'Your **refund** is on its way.' },
    { text: 'Goodbye!' },
  ],
};

/** The kinds of the chat items, with a detail each, for sequence assertions. */
const outlineChat = (items: ChatItem[]) =>
  items.map((i) => {
    switch (i.kind) {
      case 'user':
        return `user: ${i.text}`;
      case 'message':
        return `${i.agent}: ${i.text}${i.streaming ? ' …' : ''}${i.interrupted ? ' (cut)' : ''}`;
      case 'tool':
        return `tool ${i.name} → ${i.result ?? '?'}${i.approval ? ` [${i.approval}]` : ''}${i.forbidden ? ' [forbidden]' : ''}`;
      case 'handoff':
        return `handoff ${i.from} → ${i.to} (${i.reason ?? ''})`;
      case 'input':
        return `input ${i.agent} ${i.open ? 'open' : (i.answer ?? 'closed')}`;
      case 'approval':
        return `approval ${i.name} ${i.open ? 'open' : i.approved ? 'approved' : 'rejected'}`;
      case 'notice':
        return `${i.tone}: ${i.text}`;
    }
  });

describe('trace reducer on a customer-support run', () => {
  async function refundRun() {
    return runScripted({
      doc: customerSupport(),
      script: refundScript,
      input: 'I want my money back',
      decisions: [true],
      inputs: ['thanks, goodbye'],
    });
  }

  it('ends with the overlay, edges, turns and chat the events describe', async () => {
    const { events } = await refundRun();
    const state = reduceAll(events);
    expect(state.status).toBe('completed');
    expect(state.end).toEqual({ kind: 'completed', reason: 'termination_condition' });
    expect(state.eventCount).toBe(events.length);
    expect(state.seq).toBe(events.at(-1)!.seq);

    expect(traceForAgent(state, 'triage_agent')).toMatchObject({ visits: 1, modelCalls: 1 });
    expect(traceForAgent(state, 'refund_agent')).toMatchObject({
      visits: 1,
      modelCalls: 2, // "goodbye" ends the run before refund_agent answers it
      active: false, // the run is over
      waiting: undefined,
    });
    expect(traceForAgent(state, 'order_agent')).toMatchObject({ visited: false, visits: 0 });
    expect(traceForEdge(state, 'triage_agent', 'refund_agent')).toMatchObject({
      count: 1,
      latest: true,
      crossings: [{ reason: 'wants money back' }],
    });
    expect(traceForEdge(state, 'triage_agent', 'order_agent').count).toBe(0);

    const turns = turnsForAgent(state, 'refund_agent');
    expect(turns.map((t) => t.callIndex)).toEqual([0, 1]);
    expect(turns[0]!.toolCalls).toEqual([
      expect.objectContaining({
        name: 'process_refund',
        arguments: { order_number: '42' },
        result: 'Refund processed for order 42.',
        approved: true,
      }),
    ]);
    expect(turns[1]!.text).toBe('Your **refund** is on its way.');
    // Shared transcript before each call: the user's message and triage's text.
    expect(turns.map((t) => t.sharedBefore)).toEqual([2, 2]);
    expect(turnsForAgent(state, 'triage_agent')[0]).toMatchObject({
      handoffTo: 'refund_agent',
      text: 'Let me get refunds.',
    });

    expect(outlineChat(chatItems(state))).toEqual([
      'user: I want my money back',
      'triage_agent: Let me get refunds.',
      'tool handoff_to_refund_agent → {"handoff_to":"refund_agent"}',
      'handoff triage_agent → refund_agent (wants money back)',
      'tool process_refund → Refund processed for order 42. [approved]',
      'approval process_refund approved',
      'refund_agent: Your **refund** is on its way.',
      'input refund_agent replied',
      'user: thanks, goodbye',
      'success: Run completed (termination condition).',
    ]);
  });

  it('shows the run as it was at each event: streaming, waiting, active agent', async () => {
    const { events } = await refundRun();
    const at = (predicate: (e: RunEvent) => boolean) =>
      reduceAll(events.slice(0, events.findIndex(predicate) + 1));

    const midStream = at((e) => e.type === 'text_delta' && e.agent === 'triage_agent');
    expect(midStream.status).toBe('running');
    expect(traceForAgent(midStream, 'triage_agent')).toMatchObject({
      active: true,
      streamingText: 'Let ',
    });
    expect(outlineChat(chatItems(midStream)).at(-1)).toBe('triage_agent: Let  …');

    const afterHandoff = at((e) => e.type === 'handoff');
    expect(afterHandoff.activeAgent).toBe('refund_agent');
    expect(traceForAgent(afterHandoff, 'refund_agent').active).toBe(true);
    expect(afterHandoff.lastHandoff).toMatchObject({
      source: 'triage_agent',
      target: 'refund_agent',
    });

    const approval = at((e) => e.type === 'approval_requested');
    expect(approval.status).toBe('waiting');
    expect(approval.pending).toEqual([
      expect.objectContaining({ kind: 'approval', name: 'process_refund', agent: 'refund_agent' }),
    ]);
    expect(traceForAgent(approval, 'refund_agent').waiting).toBe('approval');
    expect(outlineChat(chatItems(approval)).slice(-2)).toEqual([
      'tool process_refund → ? [pending]',
      'approval process_refund open',
    ]);

    const input = at((e) => e.type === 'input_requested');
    expect(input.status).toBe('waiting');
    expect(traceForAgent(input, 'refund_agent').waiting).toBe('input');
    const replied = at((e) => e.type === 'user_message' && e.text.startsWith('thanks'));
    expect(replied.pending).toEqual([]);
    expect(traceForAgent(replied, 'refund_agent').waiting).toBeUndefined();
  });

  it('never changes a state it was given (states share what did not change)', async () => {
    const { events } = await refundRun();
    const states: TraceState[] = [initialTraceState];
    const frozen: string[] = [JSON.stringify(initialTraceState)];
    for (const event of events) {
      states.push(reduceTrace(states.at(-1)!, event));
      frozen.push(JSON.stringify(states.at(-1)));
    }
    states.forEach((s, i) => expect(JSON.stringify(s)).toBe(frozen[i]));
    // A checkpoint event touches neither the chat nor the agents.
    const k = events.findIndex((e) => e.type === 'checkpoint_saved');
    expect(states[k + 1]!.chat).toBe(states[k]!.chat);
    expect(states[k + 1]!.agents).toBe(states[k]!.agents);
  });
});

describe('trace reducer: forbidden handoffs, rejections, stops and resumes', () => {
  it('flags a handoff the topology forbids at the source agent', async () => {
    const doc = makeDoc({ agents: ['a', 'b'], handoffs: [['a', 'b']] });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b', arguments: {} }] }],
        b: [{ toolCalls: [{ name: 'handoff_to_a', arguments: {} }] }, { text: 'ok' }],
      },
    });
    const state = reduceAll(events);
    expect(traceForAgent(state, 'b').forbidden).toEqual([
      expect.objectContaining({ tool: 'handoff_to_a', target: 'a' }),
    ]);
    expect(traceForAgent(state, 'a').forbidden).toEqual([]);
    expect(traceForEdge(state, 'b', 'a').count).toBe(0);
    const tool = chatItems(state).find((i) => i.kind === 'tool' && i.name === 'handoff_to_a');
    expect(tool).toMatchObject({ forbidden: true, isError: true });
  });

  it("reads a forbidden attempt from the events' fields, never from their prose", async () => {
    const doc = makeDoc({ agents: ['a', 'b'], handoffs: [['a', 'b']] });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b', arguments: {} }] }],
        b: [{ toolCalls: [{ name: 'handoff_to_a', arguments: {} }] }, { text: 'ok' }],
      },
    });
    const call = events.find((e) => e.type === 'tool_call' && e.name === 'handoff_to_a');
    expect(call).toMatchObject({ handoffTarget: 'a' });
    const warning = events.find((e) => e.type === 'warning');
    expect(warning).toMatchObject({
      code: 'unknown_tool',
      agent: 'b',
      callId: (call as Extract<RunEvent, { type: 'tool_call' }>).callId,
      tool: 'handoff_to_a',
      target: 'a',
    });
    // The same stream with the message reworded (or translated) gives the same trace.
    const reworded = events.map((e) =>
      e.type === 'warning' ? { ...e, message: 'Ein unbekanntes Werkzeug wurde gerufen.' } : e,
    );
    expect(traceForAgent(reduceAll(reworded), 'b').forbidden).toEqual([
      expect.objectContaining({ tool: 'handoff_to_a', target: 'a' }),
    ]);
  });

  it('marks a rejected tool and counts visits and edges over a ping-pong', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['t'] }, 'b'],
      handoffs: [
        ['a', 'b'],
        ['b', 'a'],
      ],
      tools: [{ name: 't', approval: 'always_require', result: 'done' }],
    });
    const { events } = await runScripted({
      doc,
      decisions: [false],
      script: {
        a: [
          { toolCalls: [{ name: 't', arguments: {} }] },
          { toolCalls: [{ name: 'handoff_to_b', arguments: { reason: 'go' } }] },
          { text: 'back' },
        ],
        b: [{ toolCalls: [{ name: 'handoff_to_a', arguments: { reason: 'return' } }] }],
      },
    });
    const state = reduceAll(events);
    expect(traceForAgent(state, 'a')).toMatchObject({ visits: 2, modelCalls: 3 });
    expect(traceForAgent(state, 'b')).toMatchObject({ visits: 1, modelCalls: 1 });
    expect(traceForEdge(state, 'a', 'b')).toMatchObject({
      count: 1,
      crossings: [{ reason: 'go' }],
    });
    expect(traceForEdge(state, 'b', 'a')).toMatchObject({ count: 1, latest: true });
    const tool = chatItems(state).find((i) => i.kind === 'tool' && i.name === 't');
    expect(tool).toMatchObject({ approval: 'rejected', isError: true });
    expect(turnsForAgent(state, 'a')[0]!.toolCalls[0]).toMatchObject({ approved: false });
  });

  it('cuts a message stopped mid-stream, and a resume reopens the same request', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const stopped: RunEvent[] = [
      { seq: 1, type: 'run_started', runId: 'r' },
      { seq: 2, type: 'user_message', text: 'hi' },
      { seq: 3, type: 'checkpoint_saved', checkpointId: 'cp-3' },
      { seq: 4, type: 'agent_started', agent: 'a' },
      { seq: 5, type: 'text_delta', agent: 'a', delta: 'Hel' },
      { seq: 6, type: 'stopped' },
    ];
    const state = reduceAll(stopped);
    expect(state.status).toBe('stopped');
    expect(state.streaming).toBeUndefined();
    expect(outlineChat(chatItems(state)).slice(-2)).toEqual([
      'a: Hel (cut)',
      'info: Stopped. The run can be resumed.',
    ]);
    expect(turnsForAgent(state, 'a')[0]).toMatchObject({ text: 'Hel', interrupted: true });

    // A real pause, stop-less: a run waiting for input is resumed and the request re-emitted.
    const first = await runScripted({ doc, script: { a: [{ text: 'one' }, { text: 'two' }] } });
    const again = await resumeScripted({
      doc,
      runId: 'run-1',
      store: first.store,
      script: { a: [{ text: 'one' }, { text: 'two' }] },
    });
    const all = [...first.events, ...again.events];
    const resumed = reduceAll(all);
    const inputs = chatItems(resumed).filter((i) => i.kind === 'input');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ open: true });
    expect(resumed.status).toBe('waiting');
    expect(outlineChat(chatItems(resumed)).slice(-3)).toEqual([
      'a: one',
      'input a open',
      'info: Resumed from checkpoint cp-8.',
    ]);
  });

  it('reports a failure with its code', () => {
    const state = reduceAll([
      { seq: 1, type: 'run_started', runId: 'r' },
      { seq: 2, type: 'failed', error: { code: 'script_exhausted', message: 'Script exhausted.' } },
    ]);
    expect(state.status).toBe('failed');
    expect(state.end).toEqual({
      kind: 'failed',
      code: 'script_exhausted',
      message: 'Script exhausted.',
    });
    expect(chatItems(state).at(-1)).toMatchObject({
      kind: 'notice',
      tone: 'error',
      code: 'script_exhausted',
    });
  });
});
