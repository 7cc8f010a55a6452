/**
 * The openai provider's failures and Stop, with the real `openai` SDK against the local test
 * server: each fault becomes a `HandoffStudioError` with a stable code and a key-free message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffStudioError, isAbortError } from '../../src/engine/errors';
import type { ModelRequest } from '../../src/engine/provider';
import { createOpenAIProvider, testConnection } from '../../src/providers/openai';
import type { OpenAIProviderConfig } from '../../src/providers/openai';
import {
  modelNotFound,
  rateLimited,
  reply,
  serverError,
  startOpenAIServer,
} from '../support/openaiServer';
import type { OpenAIServer, OpenAIServerOptions } from '../support/openaiServer';

const SECRET = 'sk-test-SECRET-0123456789abcdef';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options: OpenAIServerOptions, config: Partial<OpenAIProviderConfig> = {}) {
  server = await startOpenAIServer(options);
  const provider = createOpenAIProvider({
    baseURL: server.baseURL,
    apiKey: SECRET,
    model: 'gpt-test',
    maxRetries: 2,
    timeoutMs: 5_000,
    ...config,
  });
  return { server, provider };
}

function call(signal = new AbortController().signal) {
  const deltas: string[] = [];
  const request: ModelRequest = {
    agent: 'triage',
    callIndex: 0,
    model: undefined,
    temperature: undefined,
    messages: [{ role: 'user', content: 'Hello' }],
    tools: [],
    signal,
    onTextDelta: (delta) => deltas.push(delta),
  };
  return { request, deltas };
}

/** The rejection of `promise`, which must be a HandoffStudioError. */
async function failure(promise: Promise<unknown>): Promise<HandoffStudioError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HandoffStudioError);
  const studioError = error as HandoffStudioError;
  expect(studioError.message).not.toContain(SECRET);
  expect(studioError.fault).toBe('provider');
  return studioError;
}

describe('openai provider: retries', () => {
  it('retries a 429 after retry-after and then succeeds', async () => {
    const { server, provider } = await setup({ script: [rateLimited(40), reply('made it')] });
    expect((await provider.complete(call().request)).text).toBe('made it');
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(35);
  });

  it('gives up on 429 after the retries with provider_rate_limited', async () => {
    const { server, provider } = await setup(
      { script: [rateLimited(1), rateLimited(1), rateLimited(1)] },
      { maxRetries: 2 },
    );
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_rate_limited');
    expect(error.message).toContain('HTTP 429');
    expect(server.requests).toHaveLength(3);
  });

  it('retries a 500 and then fails with provider_error naming the status', async () => {
    const { server, provider } = await setup({
      script: [serverError(1), serverError(1), serverError(1)],
    });
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_error');
    expect(error.message).toMatch(/HTTP 500/);
    expect(error.message).toContain(`${new URL(server.url).host}`);
    expect(server.requests).toHaveLength(3);
  });
});

