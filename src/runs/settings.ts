/**
 * Provider settings of this browser: which model provider runs use (the simulator by default,
 * OpenAI, Azure OpenAI, or any OpenAI-compatible server) and how to reach it. Stored in the
 * dexie `settings` table. Keys stay in this browser: they are never part of a document or an
 * exported run, and nothing here logs them.
 */
import type { SettingRow } from '../storage/db';

export type ProviderKind = 'simulator' | 'openai' | 'azure' | 'compatible';

export interface ProviderSettings {
  kind: ProviderKind;
  /** Pause between streamed words, so a simulated run can be watched. */
  simulator: { delayMs: number };
  /** `model` (optional) overrides the models the document names. */
  openai: { apiKey: string; model: string };
  azure: { apiKey: string; endpoint: string; apiVersion: string; deployment: string };
  /** Ollama, LM Studio, vLLM…: `baseURL` usually ends in /v1; the key may be empty. */
  compatible: { baseURL: string; apiKey: string; model: string };
}

export const PROVIDER_LABELS: Record<ProviderKind, string> = {
  simulator: 'Simulator (offline)',
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  compatible: 'OpenAI-compatible server',
};

export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = {
  kind: 'simulator',
  simulator: { delayMs: 25 },
  openai: { apiKey: '', model: '' },
  azure: { apiKey: '', endpoint: '', apiVersion: '2024-10-21', deployment: '' },
  compatible: { baseURL: 'http://localhost:11434/v1', apiKey: '', model: '' },
};

/** The settings key. */
export const PROVIDER_SETTINGS_KEY = 'runs.provider';

/** The part of a dexie table the settings need (the app's `db.settings`). */
export interface SettingsTable {
  get(key: string): PromiseLike<SettingRow | undefined>;
  put(row: SettingRow): PromiseLike<unknown>;
}

/** The stored settings, completed with defaults (a damaged entry gives the defaults). */
export async function loadProviderSettings(table: SettingsTable): Promise<ProviderSettings> {
  const row = await table.get(PROVIDER_SETTINGS_KEY);
  return withDefaults(row?.value);
}

export async function saveProviderSettings(
  table: SettingsTable,
  settings: ProviderSettings,
): Promise<void> {
  await table.put({ key: PROVIDER_SETTINGS_KEY, value: settings });
}

function withDefaults(value: unknown): ProviderSettings {
  const d = DEFAULT_PROVIDER_SETTINGS;
  if (typeof value !== 'object' || value === null) return d;
  const v = value as Partial<Record<keyof ProviderSettings, unknown>>;
  const part = <K extends Exclude<keyof ProviderSettings, 'kind'>>(key: K): ProviderSettings[K] => {
    const stored = v[key];
    if (typeof stored !== 'object' || stored === null) return d[key];
    const merged: Record<string, unknown> = { ...d[key] };
    for (const [field, fallback] of Object.entries(d[key])) {
      const s = (stored as Record<string, unknown>)[field];
      if (typeof s === typeof fallback) merged[field] = s;
    }
    return merged as ProviderSettings[K];
  };
  const kind = Object.keys(PROVIDER_LABELS).includes(v.kind as string)
    ? (v.kind as ProviderKind)
    : d.kind;
  return {
    kind,
    simulator: part('simulator'),
    openai: part('openai'),
    azure: part('azure'),
    compatible: part('compatible'),
  };
}

/** What is missing before a run can start with these settings, if anything. */
export function missingSetting(settings: ProviderSettings): string | undefined {
  switch (settings.kind) {
    case 'simulator':
      return undefined;
    case 'openai':
      return settings.openai.apiKey.trim() === '' ? 'Enter an OpenAI API key.' : undefined;
    case 'azure': {
      const a = settings.azure;
      if (a.endpoint.trim() === '') return 'Enter the Azure OpenAI endpoint.';
      if (a.apiKey.trim() === '') return 'Enter the Azure OpenAI API key.';
      if (a.deployment.trim() === '') return 'Enter the deployment name.';
      return undefined;
    }
    case 'compatible':
      return settings.compatible.baseURL.trim() === '' ? 'Enter the server base URL.' : undefined;
  }
}

/** A one-line description without the key, for lists and messages. */
export function describeProvider(settings: ProviderSettings): string {
  switch (settings.kind) {
    case 'simulator':
      return PROVIDER_LABELS.simulator;
    case 'openai':
      return `OpenAI${settings.openai.model ? ` · ${settings.openai.model}` : ''}`;
    case 'azure':
      return `Azure OpenAI · ${settings.azure.deployment || '(no deployment)'}`;
    case 'compatible':
      return `${settings.compatible.baseURL}${settings.compatible.model ? ` · ${settings.compatible.model}` : ''}`;
  }
}
