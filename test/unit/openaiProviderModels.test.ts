/**
 * The models of the connected endpoint: `client.models.list()` against the local
 * OpenAI-compatible server, a server without a list, Azure (no deployment list with a key), and
 * which of a document's models an endpoint does not serve (a warning, not a validation error).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AZURE_MODELS_NOTE, DEFAULT_OPENAI_MODEL, listModels } from '../../src/providers/openai';
import {
  DEFAULT_PROVIDER_SETTINGS,
  listProviderModels,
  modelsOfRun,
  unservedModels,
  type ProviderSettings,
} from '../../src/runs';
import { validateWorkflow } from '../../src/model';
import { startOpenAIServer, type OpenAIServer } from '../support/openaiServer';
import { makeDoc } from '../support/engineHarness';

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const compatible = (baseURL: string, model = ''): ProviderSettings => ({
  ...DEFAULT_PROVIDER_SETTINGS,
  kind: 'compatible',
  compatible: { baseURL, apiKey: 'k', model },
});

describe('listing the endpoint models', () => {
  it('lists what GET /v1/models answers, sorted, through the SDK', async () => {
    server = await startOpenAIServer({ models: ['zeta-1', 'alpha-2', 'gpt-test'] });
    const result = await listModels({ baseURL: server.baseURL, apiKey: 'k' });
    expect(result).toEqual({ ok: true, models: ['alpha-2', 'gpt-test', 'zeta-1'] });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models']);
    expect(await listProviderModels(compatible(server.baseURL))).toEqual({
      status: 'listed',
      models: ['alpha-2', 'gpt-test', 'zeta-1'],
    });
  });

  it('says when a server has no model list, and when the key is refused', async () => {
    server = await startOpenAIServer();
    const none = await listProviderModels(compatible(`${server.url}/elsewhere`));
    expect(none).toMatchObject({ status: 'unlisted' });
    expect(none.status !== 'listed' && none.note).toMatch(/does not list its models/);
    await server.close();
    server = await startOpenAIServer({ apiKey: 'right' });
    const refused = await listProviderModels(compatible(server.baseURL));
    expect(refused).toMatchObject({ status: 'error' });
    expect(refused.status !== 'listed' && refused.note).toMatch(/API key was refused/);
  });

  it('explains that Azure lists deployments only through its management API', async () => {
    const azure: ProviderSettings = {
      ...DEFAULT_PROVIDER_SETTINGS,
      kind: 'azure',
      azure: {
        apiKey: 'k',
        endpoint: 'https://x.openai.azure.com',
        apiVersion: 'v',
        deployment: 'd',
      },
    };
    expect(await listProviderModels(azure)).toEqual({
      status: 'unlisted',
      note: AZURE_MODELS_NOTE,
    });
    expect(AZURE_MODELS_NOTE).toMatch(/management API/);
  });
});

describe('models a run would call', () => {
  const doc = makeDoc({
    agents: [{ name: 'a', description: 'A.', instructions: 'A.', model: 'gpt-old' }, 'b', 'c'],
    defaults: { model: 'gpt-test' },
  });

  it('takes the agent model, else the default, and a settings model over both', () => {
    const settings = compatible('http://127.0.0.1:1/v1');
    expect(modelsOfRun(doc, settings)).toEqual([
      { model: 'gpt-old', agents: ['a'] },
      { model: 'gpt-test', agents: ['b', 'c'] },
    ]);
    expect(modelsOfRun(doc, compatible('http://x/v1', 'forced'))).toEqual([
      { model: 'forced', agents: ['a', 'b', 'c'] },
    ]);
    const bare = makeDoc({ agents: ['a'] });
    expect(modelsOfRun(bare, settings)).toEqual([{ model: DEFAULT_OPENAI_MODEL, agents: ['a'] }]);
    expect(modelsOfRun(doc, DEFAULT_PROVIDER_SETTINGS)).toEqual([]);
  });

  it('warns only about models the endpoint does not list, without a validation error', () => {
    const settings = compatible('http://127.0.0.1:1/v1');
    const listed = { status: 'listed', models: ['gpt-test', 'gpt-test-mini'] } as const;
    expect(unservedModels(doc, settings, listed)).toEqual([{ model: 'gpt-old', agents: ['a'] }]);
    expect(unservedModels(doc, settings, { status: 'unlisted', note: '' })).toEqual([]);
    expect(validateWorkflow(doc).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
