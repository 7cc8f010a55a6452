/** docs/spec/run-semantics.md#final-replies, #termination, #loop-guard: final replies, termination parts, user End, routing and the loop guard. */
import { describe, expect, it } from 'vitest';
import type { EventOf } from '../../../src/engine';
import { makeDoc, outline, runScripted } from '../../support/engineHarness';

const END = { end: true } as const;

describe('termination scenarios', () => {
  it('maxMessages reached by the opening message ends the run before any model call', async () => {
    const doc = makeDoc({ agents: ['a'], termination: { maxMessages: 1 } });
    const { events, outcome } = await runScripted({ doc, script: {} });
    expect(outline(events)).toEqual([
      'run_started',
      'user_message: Hello',
      'checkpoint_saved',
      'completed termination_condition',
    ]);
    expect(outcome).toMatchObject({ status: 'completed', reason: 'termination_condition' });
  });

  it('maxMessages "reaches": a tool-only reply with text passes it, the next final reply ends', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['t'] }],
      tools: [{ name: 't' }],
      termination: { maxMessages: 2 },
    });
    const { events } = await runScripted({
      doc,
      script: { a: [{ text: 'Working.', toolCalls: [{ name: 't' }] }, { text: 'Done.' }] },
    });
    expect(outline(events).slice(3)).toEqual([
      'agent_started a',
      'message a: Working.',
      'tool_call a t {}',
      'tool_result a t: t completed.',
      'checkpoint_saved',
      'agent_started a',
      'message a: Done.',
      'checkpoint_saved',
      'completed termination_condition',
    ]);
  });

  it('termination is not checked on a handoff', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [['a', 'b']],
      termination: { keywords: ['bye'] },
    });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ text: 'bye from a', toolCalls: [{ name: 'handoff_to_b' }] }],
        b: [{ text: 'b here' }],
      },
      inputs: [END],
    });
    expect(outline(events)).toContain('agent_started b');
    expect(outline(events).at(-1)).toBe('completed user_terminated');
  });

  it('maxUserMessages is checked when the user message arrives, before the agent runs', async () => {
    const doc = makeDoc({ agents: ['a'], termination: { maxUserMessages: 2 } });
    const { events } = await runScripted({
      doc,
      script: { a: [{ text: 'First answer.' }] },
      inputs: ['Second question'],
    });
    expect(outline(events).slice(3)).toEqual([
      'agent_started a',
      'message a: First answer.',
      'input_requested req-1 a',
      'checkpoint_saved',
      'user_message: Second question',
      'completed termination_condition',
    ]);
  });

  it('keywords match case-insensitively in the latest message: a user message', async () => {
    const doc = makeDoc({ agents: ['a'], termination: { keywords: ['GoodBye'] } });
    const { events } = await runScripted({
      doc,
      script: { a: [{ text: 'Hi.' }] },
      inputs: ['ok, goodbye then'],
    });
    expect(outline(events).slice(-2)).toEqual([
      'user_message: ok, goodbye then',
      'completed termination_condition',
    ]);
  });

  it('keywords in an agent final reply end the run after it, with a checkpoint first', async () => {
    const doc = makeDoc({ agents: ['a'], termination: { keywords: ['[done]'] } });
    const { events } = await runScripted({ doc, script: { a: [{ text: 'All set [DONE]' }] } });
    expect(outline(events).slice(3)).toEqual([
      'agent_started a',
      'message a: All set [DONE]',
      'checkpoint_saved',
      'completed termination_condition',
    ]);
  });

  it('keywords look only at the latest message, not earlier ones', async () => {
    const doc = makeDoc({ agents: ['a'], termination: { keywords: ['stop'] } });
    const { events, outcome } = await runScripted({
      doc,
      input: 'Hello',
      script: { a: [{ text: 'Say stop to end.' }, { text: 'Fine.' }] },
      inputs: ['no'],
    });
    // "stop" is in a's first reply, so the run ends right after it.
    expect(outcome).toMatchObject({ reason: 'termination_condition' });
    expect(outline(events)).not.toContain('user_message: no');
  });

  it('endOnTerminalAgent: a terminal agent final reply completes with terminal_agent', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [['a', 'b']],
      termination: { endOnTerminalAgent: true },
    });
    const { events } = await runScripted({
      doc,
      script: { a: [{ toolCalls: [{ name: 'handoff_to_b' }] }], b: [{ text: 'Final.' }] },
    });
    expect(outline(events).slice(-4)).toEqual([
      'agent_started b',
      'message b: Final.',
      'checkpoint_saved',
      'completed terminal_agent',
    ]);
  });

  it('endOnTerminalAgent does not end on a non-terminal agent final reply', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [['a', 'b']],
      termination: { endOnTerminalAgent: true },
    });
    const { events, outcome } = await runScripted({ doc, script: { a: [{ text: 'Question?' }] } });
    expect(outline(events).slice(-2)).toEqual(['input_requested req-1 a', 'checkpoint_saved']);
    expect(outcome).toMatchObject({
      status: 'paused',
      requests: [{ kind: 'input', requestId: 'req-1', agent: 'a' }],
    });
  });

  it('termination_condition takes precedence over terminal_agent', async () => {
    const doc = makeDoc({
      agents: ['a'],
      termination: { endOnTerminalAgent: true, keywords: ['x'] },
    });
    const { outcome } = await runScripted({ doc, script: { a: [{ text: 'x' }] } });
    expect(outcome).toMatchObject({ reason: 'termination_condition' });
  });

  it("the user's End completes with user_terminated and no user_message", async () => {
    const doc = makeDoc({ agents: ['a'] });
    const { events } = await runScripted({ doc, script: { a: [{ text: 'Hi.' }] }, inputs: [END] });
    expect(outline(events).slice(-3)).toEqual([
      'input_requested req-1 a',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    expect(events.filter((e) => e.type === 'user_message')).toHaveLength(1);
  });

  it('an empty (or blank) reply ends the run like End', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const { events, outcome } = await runScripted({
      doc,
      script: { a: [{ text: 'Hi.' }] },
      inputs: ['   '],
    });
    expect(outline(events).at(-1)).toBe('completed user_terminated');
    expect(outline(events)).not.toContain('user_message:    ');
    expect(outcome).toMatchObject({ status: 'completed', reason: 'user_terminated' });
  });

  it('returnToPrevious true: the reply goes to the agent that asked', async () => {
    const doc = makeDoc({ agents: ['a', 'b'], handoffs: [['a', 'b']] });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b' }] }],
        b: [{ text: 'Which order?' }, { text: 'Thanks.' }],
      },
      inputs: ['Order 5', END],
    });
    expect(outline(events).slice(-7)).toEqual([
      'checkpoint_saved',
      'user_message: Order 5',
      'agent_started b',
      'message b: Thanks.',
      'input_requested req-2 b',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    expect(outline(events).filter((l) => l.startsWith('handoff'))).toEqual(['handoff a -> b']);
  });

  it('returnToPrevious false: the reply goes to the start agent with no handoff, not counted by the loop guard', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [['a', 'b']],
      interaction: { returnToPrevious: false },
      termination: { maxHandoffsPerTurn: 1 },
    });
    const { events, outcome } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b' }] }, { toolCalls: [{ name: 'handoff_to_b' }] }],
        b: [{ text: 'Which order?' }, { text: 'Got it.' }],
      },
      inputs: ['Order 5', END],
    });
    expect(outline(events).slice(12)).toEqual([
      'user_message: Order 5',
      'agent_started a',
      'tool_call a handoff_to_b {}',
      'tool_result a handoff_to_b: {"handoff_to":"b"}',
      'handoff a -> b',
      'checkpoint_saved',
      'agent_started b',
      'message b: Got it.',
      'input_requested req-2 b',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    expect(outcome.status).toBe('completed');
  });

  it('loop guard: the (N+1)-th handoff since the user message gets an error result, then loop_guard', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [
        ['a', 'b'],
        ['b', 'a'],
      ],
      termination: { maxHandoffsPerTurn: 2 },
    });
    const { events, outcome } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b' }] }, { toolCalls: [{ name: 'handoff_to_b' }] }],
        b: [{ toolCalls: [{ name: 'handoff_to_a' }] }],
      },
    });
    expect(outline(events).slice(-4)).toEqual([
      'agent_started a',
      'tool_call a handoff_to_b {}',
      'tool_result a handoff_to_b (error): Error: handoff limit of 2 reached.',
      'failed loop_guard',
    ]);
    expect(events.filter((e) => e.type === 'handoff')).toHaveLength(2);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'loop_guard' } });
  });

  it('loop guard counts reset with every user message', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [
        ['a', 'b'],
        ['b', 'a'],
      ],
      termination: { maxHandoffsPerTurn: 1 },
    });
    const { events, outcome } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b' }] }],
        b: [{ text: 'b?' }, { toolCalls: [{ name: 'handoff_to_a' }] }],
      },
      inputs: ['again'],
    });
    // One handoff per user message is within the limit of 1; the run then needs a's 2nd reply.
    expect(
      events
        .filter((e): e is EventOf<'handoff'> => e.type === 'handoff')
        .map((e) => `${e.from}>${e.to}`),
    ).toEqual(['a>b', 'b>a']);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'script_exhausted' } });
  });
});
