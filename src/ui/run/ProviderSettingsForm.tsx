import { useEffect, useId, useState } from 'react';
import {
  AZURE_MODELS_NOTE,
  checkConnection,
  describeProvider,
  PROVIDER_LABELS,
  type ConnectionCheck,
  type ProviderKind,
  type ProviderModels,
  type ProviderSettings,
} from '../../runs';
import { ModelWarning } from './ModelWarning';
import { listedModels, useProviderModels } from './providerModels';
import { useApp } from '../../app/appContext';

interface Props {
  settings: ProviderSettings;
  onChange(next: ProviderSettings): void;
}

type Field = {
  label: string;
  value: string;
  secret?: boolean;
  placeholder?: string;
  /** A model name: offers the endpoint's models (free text still allowed). */
  model?: boolean;
  set(v: string): ProviderSettings;
};

function fieldsOf(s: ProviderSettings): Field[] {
  switch (s.kind) {
    case 'simulator':
      return [];
    case 'openai':
      return [
        {
          label: 'API key',
          secret: true,
          value: s.openai.apiKey,
          placeholder: 'sk-…',
          set: (v) => ({ ...s, openai: { ...s.openai, apiKey: v } }),
        },
        {
          label: 'Model (optional)',
          model: true,
          value: s.openai.model,
          placeholder: "the document's models",
          set: (v) => ({ ...s, openai: { ...s.openai, model: v } }),
        },
      ];
    case 'azure':
      return [
        {
          label: 'Endpoint',
          value: s.azure.endpoint,
          placeholder: 'https://<resource>.openai.azure.com',
          set: (v) => ({ ...s, azure: { ...s.azure, endpoint: v } }),
        },
        {
          label: 'API key',
          secret: true,
          value: s.azure.apiKey,
          set: (v) => ({ ...s, azure: { ...s.azure, apiKey: v } }),
        },
        {
          label: 'Deployment',
          value: s.azure.deployment,
          set: (v) => ({ ...s, azure: { ...s.azure, deployment: v } }),
        },
        {
          label: 'API version',
          value: s.azure.apiVersion,
          set: (v) => ({ ...s, azure: { ...s.azure, apiVersion: v } }),
        },
      ];
    case 'compatible':
      return [
        {
          label: 'Base URL',
          value: s.compatible.baseURL,
          placeholder: 'http://localhost:11434/v1',
          set: (v) => ({ ...s, compatible: { ...s.compatible, baseURL: v } }),
        },
        {
          label: 'API key (optional)',
          secret: true,
          value: s.compatible.apiKey,
          set: (v) => ({ ...s, compatible: { ...s.compatible, apiKey: v } }),
        },
        {
          label: 'Model',
          model: true,
          value: s.compatible.model,
          placeholder: 'llama3.2',
          set: (v) => ({ ...s, compatible: { ...s.compatible, model: v } }),
        },
      ];
  }
}

/** Pauses between streamed words of simulated (and replayed) replies. */
const PACES: ReadonlyArray<[string, number]> = [
  ['Instant', 0],
  ['Normal (40 words/s)', 25],
  ['Slow (8 words/s)', 120],
];

/** Provider picker and settings, with "Test connection". Keys stay in this browser. */
export function ProviderSettingsForm({ settings, onChange }: Props) {
  const { providerModels } = useApp();
  const [check, setCheck] = useState<ConnectionCheck | 'checking' | undefined>();
  const listId = useId();
  useEffect(() => providerModels.watch(settings), [providerModels, settings]);
  const { models } = useProviderModels();
  const listed = listedModels(models);
  const change = (next: ProviderSettings) => {
    setCheck(undefined);
    onChange(next);
  };
  const test = async () => {
    setCheck('checking');
    setCheck(await checkConnection(settings));
  };
  return (
    <>
      <details className="provider">
        <summary>
          Provider: <b>{describeProvider(settings)}</b>
        </summary>
        <div className="provider__body">
          <label>
            Provider
            <select
              aria-label="Provider"
              value={settings.kind}
              onChange={(e) => change({ ...settings, kind: e.target.value as ProviderKind })}
            >
              {(Object.keys(PROVIDER_LABELS) as ProviderKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {PROVIDER_LABELS[kind]}
                </option>
              ))}
            </select>
          </label>
          {fieldsOf(settings).map((field) => (
            <label key={field.label}>
              {field.label}
              <input
                aria-label={field.label}
                type={field.secret ? 'password' : 'text'}
                autoComplete="off"
                spellCheck={false}
                value={field.value}
                placeholder={field.placeholder}
                list={field.model && listed.length > 0 ? listId : undefined}
                onChange={(e) => change(field.set(e.target.value))}
              />
              {field.model && <ModelsNote models={models} />}
            </label>
          ))}
          {listed.length > 0 && (
            <datalist id={listId}>
              {listed.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          )}
          {settings.kind === 'azure' && <p className="provider__note">{AZURE_MODELS_NOTE}</p>}
          {settings.kind === 'simulator' && (
            <label>
              Streaming pace
              <select
                aria-label="Streaming pace"
                value={settings.simulator.delayMs}
                onChange={(e) =>
                  change({ ...settings, simulator: { delayMs: Number(e.target.value) } })
                }
              >
                {PACES.map(([label, ms]) => (
                  <option key={ms} value={ms}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {settings.kind === 'simulator' ? (
            <p className="provider__note">
              Offline and free: agents hand off when your message shares words with a handoff, and
              call tools they are named for. Replies say they are simulated.
            </p>
          ) : (
            <p className="provider__note">
              Keys are kept in this browser only; they are never exported with a run or workflow.
              The server must allow requests from this page (CORS).
            </p>
          )}
          <div className="provider__actions">
            <button type="button" onClick={() => void test()} disabled={check === 'checking'}>
              {check === 'checking' ? 'Testing…' : 'Test connection'}
            </button>
          </div>
          {check !== undefined && check !== 'checking' && (
            <p role="status" className={check.ok ? 'provider__ok' : 'provider__error'}>
              {check.message}
            </p>
          )}
        </div>
      </details>
      <ModelWarning />
    </>
  );
}

/** Under a model field: how many models the endpoint lists, or why there is no list. */
function ModelsNote({ models }: { models: ProviderModels | undefined }) {
  if (!models) return <span className="provider__note">Listing the endpoint&apos;s models…</span>;
  if (models.status === 'listed') {
    return (
      <span className="provider__note">
        {models.models.length} model{models.models.length === 1 ? '' : 's'} from the endpoint to
        pick from; any name can be typed.
      </span>
    );
  }
  return <span className="provider__note">{models.note}</span>;
}
