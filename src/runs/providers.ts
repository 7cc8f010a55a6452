/**
 * Model providers from the browser's provider settings, and the "Test connection" check. The
 * openai provider calls the API straight from the page (the SDK's `dangerouslyAllowBrowser`),
 * so the key never leaves this browser except to the server it is for.
 */
import type { ModelProvider } from '../engine/provider';
import type { Script } from '../engine/script';
import type { Workflow } from '../model';
import {
  createOpenAIProvider,
  testConnection,
  type OpenAIProviderConfig,
} from '../providers/openai';
import { createScriptProvider } from '../providers/script';
import { createSimulatorProvider } from '../providers/simulator';
import { missingSetting, type ProviderSettings } from './settings';

/** The openai-SDK configuration of non-simulator settings, and the model that overrides. */
export function openAIConfig(settings: ProviderSettings): {
  config: OpenAIProviderConfig;
  model: string;
} {
  switch (settings.kind) {
    case 'azure': {
      const a = settings.azure;
      return {
        config: {
          apiKey: a.apiKey.trim(),
          model: a.deployment.trim(),
          azure: {
            endpoint: a.endpoint.trim(),
            apiVersion: a.apiVersion.trim(),
            deployment: a.deployment.trim(),
          },
        },
        model: a.deployment.trim(),
      };
    }
    case 'compatible': {
      const c = settings.compatible;
      const model = c.model.trim();
      return {
        config: { apiKey: c.apiKey.trim(), baseURL: c.baseURL.trim(), ...(model ? { model } : {}) },
        model,
      };
    }
    default: {
      const model = settings.openai.model.trim();
      return {
        config: { apiKey: settings.openai.apiKey.trim(), ...(model ? { model } : {}) },
        model,
      };
    }
  }
}

/** The provider that runs use with these settings. @throws Error when a setting is missing. */
export function providerFor(settings: ProviderSettings, doc: Workflow): ModelProvider {
  const missing = missingSetting(settings);
  if (missing !== undefined) throw new Error(missing);
  if (settings.kind === 'simulator') {
    return createSimulatorProvider({ document: doc, delayMs: settings.simulator.delayMs });
  }
  const { config, model } = openAIConfig(settings);
  const inner = createOpenAIProvider(config);
  if (model === '') return inner;
  // A model chosen in the settings wins over the document's (a local server has no gpt-5.4-mini).
  return { id: inner.id, complete: (request) => inner.complete({ ...request, model }) };
}

/** A provider that replays `script`, streaming at the simulator's pace. */
export function replayProvider(script: Script, settings: ProviderSettings): ModelProvider {
  return createScriptProvider(script, { delayMs: settings.simulator.delayMs });
}

/** The outcome of "Test connection": a message that says what works or what to fix. */
export interface ConnectionCheck {
  ok: boolean;
  message: string;
}

/** Checks that the configured server answers and accepts the key. */
export async function checkConnection(
  settings: ProviderSettings,
  signal?: AbortSignal,
): Promise<ConnectionCheck> {
  if (settings.kind === 'simulator') {
    return { ok: true, message: 'The simulator runs offline in this page; nothing to connect to.' };
  }
  const missing = missingSetting(settings);
  if (missing !== undefined) return { ok: false, message: missing };
  const { config } = openAIConfig(settings);
  const result = await testConnection(config, signal);
  if (!result.ok) return { ok: false, message: result.message };
  const models = result.models ?? [];
  const shown = models.slice(0, 5).join(', ');
  return {
    ok: true,
    message:
      models.length > 0
        ? `Connected. ${models.length} model${models.length === 1 ? '' : 's'}: ${shown}${models.length > 5 ? '…' : ''}.`
        : 'Connected: the server answered a test request.',
  };
}
