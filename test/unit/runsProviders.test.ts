/**
 * Provider settings turned into providers (src/runs/providers.ts) against the local
 * OpenAI-compatible server: OpenAI-compatible with a model that overrides the document's,
 * Azure OpenAI with its deployment route and `api-key` header, and "Test connection".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startRun, type RunEvent } from '../../src/engine';
import { checkConnection, DEFAULT_PROVIDER_SETTINGS, providerFor } from '../../src/runs';
import type { ProviderSettings } from '../../src/runs';
import { makeDoc } from '../support/engineHarness';
import { reply, startOpenAIServer, type OpenAIServer } from '../support/openaiServer';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const doc = makeDoc({ agents: [{ name: 'a', model: 'gpt-4o-mini' }] });

async function runOnce(settings: ProviderSettings): Promise<RunEvent[]> {
  const run = startRun({ document: doc, provider: providerFor(settings, doc), input: 'Hi' });
  const events: RunEvent[] = [];
  for await (const event of run) {
    events.push(event);
    if (event.type === 'input_requested') run.answerInput(event.requestId, { end: true });
  }
  return events;
}

describe('providers from settings', () => {
  it('an OpenAI-compatible server: the settings model replaces the document model', async () => {
    server = await startOpenAIServer({ apiKey: 'local', script: [reply('Hello there')] });
    const settings: ProviderSettings = {
      ...DEFAULT_PROVIDER_SETTINGS,
      kind: 'compatible',
      compatible: { baseURL: server.baseURL, apiKey: 'local', model: 'llama-test' },
    };
    const events = await runOnce(settings);
    expect(events.find((e) => e.type === 'message')).toMatchObject({ text: 'Hello there' });
    expect(server.chatBodies()[0]).toMatchObject({ model: 'llama-test', stream: true });
    expect(await checkConnection(settings)).toEqual({
      ok: true,
      message: 'Connected. 2 models: gpt-test, gpt-test-mini.',
    });
  });

  it('Azure OpenAI: the deployment route and the api-key header', async () => {
    server = await startOpenAIServer({
      apiKey: 'azure-key',
      script: [reply('from azure'), reply('OK')],
    });
    const settings: ProviderSettings = {
      ...DEFAULT_PROVIDER_SETTINGS,
      kind: 'azure',
      azure: {
        apiKey: 'azure-key',
        endpoint: server.url,
        apiVersion: '2024-10-21',
        deployment: 'dep-1',
      },
    };
    const events = await runOnce(settings);
    expect(events.find((e) => e.type === 'message')).toMatchObject({ text: 'from azure' });
    const request = server.requests.find((r) => r.method === 'POST')!;
    expect(request.path).toBe('/openai/deployments/dep-1/chat/completions');
    expect(request.headers['api-key']).toBe('azure-key');
    expect(await checkConnection(settings)).toEqual({
      ok: true,
      message: 'Connected: the server answered a test request.',
    });
  });

  it('says what is missing or wrong, never the key', async () => {
    server = await startOpenAIServer({ apiKey: 'right' });
    const wrong: ProviderSettings = {
      ...DEFAULT_PROVIDER_SETTINGS,
      kind: 'compatible',
      compatible: { baseURL: server.baseURL, apiKey: 'sk-wrong-key-123456', model: '' },
    };
    const result = await checkConnection(wrong);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/API key was refused .*HTTP 401/);
    expect(result.message).not.toContain('sk-wrong-key-123456');
    const missing = { ...DEFAULT_PROVIDER_SETTINGS, kind: 'openai' as const };
    expect(await checkConnection(missing)).toEqual({
      ok: false,
      message: 'Enter an OpenAI API key.',
    });
    expect(() => providerFor(missing, doc)).toThrow('Enter an OpenAI API key.');
    expect((await checkConnection(DEFAULT_PROVIDER_SETTINGS)).ok).toBe(true);
  });
});
