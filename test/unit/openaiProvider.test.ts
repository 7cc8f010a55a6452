/**
 * The openai provider against the real `openai` SDK speaking HTTP to the local test server:
 * streaming, tool-call reassembly, the request shape, Azure, and the server's own contract.
 * Failures and Stop are in openaiProviderErrors.test.ts.
 */
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelRequest } from '../../src/engine/provider';
import { createOpenAIProvider } from '../../src/providers/openai';
import type { OpenAIProviderConfig } from '../../src/providers/openai';
import { byAgent, reply, startOpenAIServer, toolCalls } from '../support/openaiServer';
import type { OpenAIServer, OpenAIServerOptions } from '../support/openaiServer';
import { chunkEvents } from '../support/openaiSse';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options: OpenAIServerOptions, config: Partial<OpenAIProviderConfig> = {}) {
  server = await startOpenAIServer(options);
  const provider = createOpenAIProvider({
    baseURL: server.baseURL,
    apiKey: 'test-key',
    model: 'gpt-test',
    maxRetries: 1,
    timeoutMs: 5_000,
    ...config,
  });
  return { server, provider };
}

function call(overrides: Partial<ModelRequest> = {}) {
  const deltas: string[] = [];
  const request: ModelRequest = {
    agent: 'triage',
    callIndex: 0,
    model: undefined,
    temperature: undefined,
    messages: [
      { role: 'system', content: 'You are triage.' },
      { role: 'user', content: 'Hello' },
    ],
    tools: [],
    signal: new AbortController().signal,
    onTextDelta: (delta) => deltas.push(delta),
    ...overrides,
  };
  return { request, deltas };
}

describe('openai provider: streaming', () => {
  it('streams text as several deltas, in order, and records usage', async () => {
    const { provider } = await setup({
      script: [
        reply('The quick brown fox jumps.', {
          usage: { prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 },
        }),
      ],
    });
    const { request, deltas } = call();
    const result = await provider.complete(request);
    expect(deltas).toEqual(['The ', 'quick ', 'brown ', 'fox ', 'jumps.']);
    expect(result).toEqual({
      text: 'The quick brown fox jumps.',
      toolCalls: [],
      usage: { promptTokens: 11, completionTokens: 5, totalTokens: 16 },
    });
  });

  it('reassembles tool-call arguments split across many chunks', async () => {
    const args = JSON.stringify({ city: 'Paris', days: 3, note: 'window seat' });
    const scripted = toolCalls([{ id: 'call_a', name: 'book_trip', arguments: args }], {
      text: 'Booking.',
      argumentsChunkSize: 3,
    });
    // The server really sends the arguments in slices.
    const slices = chunkEvents(scripted, { stream: true }, 0).filter((e) =>
      e.includes('"arguments":"'),
    );
    expect(slices.length).toBeGreaterThan(10);
    const { provider } = await setup({ script: [scripted] });
    const { request, deltas } = call();
    const result = await provider.complete(request);
    expect(deltas.join('')).toBe('Booking.');
    expect(result.text).toBe('Booking.');
    expect(result.toolCalls).toEqual([{ id: 'call_a', name: 'book_trip', arguments: args }]);
  });

  it('reassembles several tool calls whose deltas are interleaved by index', async () => {
    const calls = [
      { name: 'lookup_order', arguments: '{"order_id":"A-1001","verbose":true}' },
      { name: 'handoff_to_refund_agent', arguments: '{"reason":"customer wants a refund"}' },
      { name: 'notify', arguments: '{}' },
    ];
    const { provider } = await setup({
      script: [toolCalls(calls, { interleaveToolCalls: true, argumentsChunkSize: 4 })],
    });
    const result = await provider.complete(call().request);
    expect(result.text).toBe('');
    expect(result.toolCalls).toEqual([
      { id: 'call_0_0', ...calls[0] },
      { id: 'call_0_1', ...calls[1] },
      { id: 'call_0_2', ...calls[2] },
    ]);
  });

  it('returns tool-call arguments that are not valid JSON as they came', async () => {
    const { provider } = await setup({
      script: [toolCalls([{ id: 'c1', name: 'lookup_order', arguments: '{"order_id": "A-1' }])],
    });
    const result = await provider.complete(call().request);
    expect(result.toolCalls).toEqual([
      { id: 'c1', name: 'lookup_order', arguments: '{"order_id": "A-1' },
    ]);
  });
});

