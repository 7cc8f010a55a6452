/** docs/spec/run-semantics.md#handoff-tools, #topology, #one-turn; docs/spec/events.md: handoffs, topology and the answers to tool calls. */
import { describe, expect, it } from 'vitest';
import type { EventOf } from '../../../src/engine';
import { makeDoc, outline, runScripted } from '../../support/engineHarness';

const END = { end: true } as const;

describe('handoff scenarios', () => {
  it('chain a → b → c: text first, then each call with its result, then the handoff', async () => {
    const doc = makeDoc({
      agents: ['a', 'b', 'c'],
      handoffs: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    const { events, outcome } = await runScripted({
      doc,
      script: {
        a: [
          {
            text: 'To b.',
            toolCalls: [{ name: 'handoff_to_b', arguments: { reason: 'billing' } }],
          },
        ],
        b: [{ toolCalls: [{ name: 'handoff_to_c' }] }],
        c: [{ text: 'Done.' }],
      },
      inputs: [END],
    });
    expect(outline(events)).toEqual([
      'run_started',
      'user_message: Hello',
      'checkpoint_saved',
      'agent_started a',
      'message a: To b.',
      'tool_call a handoff_to_b {"reason":"billing"}',
      'tool_result a handoff_to_b: {"handoff_to":"b"}',
      'handoff a -> b',
      'checkpoint_saved',
      'agent_started b',
      'tool_call b handoff_to_c {}',
      'tool_result b handoff_to_c: {"handoff_to":"c"}',
      'handoff b -> c',
      'checkpoint_saved',
      'agent_started c',
      'message c: Done.',
      'input_requested req-1 c',
      'checkpoint_saved',
      'completed user_terminated',
    ]);
    const handoff = events.find((e): e is EventOf<'handoff'> => e.type === 'handoff');
    expect(handoff?.reason).toBe('billing');
    expect(outcome).toEqual({ status: 'completed', runId: 'run-1', reason: 'user_terminated' });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  });

  it('ping-pong a ⇄ b on one user message, each handoff resetting who is active', async () => {
    const doc = makeDoc({
      agents: ['a', 'b'],
      handoffs: [
        ['a', 'b'],
        ['b', 'a'],
      ],
    });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b' }] }, { text: 'Back with a.' }],
        b: [{ toolCalls: [{ name: 'handoff_to_a' }] }],
      },
      inputs: [END],
    });
    expect(
      outline(events).filter((l) => l.startsWith('handoff') || l.startsWith('agent_started')),
    ).toEqual([
      'agent_started a',
      'handoff a -> b',
      'agent_started b',
      'handoff b -> a',
      'agent_started a',
    ]);
  });

  it('implied mesh: with no edges every agent gets a handoff tool to every other, none to itself', async () => {
    const doc = makeDoc({ agents: ['a', 'b', 'c'] });
    const seen: Record<string, string[]> = {};
    const { events } = await runScripted({
      doc,
      provider: {
        id: 'probe',
        async complete(request) {
          seen[request.agent] = request.tools.map((t) => t.name);
          if (request.agent === 'a')
            return { text: '', toolCalls: [{ id: 'x1', name: 'handoff_to_c', arguments: '{}' }] };
          return { text: 'c here', toolCalls: [] };
        },
      },
      inputs: [END],
    });
    expect(seen).toEqual({
      a: ['handoff_to_b', 'handoff_to_c'],
      c: ['handoff_to_a', 'handoff_to_b'],
    });
    expect(outline(events)).toContain('handoff a -> c');
  });

  it('asymmetric edges: b may not hand back to a; the call is unknown_tool and b is called again', async () => {
    const doc = makeDoc({ agents: ['a', 'b'], handoffs: [['a', 'b']] });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ toolCalls: [{ name: 'handoff_to_b' }] }],
        b: [{ toolCalls: [{ name: 'handoff_to_a' }] }, { text: 'Staying.' }],
      },
      inputs: [END],
    });
    expect(outline(events).slice(8, 15)).toEqual([
      'agent_started b',
      'tool_call b handoff_to_a {}',
      'tool_result b handoff_to_a (error): Error: Requested function "handoff_to_a" not found.',
      'warning unknown_tool',
      'checkpoint_saved',
      'agent_started b',
      'message b: Staying.',
    ]);
    const warning = events.find((e): e is EventOf<'warning'> => e.type === 'warning');
    expect(warning).toMatchObject({ code: 'unknown_tool', agent: 'b' });
    expect(outline(events)).not.toContain('handoff b -> a');
  });

  it('several handoff calls in one reply: the first wins, the rest are ignored with extra_handoff', async () => {
    const doc = makeDoc({
      agents: ['a', 'b', 'c'],
      handoffs: [
        ['a', 'b'],
        ['a', 'c'],
      ],
    });
    const { events } = await runScripted({
      doc,
      script: {
        a: [
          {
            toolCalls: [
              { name: 'handoff_to_c' },
              { name: 'handoff_to_b' },
              { name: 'handoff_to_c' },
            ],
          },
        ],
        c: [{ text: 'c took it.' }],
      },
      inputs: [END],
    });
    expect(outline(events).slice(3, 14)).toEqual([
      'agent_started a',
      'tool_call a handoff_to_c {}',
      'tool_result a handoff_to_c: {"handoff_to":"c"}',
      'tool_call a handoff_to_b {}',
      'tool_result a handoff_to_b: Ignored: only one handoff per reply.',
      'warning extra_handoff',
      'tool_call a handoff_to_c {}',
      'tool_result a handoff_to_c: Ignored: only one handoff per reply.',
      'warning extra_handoff',
      'handoff a -> c',
      'checkpoint_saved',
    ]);
  });

  it('an ordinary tool result fills the template; the agent is called again with it', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['lookup'] }],
      tools: [
        {
          name: 'lookup',
          parameters: {
            type: 'object',
            properties: { id: { type: 'string' }, n: { type: 'number' } },
          },
          result: 'Item {{id}} has {{ n }} left ({{missing}}).',
        },
      ],
    });
    const { events } = await runScripted({
      doc,
      script: {
        a: [
          { toolCalls: [{ name: 'lookup', arguments: { id: 'X7', n: 3 } }] },
          { text: 'Three left.' },
        ],
      },
      inputs: [END],
    });
    expect(outline(events).slice(3, 10)).toEqual([
      'agent_started a',
      'tool_call a lookup {"id":"X7","n":3}',
      'tool_result a lookup: Item X7 has 3 left ({{missing}}).',
      'checkpoint_saved',
      'agent_started a',
      'message a: Three left.',
      'input_requested req-1 a',
    ]);
  });

  it('a tool without a result template answers "<name> completed."', async () => {
    const doc = makeDoc({ agents: [{ name: 'a', tools: ['ping'] }], tools: [{ name: 'ping' }] });
    const { events } = await runScripted({
      doc,
      script: { a: [{ toolCalls: [{ name: 'ping' }] }, { text: 'ok' }] },
      inputs: [END],
    });
    expect(outline(events)).toContain('tool_result a ping: ping completed.');
  });

  it('invalid JSON arguments get an error result; a handoff with them is not taken', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['t'] }, 'b'],
      handoffs: [['a', 'b']],
      tools: [{ name: 't' }],
    });
    const { events } = await runScripted({
      doc,
      script: {
        a: [
          {
            toolCalls: [
              { name: 't', arguments: '{"x":' },
              { name: 'handoff_to_b', arguments: '[1]' },
            ],
          },
          { text: 'Hmm.' },
        ],
      },
      inputs: [END],
    });
    expect(outline(events).slice(3, 9)).toEqual([
      'agent_started a',
      'tool_call a t {"x":',
      'tool_result a t (error): Error: invalid JSON arguments.',
      'tool_call a handoff_to_b [1]',
      'tool_result a handoff_to_b (error): Error: invalid JSON arguments.',
      'checkpoint_saved',
    ]);
    const call = events.find((e): e is EventOf<'tool_call'> => e.type === 'tool_call');
    expect(call?.arguments).toBe('{"x":');
    expect(outline(events)).not.toContain('handoff a -> b');
  });

  it('a call to a tool the agent does not have (declared for another agent) is unknown_tool', async () => {
    const doc = makeDoc({
      agents: ['a', { name: 'b', tools: ['secret'] }],
      handoffs: [['a', 'b']],
      tools: [{ name: 'secret' }],
    });
    const { events } = await runScripted({
      doc,
      script: { a: [{ toolCalls: [{ name: 'secret' }, { name: 'nope' }] }, { text: 'ok' }] },
      inputs: [END],
    });
    expect(
      outline(events).filter((l) => l.startsWith('tool_result') || l.startsWith('warning')),
    ).toEqual([
      'tool_result a secret (error): Error: Requested function "secret" not found.',
      'warning unknown_tool',
      'tool_result a nope (error): Error: Requested function "nope" not found.',
      'warning unknown_tool',
    ]);
  });

  it('reports usage after the call when the provider gives it', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const { events } = await runScripted({
      doc,
      script: {
        a: [{ text: 'Hi there', usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7 } }],
      },
      inputs: [END],
    });
    expect(outline(events, { deltas: true }).slice(3, 8)).toEqual([
      'agent_started a',
      'text_delta a "Hi "',
      'text_delta a "there"',
      'usage a 7',
      'message a: Hi there',
    ]);
  });
});