describe('openai provider: errors', () => {
  it('maps 401 to provider_auth without repeating the key the server quoted', async () => {
    const { server, provider } = await setup({ apiKey: 'the-right-key' });
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_auth');
    expect(error.message).toBe(
      `The API key was refused by ${new URL(server.url).host} (HTTP 401). ` +
        'Check the key in the provider settings.',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('maps an unknown model to provider_not_found', async () => {
    const { server, provider } = await setup(
      { handler: (r) => modelNotFound(String(r.body?.model)) },
      { model: 'gpt-nope' },
    );
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_not_found');
    expect(error.message).toContain(`Model "gpt-nope" not found at ${new URL(server.url).host}`);
  });

  it('maps a wrong base URL (404 without a model error) to provider_not_found', async () => {
    server = await startOpenAIServer();
    const provider = createOpenAIProvider({ baseURL: server.url, apiKey: SECRET, maxRetries: 0 });
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_not_found');
    expect(error.message).toContain('Check the base URL');
  });

  it('maps a refused connection to provider_unreachable', async () => {
    const { server, provider } = await setup({}, { maxRetries: 0 });
    await server.close();
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('maps a browser-style fetch TypeError (CORS, offline) to provider_unreachable', async () => {
    const provider = createOpenAIProvider({
      baseURL: 'https://llm.example.test/v1',
      apiKey: SECRET,
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_unreachable');
    expect(error.message).toContain('Could not reach llm.example.test (Failed to fetch)');
  });

  it('maps a server that does not answer in time to provider_unreachable', async () => {
    const { provider } = await setup(
      { handler: () => new Promise((resolve) => setTimeout(() => resolve(reply('late')), 1_000)) },
      { maxRetries: 0, timeoutMs: 100 },
    );
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_unreachable');
    expect(error.message).toContain('did not answer within 0.1 s');
  });

  it('maps a connection dropped mid-stream to provider_stream_dropped', async () => {
    const { provider } = await setup({
      script: [reply('one two three four five six', { dropAfterChunks: 3 })],
    });
    const { request, deltas } = call();
    const error = await failure(provider.complete(request));
    expect(error.code).toBe('provider_stream_dropped');
    expect(deltas).toEqual(['one ', 'two ']);
  });

  it('maps a stream that ends without a finish reason to provider_stream_dropped', async () => {
    const { provider } = await setup({ script: [reply('cut short', { finishReason: null })] });
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_stream_dropped');
  });

  it('names a JSON reply to a streamed request instead of calling it a dropped stream', async () => {
    const { provider, server } = await setup({ script: [reply('whole', { notStreamed: true })] });
    const error = await failure(provider.complete(call().request));
    expect(error.code).toBe('provider_error');
    expect(error.message).toBe(
      `${new URL(server.url).host} answered with one JSON reply (application/json) instead of a ` +
        'stream; Handoff Studio asks for a streamed reply. Check that the server supports ' +
        'streaming (stream: true) for Chat Completions.',
    );
    expect(server.chatBodies()).toHaveLength(1);
    expect(server.chatBodies()[0]!.stream).toBe(true);
  });

  it('passes an error thrown by onTextDelta through unchanged', async () => {
    const { provider } = await setup({ script: [reply('hello there')] });
    const boom = new Error('engine callback failed');
    const { request } = call();
    await expect(
      provider.complete({
        ...request,
        onTextDelta: () => {
          throw boom;
        },
      }),
    ).rejects.toBe(boom);
  });
});

describe('openai provider: Stop', () => {
  it('rejects promptly with an abort error when stopped mid-stream', async () => {
    const { provider } = await setup({
      script: [reply('a b c d e f g h i j k l m n o p', { delayMs: 100 })],
    });
    const controller = new AbortController();
    const { request, deltas } = call(controller.signal);
    const pending = provider.complete({
      ...request,
      onTextDelta: (delta) => {
        deltas.push(delta);
        if (deltas.length === 2) controller.abort();
      },
    });
    const started = performance.now();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(deltas).toEqual(['a ', 'b ']);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects promptly when stopped during a retry back-off', async () => {
    const { server, provider } = await setup({ script: [rateLimited(10_000), reply('late')] });
    const controller = new AbortController();
    const pending = provider.complete(call(controller.signal).request);
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const started = performance.now();
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const { server, provider } = await setup({});
    const controller = new AbortController();
    controller.abort();
    const error = await provider.complete(call(controller.signal).request).catch((e) => e);
    expect(isAbortError(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});

describe('testConnection', () => {
  it('lists the models', async () => {
    server = await startOpenAIServer({ apiKey: SECRET, models: ['b-model', 'a-model'] });
    const result = await testConnection({ baseURL: server.baseURL, apiKey: SECRET });
    expect(result).toEqual({ ok: true, models: ['a-model', 'b-model'] });
  });

  it('says what is wrong, without the key', async () => {
    server = await startOpenAIServer({ apiKey: 'other' });
    const refused = await testConnection({ baseURL: server.baseURL, apiKey: SECRET });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('API key was refused') });
    expect(JSON.stringify(refused)).not.toContain(SECRET);
    const url = server.baseURL;
    await server.close();
    const down = await testConnection({ baseURL: url, apiKey: SECRET, maxRetries: 0 });
    expect(down).toEqual({ ok: false, message: expect.stringContaining('Could not reach') });
  });

  it('makes a tiny request for Azure', async () => {
    server = await startOpenAIServer({ script: [reply('OK')] });
    const result = await testConnection({
      apiKey: SECRET,
      azure: { endpoint: server.url, apiVersion: '2024-10-21', deployment: 'dep' },
    });
    expect(result).toEqual({ ok: true });
    expect(server.requests[0]!.path).toBe('/openai/deployments/dep/chat/completions');
  });
});