describe('openai provider: one signal for a whole run', () => {
  it('leaves no abort listener behind on the run signal after each call', async () => {
    const { provider } = await setup({ handler: () => reply('ok') });
    const run = new AbortController();
    for (let i = 0; i < 15; i++) {
      await provider.complete(call({ signal: run.signal, callIndex: i }).request);
    }
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });
});

describe('openai provider: request shape', () => {
  it('sends the messages, tools, model, temperature and stream options', async () => {
    const { server, provider } = await setup({ script: [reply('ok')] });
    const { request } = call({
      model: 'gpt-agent-model',
      temperature: 0.3,
      messages: [
        { role: 'system', content: 'You are billing.' },
        { role: 'user', content: 'I was charged twice.' },
        { role: 'assistant', content: 'Let me route you.', name: 'triage agent!' },
        {
          role: 'assistant',
          content: null,
          toolCalls: [{ id: 'call_1', name: 'lookup_charge', arguments: '{"id":"ch_1"}' }],
        },
        { role: 'tool', toolCallId: 'call_1', content: 'Charge ch_1: $20, twice.' },
      ],
      tools: [
        {
          name: 'lookup_charge',
          description: 'Look up a charge.',
          parameters: { type: 'object', properties: { id: { type: 'string' } } },
        },
      ],
    });
    await provider.complete(request);
    expect(server.chatBodies()).toHaveLength(1);
    const body = server.chatBodies()[0]!;
    expect(body.model).toBe('gpt-agent-model');
    expect(body.temperature).toBe(0.3);
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are billing.' },
      { role: 'user', content: 'I was charged twice.' },
      { role: 'assistant', content: 'Let me route you.', name: 'triage_agent_' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'lookup_charge', arguments: '{"id":"ch_1"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'Charge ch_1: $20, twice.' },
    ]);
    expect(body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'lookup_charge',
          description: 'Look up a charge.',
          parameters: { type: 'object', properties: { id: { type: 'string' } } },
        },
      },
    ]);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer test-key');
  });

  it('falls back to the configured model and leaves out temperature and an empty tool list', async () => {
    const { server, provider } = await setup({ script: [reply('ok')] }, { model: 'cfg-model' });
    await provider.complete(call().request);
    const body = server.chatBodies()[0]!;
    expect(body.model).toBe('cfg-model');
    expect('temperature' in body).toBe(false);
    expect('tools' in body).toBe(false);
  });

  it('lets a script answer by agent, recognised from the system message', async () => {
    const { provider } = await setup({
      handler: byAgent({
        triage: { match: 'You are triage.', responses: [reply('triage here')] },
        billing: { match: /billing/, responses: [reply('billing here')] },
      }),
    });
    const billing = call({
      messages: [
        { role: 'system', content: 'You handle billing.' },
        { role: 'user', content: 'hi' },
      ],
    });
    expect((await provider.complete(billing.request)).text).toBe('billing here');
    expect((await provider.complete(call().request)).text).toBe('triage here');
  });
});

describe('openai provider: Azure OpenAI', () => {
  it('calls the deployment path with api-version and the api-key header', async () => {
    server = await startOpenAIServer({ apiKey: 'azure-key', script: [reply('from azure')] });
    const azure = createOpenAIProvider({
      apiKey: 'azure-key',
      azure: { endpoint: server.url, apiVersion: '2024-10-21', deployment: 'my-deployment' },
      maxRetries: 0,
    });
    expect(azure.id).toBe('openai');
    const result = await azure.complete(call().request);
    expect(result.text).toBe('from azure');
    const recorded = server.requests[0]!;
    expect(recorded.path).toBe('/openai/deployments/my-deployment/chat/completions');
    expect(recorded.query.get('api-version')).toBe('2024-10-21');
    expect(recorded.headers['api-key']).toBe('azure-key');
  });
});

describe('test server', () => {
  it('answers CORS preflight for browser use', async () => {
    server = await startOpenAIServer();
    const response = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-os',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(server.requests).toHaveLength(0);
  });

  it('answers without streaming when stream is false, and lists models', async () => {
    server = await startOpenAIServer({ script: [toolCalls([{ name: 'f', arguments: '{}' }])] });
    const response = await fetch(`${server.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const body = (await response.json()) as {
      choices: Array<{ message: { tool_calls: unknown[] }; finish_reason: string }>;
    };
    expect(body.choices[0]!.finish_reason).toBe('tool_calls');
    expect(body.choices[0]!.message.tool_calls).toHaveLength(1);
    const models = (await (await fetch(`${server.baseURL}/models`)).json()) as {
      data: Array<{ id: string }>;
    };
    expect(models.data.map((m) => m.id)).toEqual(['gpt-test', 'gpt-test-mini']);
  });
});
