/** docs/spec/run-semantics.md#final-replies, #turn-limits: autonomous continuation, turn limits and the count reset on gaining control. */
import { describe, expect, it } from 'vitest';
import type { ChatMessage, ModelProvider } from '../../../src/engine';
import { makeDoc, outline, runScripted } from '../../support/engineHarness';

const END = { end: true } as const;

/** A provider that records each request's messages and replies from a per-agent list. */
function recording(replies: Record<string, Array<{ text?: string; handoff?: string }>>) {
  const inputs: Array<{ agent: string; callIndex: number; messages: ChatMessage[] }> = [];
  const provider: ModelProvider = {
    id: 'recording',
    async complete(request) {
      inputs.push({
        agent: request.agent,
        callIndex: request.callIndex,
        messages: [...request.messages],
      });
      const reply = replies[request.agent]?.[request.callIndex];
      if (!reply) throw new Error(`no reply for ${request.agent} #${request.callIndex}`);
      return {
        text: reply.text ?? '',
        toolCalls: reply.handoff
          ? [{ id: `h${request.callIndex}`, name: `handoff_to_${reply.handoff}`, arguments: '{}' }]
          : [],
      };
    },
  };
  return { provider, inputs };
}

describe('autonomous scenarios', () => {
  it('an autonomous agent continues up to its turn limit, then asks the user', async () => {
    const doc = makeDoc({
      agents: ['a'],
      interaction: { mode: 'autonomous', turnLimits: { a: 2 } },
    });
    const { events } = await runScripted({
      doc,
      script: { a: [{ text: 'one' }, { text: 'two' }, { text: 'three' }] },
    });
    expect(outline(events).slice(3)).toEqual([
      'agent_started a',
      'message a: one',
      'checkpoint_saved',
      'agent_started a',
      'message a: two',
      'checkpoint_saved',
      'agent_started a',
      'message a: three',
      'input_requested req-1 a',
      'checkpoint_saved',
    ]);
  });

  it('the autonomous prompt is a private user-role message of that agent only', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [['a', 'b']],
      interaction: {
        mode: 'autonomous',
        autonomousAgents: ['a'],
        autonomousPrompt: 'Keep going.',
        turnLimits: { a: 1 },
      },
    });
    const { provider, inputs } = recording({
      a: [{ text: 'first' }, { handoff: 'b' }],
      b: [{ text: 'b answers' }],
    });
    const { events } = await runScripted({ doc, provider, inputs: [END] });
    const second = inputs[1]!;
    expect(second.agent).toBe('a');
    expect(second.messages.slice(1)).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'first' },
      { role: 'user', content: 'Keep going.' },
    ]);
    const b = inputs[2]!;
    expect(b.messages.slice(1)).toEqual([
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'first', name: 'a' },
    ]);
    // b is not autonomous (autonomousAgents lists only a): it asks the user at once.
    expect(outline(events).slice(-4)).toEqual([
      'message b: b answers',
      'input_requested req-1 b',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
  });

  it('the default turn limit is 50 continuations', async () => {
    const doc = makeDoc({ agents: ['a'], interaction: { mode: 'autonomous' } });
    const replies = Array.from({ length: 51 }, (_, i) => ({ text: `step ${i}` }));
    const { events } = await runScripted({ doc, script: { a: replies } });
    expect(events.filter((e) => e.type === 'agent_started')).toHaveLength(51);
    expect(outline(events).slice(-2)).toEqual(['input_requested req-1 a', 'checkpoint_saved']);
  });

  it('the count resets when an agent regains control by a handoff', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [
        ['a', 'b'],
        ['b', 'a'],
      ],
      interaction: { mode: 'autonomous', turnLimits: { a: 1, b: 1 } },
    });
    const { events } = await runScripted({
      doc,
      script: {
        // a: continues once (count 1 = limit), hands off; later regains control and may continue again.
        a: [
          { text: 'a1' },
          { toolCalls: [{ name: 'handoff_to_b' }] },
          { text: 'a3' },
          { text: 'a4' },
          { text: 'a5' },
        ],
        b: [{ toolCalls: [{ name: 'handoff_to_a' }] }],
      },
    });
    expect(
      outline(events).filter((l) => /^(agent_started|message|input_requested)/.test(l)),
    ).toEqual([
      'agent_started a',
      'message a: a1',
      'agent_started a',
      'agent_started b',
      'agent_started a',
      'message a: a3',
      'agent_started a',
      'message a: a4',
      'input_requested req-1 a',
    ]);
  });

  it('the count resets when a user message is routed to the agent', async () => {
    const doc = makeDoc({
      agents: ['a'],
      interaction: { mode: 'autonomous', turnLimits: { a: 1 } },
    });
    const { events } = await runScripted({
      doc,
      script: { a: [{ text: 'a1' }, { text: 'a2' }, { text: 'a3' }, { text: 'a4' }] },
      inputs: ['more'],
    });
    expect(
      outline(events).filter((l) => /^(message|input_requested|user_message)/.test(l)),
    ).toEqual([
      'user_message: Hello',
      'message a: a1',
      'message a: a2',
      'input_requested req-1 a',
      'user_message: more',
      'message a: a3',
      'message a: a4',
      'input_requested req-2 a',
    ]);
  });

  it('interactive mode never continues autonomously', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const { events } = await runScripted({ doc, script: { a: [{ text: 'only' }] } });
    expect(events.filter((e) => e.type === 'agent_started')).toHaveLength(1);
  });
});
