/** docs/spec/run-semantics.md#the-shared-transcript: what each agent's model sees. */
import { describe, expect, it } from 'vitest';
import { Transcript, type ChatMessage, type ModelProvider } from '../../src/engine';
import { makeDoc, runScripted } from '../support/engineHarness';

describe('Transcript.inputFor', () => {
  const build = () => {
    const t = new Transcript();
    t.append({ kind: 'user', text: 'Hi' });
    t.append({ kind: 'assistant', agent: 'a', text: 'Routing.' });
    t.append({
      kind: 'calls',
      agent: 'a',
      calls: [{ id: 'c1', name: 'handoff_to_b', arguments: '{}' }],
      withText: true,
    });
    t.append({
      kind: 'result',
      agent: 'a',
      callId: 'c1',
      name: 'handoff_to_b',
      result: '{"handoff_to":"b"}',
      isError: false,
    });
    t.append({
      kind: 'calls',
      agent: 'b',
      calls: [{ id: 'c2', name: 'lookup', arguments: '{"id":1}' }],
      withText: false,
    });
    t.append({
      kind: 'result',
      agent: 'b',
      callId: 'c2',
      name: 'lookup',
      result: 'found',
      isError: false,
    });
    t.append({ kind: 'autonomous', agent: 'b', text: 'Continue.' });
    t.append({ kind: 'assistant', agent: 'b', text: 'Here it is.' });
    return t;
  };

  it("gives an agent the shared transcript with its own private items, others' messages named", () => {
    const t = build();
    expect(t.inputFor('b', 'You are b.')).toEqual<ChatMessage[]>([
      { role: 'system', content: 'You are b.' },
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Routing.', name: 'a' },
      {
        role: 'assistant',
        content: null,
        toolCalls: [{ id: 'c2', name: 'lookup', arguments: '{"id":1}' }],
      },
      { role: 'tool', toolCallId: 'c2', content: 'found' },
      { role: 'user', content: 'Continue.' },
      { role: 'assistant', content: 'Here it is.' },
    ]);
  });

  it("keeps a reply's text and calls in one assistant message, each call followed by its result", () => {
    const t = build();
    expect(t.inputFor('a', 'You are a.')).toEqual<ChatMessage[]>([
      { role: 'system', content: 'You are a.' },
      { role: 'user', content: 'Hi' },
      {
        role: 'assistant',
        content: 'Routing.',
        toolCalls: [{ id: 'c1', name: 'handoff_to_b', arguments: '{}' }],
      },
      { role: 'tool', toolCallId: 'c1', content: '{"handoff_to":"b"}' },
      { role: 'assistant', content: 'Here it is.', name: 'b' },
    ]);
  });

  it('omits an empty system prompt and hides every private item from a third agent', () => {
    expect(build().inputFor('c', '')).toEqual<ChatMessage[]>([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Routing.', name: 'a' },
      { role: 'assistant', content: 'Here it is.', name: 'b' },
    ]);
  });

  it('builds views incrementally: later items extend the earlier view', () => {
    const t = build();
    const before = [...t.inputFor('c', 'sys')];
    t.append({ kind: 'user', text: 'More' });
    const after = t.inputFor('c', 'sys');
    expect(after).toEqual([...before, { role: 'user', content: 'More' }]);
    expect(before).toHaveLength(4);
    expect(t.sharedLength).toBe(4);
    expect(t.latestShared()).toEqual({ kind: 'user', text: 'More' });
  });

  it('a long run stays linear: 20,000 items, one view update per append', () => {
    const t = new Transcript();
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) {
      t.append({ kind: 'user', text: `m${i}` });
      t.inputFor(i % 2 === 0 ? 'a' : 'b', 'sys');
    }
    expect(t.inputFor('a', 'sys')).toHaveLength(20_001);
    // Rebuilding every view from scratch would take seconds here.
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('model input through the engine', () => {
  it('the receiving agent sees the caller’s text, not its handoff call; instructions and tools per agent', async () => {
    const doc = makeDoc({
      agents: [{ name: 'a', tools: ['t'] }, 'b'],
      handoffs: [['a', 'b']],
      tools: [{ name: 't', result: 'T done.' }],
    });
    const requests: Array<{ agent: string; messages: ChatMessage[]; tools: string[] }> = [];
    const provider: ModelProvider = {
      id: 'probe',
      async complete(request) {
        requests.push({
          agent: request.agent,
          messages: [...request.messages],
          tools: request.tools.map((t) => t.name),
        });
        if (request.agent === 'a' && request.callIndex === 0) {
          return { text: 'Checking.', toolCalls: [{ id: 'k1', name: 't', arguments: '{}' }] };
        }
        if (request.agent === 'a')
          return {
            text: '',
            toolCalls: [{ id: 'k2', name: 'handoff_to_b', arguments: '{"reason":"x"}' }],
          };
        return { text: 'b here.', toolCalls: [] };
      },
    };
    await runScripted({ doc, provider, inputs: [{ end: true }] });
    expect(requests.map((r) => [r.agent, r.tools])).toEqual([
      ['a', ['t', 'handoff_to_b']],
      ['a', ['t', 'handoff_to_b']],
      ['b', []],
    ]);
    expect(requests[1]!.messages).toEqual([
      { role: 'system', content: 'You are a.' },
      { role: 'user', content: 'Hello' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [{ id: 'k1', name: 't', arguments: '{}' }],
      },
      { role: 'tool', toolCallId: 'k1', content: 'T done.' },
    ]);
    expect(requests[2]!.messages).toEqual([
      { role: 'system', content: 'You are b.' },
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Checking.', name: 'a' },
    ]);
  });
});
