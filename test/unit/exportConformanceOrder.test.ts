/**
 * Issue 12 (the exported Python on Agent Framework): conformance compares the order of events
 * within a reply (conformance/replyOrder.ts). The engine's reply must follow docs/spec/events.md
 * (each call directly followed by its result); Agent Framework streams a reply's calls before its
 * results; after that one documented move the two must be equal token by token.
 */
import { describe, expect, it } from 'vitest';
import {
  afReplies,
  engineReplies,
  engineOrderProblem,
  replyOrderDifference,
} from '../../conformance/replyOrder';
import type { DriverEvent } from '../../conformance/trace';
import type { RunEvent } from '../../src/engine';

let seq = 0;
const ev = (event: Record<string, unknown>) => ({ seq: ++seq, ...event }) as unknown as RunEvent;
const call = (id: string, name: string) =>
  ev({ type: 'tool_call', agent: 'a', callId: id, name, arguments: {} });
const result = (id: string, name: string) =>
  ev({ type: 'tool_result', agent: 'a', callId: id, name, result: 'ok', isError: false });

/** The engine's stream for a reply with text, two calls and a handoff, in its documented order. */
const engineInOrder = (): RunEvent[] => [
  ev({ type: 'agent_started', agent: 'a' }),
  ev({ type: 'message', agent: 'a', text: 'Checking.' }),
  call('e1', 'lookup'),
  result('e1', 'lookup'),
  call('e2', 'stock'),
  result('e2', 'stock'),
  call('e3', 'handoff_to_b'),
  result('e3', 'handoff_to_b'),
  ev({ type: 'handoff', from: 'a', to: 'b' }),
];

/** Agent Framework's report of the same reply: calls streamed first, then results. */
const afInOrder = (): DriverEvent[] => [
  { t: 'model', agent: 'a' },
  { t: 'text', agent: 'a', text: 'Check' },
  { t: 'text', agent: 'a', text: 'ing.' },
  { t: 'call', agent: 'a', callId: 'x1', name: 'lookup' },
  { t: 'call', agent: 'a', callId: 'x2', name: 'stock' },
  { t: 'call', agent: 'a', callId: 'x3', name: 'handoff_to_b' },
  ...(['x1:lookup', 'x2:stock', 'x3:handoff_to_b'] as const).map((pair): DriverEvent => {
    const [callId, name] = pair.split(':') as [string, string];
    return { t: 'result', agent: 'a', callId, name, arguments: {}, result: 'ok' };
  }),
  { t: 'handoff', from: 'a', to: 'b' },
];

describe('conformance: the order of events within a reply', () => {
  it('agrees when each side keeps its documented order', () => {
    const engine = engineReplies(engineInOrder());
    expect(engine[0]!.tokens).toEqual([
      'text',
      'call#1 lookup',
      'result#1 lookup',
      'call#2 stock',
      'result#2 stock',
      'call#3 handoff_to_b',
      'result#3 handoff_to_b',
      'handoff b',
    ]);
    expect(replyOrderDifference(engine, afReplies(afInOrder()))).toBeUndefined();
  });

  it("finds an engine reply that announces all its calls before the results (events.md's order)", () => {
    const events = engineInOrder();
    // call e2 moved before result e1: every call first, as before issue 12's fix.
    const [e1Result, e2Call] = [events[3]!, events[4]!];
    events[3] = e2Call;
    events[4] = e1Result;
    const difference = replyOrderDifference(engineReplies(events), afReplies(afInOrder()));
    expect(difference).toContain("the engine's order breaks events.md");
    expect(difference).toContain('call#1 lookup followed by call#2 stock');
  });

  it('finds Agent Framework results that come out of call order', () => {
    const events = afInOrder();
    const [first, second] = [events[6]!, events[7]!];
    events[6] = second;
    events[7] = first;
    const difference = replyOrderDifference(engineReplies(engineInOrder()), afReplies(events));
    expect(difference).toContain('reply 1:');
    expect(difference).toContain(
      'AF a [text, call#1 lookup, call#2 stock, call#3 handoff_to_b, result#2 stock',
    );
  });

  it('finds a handoff announced before the results on the Agent Framework side', () => {
    const events = afInOrder();
    const handoff = events.pop()!;
    events.splice(6, 0, handoff);
    expect(replyOrderDifference(engineReplies(engineInOrder()), afReplies(events))).toContain(
      'handoff b, result#1 lookup',
    );
  });

  it("checks the engine's documented order of a reply on its own", () => {
    expect(engineOrderProblem(['call#1 x', 'text', 'result#1 x'])).toBe('text after call#1 x');
    expect(engineOrderProblem(['call#1 x', 'handoff b', 'result#1 x'])).toBe(
      'handoff b before result#1 x',
    );
    // An approval-gated reply: every call, the requests, then the results in call order.
    expect(
      engineOrderProblem(['call#1 x', 'call#2 y', 'approval#1 x', 'result#1 x', 'result#2 y']),
    ).toBeUndefined();
    expect(
      engineOrderProblem(['call#1 x', 'call#2 y', 'approval#1 x', 'result#2 y', 'result#1 x']),
    ).toBe('results not in call order');
    expect(engineOrderProblem(['call#1 x', 'approval#1 x', 'call#2 y', 'result#1 x'])).toBe(
      'call#2 y after a request',
    );
    expect(
      engineOrderProblem(['call#1 x', 'call#2 y', 'approval#1 x', 'result#2 y', 'approval#2 y']),
    ).toBe('result#2 y before a request');
  });

  it('finds a reply only one side made', () => {
    expect(replyOrderDifference(engineReplies(engineInOrder()), [])).toBe(
      'reply 1: only the engine made it',
    );
  });
});
