/**
 * Cost and time per model call: the engine's `usage` event (durations from the engine's clock,
 * the call it belongs to, estimates flagged), the simulator's estimates, and the trace
 * reducer's sums per call, per agent and per run, on the chat items and the turns.
 */
import { describe, expect, it } from 'vitest';
import { startRun, type EventOf, type ModelProvider, type RunEvent } from '../../src/engine';
import { createScriptProvider } from '../../src/providers/script';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { estimateUsage } from '../../src/providers/estimate';
import { chatItems, reduceAll, turnsForAgent } from '../../src/trace';
import { drive, makeDoc } from '../support/engineHarness';

const END = { end: true } as const;
const usages = (events: RunEvent[]) =>
  events.filter((e): e is EventOf<'usage'> => e.type === 'usage');

describe('usage events', () => {
  it('carry the call index and the duration measured with the engine clock', async () => {
    const doc = makeDoc({ agents: ['a', 'b'], handoffs: [['a', 'b']] });
    let time = 1000;
    const script = createScriptProvider({
      a: [
        {
          text: 'To b.',
          toolCalls: [{ name: 'handoff_to_b' }],
          usage: { promptTokens: 10, completionTokens: 3, totalTokens: 13 },
        },
      ],
      b: [
        { text: 'One.', usage: { promptTokens: 20, completionTokens: 2, totalTokens: 22 } },
        { text: 'Two.', usage: { promptTokens: 30, completionTokens: 4, totalTokens: 34 } },
      ],
    });
    // Each call takes 250 ms, 500 ms, 750 ms… of the injected clock.
    let calls = 0;
    const provider: ModelProvider = {
      id: 'script',
      complete: (request) => {
        time += 250 * ++calls;
        return script.complete(request);
      },
    };
    const handle = startRun({ document: doc, provider, input: 'Hi', clock: () => time });
    const { events } = await drive(handle, { inputs: ['more', END] });
    expect(usages(events).map(({ seq: _s, ...u }) => u)).toEqual([
      {
        type: 'usage',
        agent: 'a',
        promptTokens: 10,
        completionTokens: 3,
        totalTokens: 13,
        callIndex: 0,
        durationMs: 250,
      },
      {
        type: 'usage',
        agent: 'b',
        promptTokens: 20,
        completionTokens: 2,
        totalTokens: 22,
        callIndex: 0,
        durationMs: 500,
      },
      {
        type: 'usage',
        agent: 'b',
        promptTokens: 30,
        completionTokens: 4,
        totalTokens: 34,
        callIndex: 1,
        durationMs: 750,
      },
    ]);
  });

  it('are absent when the provider reports no usage', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const handle = startRun({
      document: doc,
      provider: createScriptProvider({ a: [{ text: 'Hi' }] }),
      input: 'Hi',
    });
    const { events } = await drive(handle, { inputs: [END] });
    expect(usages(events)).toEqual([]);
  });

  it('from the simulator are estimates, about four characters a token', async () => {
    const doc = makeDoc({ agents: ['a'] });
    const handle = startRun({
      document: doc,
      provider: createSimulatorProvider({ document: doc }),
      input: 'Hello',
      clock: () => 0,
    });
    const { events } = await drive(handle, { inputs: [END] });
    const [usage] = usages(events);
    const message = events.find((e): e is EventOf<'message'> => e.type === 'message')!;
    expect(usage).toMatchObject({ agent: 'a', estimated: true, durationMs: 0, callIndex: 0 });
    expect(usage!.completionTokens).toBe(Math.ceil(message.text.length / 4));
    expect(usage!.promptTokens).toBeGreaterThan(0);
    expect(usage!.totalTokens).toBe(usage!.promptTokens + usage!.completionTokens);
  });

  it('estimates count the messages, the tools offered and the reply', () => {
    const usage = estimateUsage(
      {
        messages: [
          { role: 'system', content: 'abcd' },
          { role: 'user', content: 'efgh' },
        ],
        tools: [{ name: 'ab', description: 'cd', parameters: {} }],
      },
      { text: 'abcde', toolCalls: [{ id: 'x', name: 'go', arguments: '{}' }] },
    );
    // 8 message chars + 2 + 2 + "{}" = 14 → 4 tokens; "abcde" + "go" + "{}" = 9 → 3 tokens.
    expect(usage).toEqual({
      promptTokens: 4,
      completionTokens: 3,
      totalTokens: 7,
      estimated: true,
    });
  });
});

let seq = 0;
const ev = (body: Record<string, unknown>) => ({ ...body, seq: ++seq }) as RunEvent;

