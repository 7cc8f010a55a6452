/**
 * The openai provider against the local OpenAI-compatible test server (openaiServer.ts), for the
 * fault tests: a server answering a script, a provider on it with test-sized limits, and a model
 * request that records its text deltas and announced waits. Close the server when done.
 */
import type { ModelRequest, ProviderWait } from '../../src/engine/provider';
import type { OpenAIProviderConfig } from '../../src/providers/openai';
import { startOpenAIServer, type OpenAIServer, type ScriptedResponse } from './openaiServer';

/** A key the tests look for in every message and output (it must never appear). */
export const TEST_KEY = 'sk-test-SECRET-0123456789abcdef';

/** Retries and a request timeout sized for tests; the stream limits are left to each test. */
export const TEST_LIMITS: Partial<OpenAIProviderConfig> = { maxRetries: 2, timeoutMs: 5_000 };

/** A server answering `responses` in order (then the default reply), and the provider on it. */
export async function providerOn(
  responses: ScriptedResponse[],
  config: Partial<OpenAIProviderConfig> = {},
): Promise<{ server: OpenAIServer; config: OpenAIProviderConfig }> {
  const server = await startOpenAIServer();
  server.enqueue(...responses);
  return {
    server,
    config: {
      baseURL: server.baseURL,
      apiKey: TEST_KEY,
      model: 'gpt-test',
      ...TEST_LIMITS,
      ...config,
    },
  };
}

/** One model request of agent `triage`, recording its deltas and waits. */
export function modelRequest(overrides: Partial<ModelRequest> = {}) {
  const deltas: string[] = [];
  const waits: ProviderWait[] = [];
  const request: ModelRequest = {
    agent: 'triage',
    callIndex: 0,
    model: undefined,
    temperature: undefined,
    messages: [{ role: 'user', content: 'Hello' }],
    tools: [],
    signal: new AbortController().signal,
    onTextDelta: (delta) => deltas.push(delta),
    onWait: (wait) => waits.push(wait),
    ...overrides,
  };
  return { request, deltas, waits };
}
