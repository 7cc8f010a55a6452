/** docs/spec/run-semantics.md#approvals, docs/spec/events.md: approval-gated batches. */
import { describe, expect, it } from 'vitest';
import { HandoffStudioError, startRun } from '../../../src/engine';
import { createScriptProvider } from '../../../src/providers/script';
import { drive, makeDoc, outline, runScripted } from '../../support/engineHarness';

const END = { end: true } as const;

const refundDoc = () =>
  makeDoc({
    agents: [{ name: 'a', tools: ['refund', 'lookup'] }, 'b'],
    handoffs: [['a', 'b']],
    tools: [
      {
        name: 'refund',
        approval: 'always_require',
        parameters: { type: 'object', properties: { order: { type: 'string' } } },
        result: 'Refunded {{order}}.',
      },
      { name: 'lookup', result: 'Found {{order}}.' },
    ],
  });

describe('approval scenarios', () => {
  it('approved: tool_calls, approval_requested, pause checkpoint, approval_resolved, results, checkpoint', async () => {
    const { events } = await runScripted({
      doc: refundDoc(),
      script: {
        a: [{ toolCalls: [{ name: 'refund', arguments: { order: '7' } }] }, { text: 'Refunded.' }],
      },
      decisions: [true],
      inputs: [END],
    });
    expect(outline(events).slice(3, 12)).toEqual([
      'agent_started a',
      'tool_call a refund {"order":"7"}',
      'approval_requested req-1 a refund',
      'checkpoint_saved',
      'approval_resolved req-1 approved',
      'tool_result a refund: Refunded 7.',
      'checkpoint_saved',
      'agent_started a',
      'message a: Refunded.',
    ]);
  });

  it('rejected: the call gets the rejection error and the agent is called again', async () => {
    const { events } = await runScripted({
      doc: refundDoc(),
      script: {
        a: [
          { toolCalls: [{ name: 'refund', arguments: { order: '7' } }] },
          { text: 'Not refunded.' },
        ],
      },
      decisions: [false],
      inputs: [END],
    });
    expect(outline(events).slice(7, 11)).toEqual([
      'approval_resolved req-1 rejected',
      'tool_result a refund (error): Error: Tool call invocation was rejected by user.',
      'checkpoint_saved',
      'agent_started a',
    ]);
  });

  it('mixed batch with a handoff: everything waits for all approvals; results in call order; handoff last', async () => {
    const { events } = await runScripted({
      doc: refundDoc(),
      script: {
        a: [
          {
            text: 'Let me do that.',
            toolCalls: [
              { name: 'lookup', arguments: { order: '1' } },
              { name: 'refund', arguments: { order: '1' } },
              { name: 'handoff_to_b' },
              { name: 'refund', arguments: { order: '2' } },
            ],
          },
        ],
        b: [{ text: 'b here.' }],
      },
      decisions: [true, false],
      inputs: [END],
    });
    expect(outline(events).slice(3, 22)).toEqual([
      'agent_started a',
      'message a: Let me do that.',
      'tool_call a lookup {"order":"1"}',
      'tool_call a refund {"order":"1"}',
      'tool_call a handoff_to_b {}',
      'tool_call a refund {"order":"2"}',
      'approval_requested req-1 a refund',
      'approval_requested req-2 a refund',
      'checkpoint_saved',
      'approval_resolved req-1 approved',
      'approval_resolved req-2 rejected',
      'tool_result a lookup: Found 1.',
      'tool_result a refund: Refunded 1.',
      'tool_result a handoff_to_b: {"handoff_to":"b"}',
      'tool_result a refund (error): Error: Tool call invocation was rejected by user.',
      'handoff a -> b',
      'checkpoint_saved',
      'agent_started b',
      'message b: b here.',
    ]);
  });

  it('approval_requested carries the call; answers are checked', async () => {
    const handle = startRun({
      document: refundDoc(),
      provider: createScriptProvider({
        a: [{ toolCalls: [{ name: 'refund', arguments: { order: '9' }, id: 'c9' }] }],
      }),
      input: 'refund 9',
    });
    const seen: unknown[] = [];
    for await (const event of handle) {
      if (event.type === 'approval_requested') {
        seen.push(event);
        expect(() => handle.answerInput(event.requestId, 'yes')).toThrow(HandoffStudioError);
        expect(() => handle.answerApproval('req-99', true)).toThrow(/no open request "req-99"/);
        handle.answerApproval(event.requestId, true);
        expect(() => handle.answerApproval(event.requestId, true)).toThrow(/already been answered/);
      }
      if (event.type === 'input_requested') handle.answerInput(event.requestId, { end: true });
    }
    expect(seen).toEqual([
      expect.objectContaining({
        requestId: 'req-1',
        agent: 'a',
        callId: 'c9',
        name: 'refund',
        arguments: { order: '9' },
      }),
    ]);
    expect((await handle.done).status).toBe('failed'); // a's second call is not in the script
  });

  it('with no decision left the invocation ends paused with the open approvals; the answers given are kept', async () => {
    const { outcome, events } = await runScripted({
      doc: refundDoc(),
      script: {
        a: [
          {
            toolCalls: [
              { name: 'refund', arguments: { order: '7' } },
              { name: 'refund', arguments: { order: '8' } },
            ],
          },
        ],
      },
      decisions: [true],
    });
    expect(outline(events).slice(-5)).toEqual([
      'approval_requested req-1 a refund',
      'approval_requested req-2 a refund',
      'checkpoint_saved',
      'approval_resolved req-1 approved',
      'checkpoint_saved',
    ]);
    expect(outcome).toMatchObject({
      status: 'paused',
      checkpointId: `cp-${events.at(-1)!.seq}`,
      requests: [{ kind: 'approval', requestId: 'req-2' }],
    });
  });

  it('answers given while the engine is still saving the pause are taken', async () => {
    const handle = startRun({
      document: refundDoc(),
      provider: createScriptProvider({
        a: [{ toolCalls: [{ name: 'refund', arguments: { order: '7' } }] }, { text: 'ok' }],
      }),
      input: 'x',
    });
    handle.subscribe((event) => {
      if (event.type === 'approval_requested') handle.answerApproval(event.requestId, true);
      if (event.type === 'input_requested') handle.answerInput(event.requestId, { end: true });
    });
    const { outcome, events } = await drive(handle);
    expect(outcome).toMatchObject({ status: 'completed', reason: 'user_terminated' });
    expect(outline(events)).toContain('tool_result a refund: Refunded 7.');
  });
});