describe('usage in the trace', () => {
  const events = (): RunEvent[] => {
    seq = 0;
    return [
      ev({ type: 'run_started', runId: 'r' }),
      ev({ type: 'user_message', text: 'Hi' }),
      // a streams its text, then reports usage: the figures go on the streaming message.
      ev({ type: 'agent_started', agent: 'a' }),
      ev({ type: 'text_delta', agent: 'a', delta: 'Over ' }),
      ev({ type: 'text_delta', agent: 'a', delta: 'to b.' }),
      ev({
        type: 'usage',
        agent: 'a',
        promptTokens: 100,
        completionTokens: 12,
        totalTokens: 112,
        callIndex: 0,
        durationMs: 1200,
      }),
      ev({ type: 'message', agent: 'a', text: 'Over to b.' }),
      ev({ type: 'tool_call', agent: 'a', callId: 'c1', name: 'handoff_to_b', arguments: {} }),
      ev({ type: 'handoff', from: 'a', to: 'b' }),
      // b calls a tool without text: the figures go on the tool call.
      ev({ type: 'agent_started', agent: 'b' }),
      ev({
        type: 'usage',
        agent: 'b',
        promptTokens: 200,
        completionTokens: 8,
        totalTokens: 208,
        callIndex: 0,
        durationMs: 300,
        estimated: true,
      }),
      ev({ type: 'tool_call', agent: 'b', callId: 'c2', name: 'lookup', arguments: {} }),
      ev({ type: 'tool_call', agent: 'b', callId: 'c3', name: 'lookup', arguments: {} }),
      // b answers without streaming, in a run recorded before durations (no durationMs).
      ev({ type: 'agent_started', agent: 'b' }),
      ev({ type: 'usage', agent: 'b', promptTokens: 250, completionTokens: 5, totalTokens: 255 }),
      ev({ type: 'message', agent: 'b', text: 'Done.' }),
    ];
  };

  it('sums per run and per agent', () => {
    const state = reduceAll(events());
    expect(state.usage).toEqual({
      calls: 3,
      promptTokens: 550,
      completionTokens: 25,
      totalTokens: 575,
      durationMs: 1500,
      estimated: true,
    });
    expect(state.agents.a?.usage).toEqual({
      calls: 1,
      promptTokens: 100,
      completionTokens: 12,
      totalTokens: 112,
      durationMs: 1200,
      estimated: false,
    });
    expect(state.agents.b?.usage).toMatchObject({ calls: 2, totalTokens: 463, durationMs: 300 });
  });

  it('puts each call on its turn and on the chat item its reply made', () => {
    const state = reduceAll(events());
    expect(turnsForAgent(state, 'a').map((t) => t.usage?.totalTokens)).toEqual([112]);
    expect(turnsForAgent(state, 'b').map((t) => t.usage)).toEqual([
      {
        promptTokens: 200,
        completionTokens: 8,
        totalTokens: 208,
        durationMs: 300,
        estimated: true,
      },
      { promptTokens: 250, completionTokens: 5, totalTokens: 255 },
    ]);
    const chat = chatItems(state).map((i) =>
      i.kind === 'message' || i.kind === 'tool'
        ? `${i.kind} ${i.kind === 'tool' ? i.callId : i.text} ${i.usage?.totalTokens ?? '-'}`
        : i.kind,
    );
    expect(chat).toEqual([
      'user',
      'message Over to b. 112',
      'tool c1 -',
      'handoff',
      'tool c2 208',
      'tool c3 -',
      'message Done. 255',
    ]);
  });

  it('shows the figures on the streaming message as soon as they come', () => {
    const all = events();
    const state = reduceAll(all.slice(0, 6));
    const tail = chatItems(state).at(-1);
    expect(tail).toMatchObject({ kind: 'message', streaming: true, usage: { durationMs: 1200 } });
  });

  it('ignores a usage event that names another call, and counts that are not numbers', () => {
    seq = 0;
    const state = reduceAll([
      ev({ type: 'run_started', runId: 'r' }),
      ev({ type: 'agent_started', agent: 'a' }),
      ev({
        type: 'usage',
        agent: 'a',
        promptTokens: 'many',
        completionTokens: 2,
        totalTokens: 2,
        callIndex: 5,
      }),
    ]);
    expect(turnsForAgent(state, 'a')[0]?.usage).toBeUndefined();
    expect(state.usage).toMatchObject({ calls: 1, promptTokens: 0, totalTokens: 2 });
  });
});
