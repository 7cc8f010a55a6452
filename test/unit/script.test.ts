import { describe, expect, it } from 'vitest';
import { HandoffStudioError, type ModelRequest } from '../../src/engine';
import {
  createScriptProvider,
  parseScript,
  parseScriptText,
  splitIntoDeltas,
} from '../../src/providers/script';

function request(agent: string, callIndex: number, signal = new AbortController().signal) {
  const deltas: string[] = [];
  const req: ModelRequest = {
    agent,
    callIndex,
    model: undefined,
    temperature: undefined,
    messages: [],
    tools: [],
    signal,
    onTextDelta: (d) => deltas.push(d),
  };
  return { req, deltas };
}

describe('script provider', () => {
  const script = {
    triage_agent: [
      {
        text: 'Routing you to refunds.',
        toolCalls: [{ name: 'handoff_to_refund_agent', arguments: {} }],
      },
    ],
    refund_agent: [
      { toolCalls: [{ name: 'process_refund', arguments: { order_number: '123' } }] },
      { text: 'Your refund is on its way.' },
    ],
  };

  it('replays by agent and callIndex, statelessly, streaming text as deltas', async () => {
    const provider = createScriptProvider(script);
    const second = request('refund_agent', 1);
    expect(await provider.complete(second.req)).toEqual({
      text: 'Your refund is on its way.',
      toolCalls: [],
    });
    expect(second.deltas).toEqual(['Your ', 'refund ', 'is ', 'on ', 'its ', 'way.']);
    const first = request('refund_agent', 0);
    expect(await provider.complete(first.req)).toEqual({
      text: '',
      toolCalls: [
        { id: 'refund_agent-0-0', name: 'process_refund', arguments: '{"order_number":"123"}' },
      ],
    });
    expect(first.deltas).toEqual([]);
  });

  it('a missing entry throws script_exhausted naming the agent and the call number', async () => {
    const provider = createScriptProvider(script);
    const attempt = provider.complete(request('refund_agent', 2).req);
    await expect(attempt).rejects.toBeInstanceOf(HandoffStudioError);
    await expect(attempt).rejects.toMatchObject({
      code: 'script_exhausted',
      message:
        'Script exhausted: "refund_agent" was called for the 3rd time, but the script holds 2 replies for "refund_agent".',
    });
    await expect(provider.complete(request('order_agent', 0).req)).rejects.toThrow(
      'Script exhausted: "order_agent" was called for the 1st time, but the script has no replies for "order_agent".',
    );
  });

  it('raw string arguments are replayed verbatim; ids are kept', async () => {
    const provider = createScriptProvider({
      a: [{ toolCalls: [{ name: 't', arguments: '{oops', id: 'x' }] }],
    });
    expect((await provider.complete(request('a', 0).req)).toolCalls).toEqual([
      { id: 'x', name: 't', arguments: '{oops' },
    ]);
  });

  it('stops streaming when the signal aborts', async () => {
    const controller = new AbortController();
    const { req, deltas } = request('refund_agent', 1, controller.signal);
    const streaming = createScriptProvider(script).complete({
      ...req,
      onTextDelta: (d) => {
        deltas.push(d);
        if (deltas.length === 2) controller.abort();
      },
    });
    await expect(streaming).rejects.toMatchObject({ name: 'AbortError' });
    expect(deltas).toEqual(['Your ', 'refund ']);
  });

  it('refuses malformed scripts with the path of every problem', () => {
    expect(() =>
      parseScript({ a: [{ text: 1 }], b: [{ toolCalls: [{ arguments: {} }] }], c: {} }),
    ).toThrow(/a\[0\]\.text: .*; b\[0\]\.toolCalls\[0\]\.name: .*; c: /);
    expect(() => parseScript({ a: [{ toolcalls: [] }] })).toThrow(/a\[0\]: .*toolcalls/);
    expect(() => parseScript([])).toThrow(HandoffStudioError);
    expect(() => parseScriptText('{')).toThrow(/not valid JSON/);
    const error = (() => {
      try {
        parseScriptText('{"a": 3}');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toMatchObject({
      code: 'invalid_script',
      message: expect.stringContaining('a: '),
    });
    expect(parseScriptText(JSON.stringify(script))).toEqual(script);
  });

  it('splits text into word deltas that join back to the text', () => {
    const text = '  Hello,\n world  again ';
    expect(splitIntoDeltas(text)).toEqual(['  Hello,\n ', 'world  ', 'again ']);
    expect(splitIntoDeltas(text).join('')).toBe(text);
    expect(splitIntoDeltas('   ')).toEqual(['   ']);
    expect(splitIntoDeltas('')).toEqual([]);
  });
});
