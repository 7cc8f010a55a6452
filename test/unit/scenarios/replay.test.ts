/** docs/spec/run-semantics.md#providers, docs/spec/run-file.md#scripts: a simulator run saved as a script replays to the same events. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runToScript, type RunEvent } from '../../../src/engine';
import { parseWorkflowText, type Workflow } from '../../../src/model';
import { createScriptProvider } from '../../../src/providers/script';
import { createSimulatorProvider } from '../../../src/providers/simulator';
import { outline, resumeScripted, runScripted } from '../../support/engineHarness';

function example(name: string): Workflow {
  const parsed = parseWorkflowText(
    readFileSync(new URL(`../../../public/examples/${name}.json`, import.meta.url), 'utf8'),
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.doc;
}

const withoutRunId = (events: readonly RunEvent[]) =>
  events.map((e) =>
    e.type === 'run_started' || e.type === 'run_resumed' ? { ...e, runId: '*' } : e,
  );

describe('replay scenarios', () => {
  it('customer support on the simulator: triage → refund_agent → approved refund → reply', async () => {
    const doc = example('customer_support');
    const { events, outcome } = await runScripted({
      doc,
      provider: createSimulatorProvider({ document: doc }),
      input: 'I want a refund for order 123',
      decisions: [true],
      inputs: ['Thanks, goodbye'],
    });
    expect(outline(events)).toEqual([
      'run_started',
      'user_message: I want a refund for order 123',
      'checkpoint_saved',
      'agent_started triage_agent',
      'usage triage_agent ~273',
      'message triage_agent: [simulated] Handing you over to refund_agent.',
      'tool_call triage_agent handoff_to_refund_agent {"reason":"The request mentions refund, order."}',
      'tool_result triage_agent handoff_to_refund_agent: {"handoff_to":"refund_agent"}',
      'handoff triage_agent -> refund_agent',
      'checkpoint_saved',
      'agent_started refund_agent',
      'usage refund_agent ~110',
      'tool_call refund_agent process_refund {"order_number":"123"}',
      'approval_requested req-1 refund_agent process_refund',
      'checkpoint_saved',
      'approval_resolved req-1 approved',
      'tool_result refund_agent process_refund: Refund processed for order 123.',
      'checkpoint_saved',
      'agent_started refund_agent',
      'usage refund_agent ~130',
      'message refund_agent: [simulated] Done. Refund processed for order 123.',
      'input_requested req-2 refund_agent',
      'checkpoint_saved',
      'user_message: Thanks, goodbye',
      'completed termination_condition',
    ]);
    expect(outcome).toMatchObject({ status: 'completed', reason: 'termination_condition' });
  });

  it('runToScript of a simulator run replays to the identical event sequence (ignoring runId)', async () => {
    const doc = example('customer_support');
    const answers = {
      decisions: [false, true],
      inputs: ['Please try again', '123', { end: true as const }],
    };
    const live = await runScripted({
      doc,
      provider: createSimulatorProvider({ document: doc }),
      input: 'I want a refund for order 123',
      runId: 'live',
      ...answers,
    });
    const script = runToScript(live.events);
    const replayed = await runScripted({
      doc,
      provider: createScriptProvider(script),
      input: 'I want a refund for order 123',
      runId: 'replay',
      ...answers,
    });
    expect(withoutRunId(replayed.events)).toEqual(withoutRunId(live.events));
    expect(live.events.filter((e) => e.type === 'text_delta').length).toBeGreaterThan(10);
    expect(script.refund_agent).toHaveLength(5);
  });

  it('runToScript of a paused and resumed run (events of both invocations) equals that of the stored log', async () => {
    const doc = example('customer_support');
    const simulator = createSimulatorProvider({ document: doc });
    const first = await runScripted({ doc, provider: simulator, input: 'Where is my order 55?' });
    expect(first.outcome.status).toBe('paused');
    const second = await resumeScripted({
      doc,
      provider: simulator,
      store: first.store,
      runId: 'run-1',
      inputs: [{ end: true }],
    });
    const script = runToScript([...first.events, ...second.events]);
    expect(script).toEqual(runToScript(await first.store.getEvents('run-1')));
    expect(Object.keys(script)).toEqual(['triage_agent', 'order_agent']);
    expect(script.order_agent).toEqual([
      {
        toolCalls: [{ name: 'check_order_status', arguments: { order_number: '55' } }],
        usage: { promptTokens: 93, completionTokens: 10, totalTokens: 103, estimated: true },
      },
      {
        text: '[simulated] Done. Order 55 shipped yesterday and arrives in 2 days.',
        usage: { promptTokens: 115, completionTokens: 17, totalTokens: 132, estimated: true },
      },
    ]);
  });

  it('runToScript leaves out a call cut short by Stop or failure', () => {
    const events: RunEvent[] = [
      { seq: 1, type: 'run_started', runId: 'r' },
      { seq: 2, type: 'user_message', text: 'hi' },
      { seq: 3, type: 'checkpoint_saved', checkpointId: 'cp-3' },
      { seq: 4, type: 'agent_started', agent: 'a' },
      { seq: 5, type: 'text_delta', agent: 'a', delta: 'He' },
      { seq: 6, type: 'stopped' },
    ];
    expect(runToScript(events)).toEqual({});
    const withRawArguments: RunEvent[] = [
      ...events.slice(0, 4),
      { seq: 5, type: 'tool_call', agent: 'a', callId: 'custom', name: 't', arguments: '{bad' },
      {
        seq: 6,
        type: 'tool_result',
        agent: 'a',
        callId: 'custom',
        name: 't',
        result: 'Error: invalid JSON arguments.',
        isError: true,
      },
    ];
    expect(runToScript(withRawArguments)).toEqual({
      a: [{ toolCalls: [{ name: 't', arguments: '{bad', id: 'custom' }] }],
    });
  });
});
