/**
 * The models of the connected endpoint, for the model fields (a list to pick from, free text
 * still allowed) and for the warning before a run: which models the document would call that
 * the endpoint does not serve. Without React; the list comes from `GET /v1/models`.
 */
import type { Workflow } from '../model';
import { AZURE_MODELS_NOTE, DEFAULT_OPENAI_MODEL, listModels } from '../providers/openai';
import { openAIConfig } from './providers';
import { missingSetting, type ProviderSettings } from './settings';

export { AZURE_MODELS_NOTE };

/** What the endpoint says about its models. */
export type ProviderModels =
  /** The endpoint listed these ids (sorted). */
  | { status: 'listed'; models: readonly string[] }
  /** No list to offer, and why (the simulator, Azure, a server without a list, missing settings). */
  | { status: 'unlisted'; note: string }
  /** The list could not be read (network, key…): the provider's message. */
  | { status: 'error'; note: string };

/** The models the configured endpoint serves. Never rejects. */
export async function listProviderModels(
  settings: ProviderSettings,
  signal?: AbortSignal,
): Promise<ProviderModels> {
  if (settings.kind === 'simulator') {
    return {
      status: 'unlisted',
      note: 'The simulator answers for any model name; choose a provider to see its models.',
    };
  }
  // Azure's data plane lists base models, not the deployments that requests name.
  if (settings.kind === 'azure') return { status: 'unlisted', note: AZURE_MODELS_NOTE };
  const missing = missingSetting(settings);
  if (missing !== undefined) return { status: 'unlisted', note: missing };
  const result = await listModels(openAIConfig(settings).config, signal);
  if (result.ok) return { status: 'listed', models: result.models };
  return { status: result.unsupported ? 'unlisted' : 'error', note: result.message };
}

/** One model a run would call, and the agents that would call it. */
export interface ModelUse {
  model: string;
  agents: string[];
}

/**
 * The model each agent's calls would name with these settings, grouped: a model set in the
 * provider settings wins (as in `providerFor`), else the agent's, the document's default, then
 * the provider's default. Empty for the simulator, which ignores models.
 */
export function modelsOfRun(doc: Workflow, settings: ProviderSettings): ModelUse[] {
  if (settings.kind === 'simulator') return [];
  const { config, model: override } = openAIConfig(settings);
  const uses = new Map<string, string[]>();
  for (const agent of doc.agents) {
    const model =
      override !== ''
        ? override
        : (agent.model ?? doc.defaults.model ?? config.model ?? DEFAULT_OPENAI_MODEL);
    const list = uses.get(model) ?? [];
    list.push(agent.name);
    uses.set(model, list);
  }
  return [...uses].map(([model, agents]) => ({ model, agents }));
}

/** The models a run would call that the endpoint did not list (none when it lists nothing). */
export function unservedModels(
  doc: Workflow,
  settings: ProviderSettings,
  served: ProviderModels,
): ModelUse[] {
  if (served.status !== 'listed' || served.models.length === 0) return [];
  const known = new Set(served.models);
  return modelsOfRun(doc, settings).filter((use) => !known.has(use.model));
}
