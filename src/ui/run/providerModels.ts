/**
 * The models of the connected endpoint, shared by the model fields (inspector, provider
 * settings) and the warning before a run. The Run panel's provider settings drive it
 * (`watchProviderModels` on every change); a model field shown before the panel ever was loads
 * the stored settings itself. A change of endpoint or key lists again after a pause, so typing
 * a URL does not send a request per keystroke.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  listProviderModels,
  loadProviderSettings,
  type ProviderModels,
  type ProviderSettings,
} from '../../runs';
import { appRunStore } from './runContext';

export interface ProviderModelsState {
  /** The settings last seen (undefined until the stored settings are read). */
  settings: ProviderSettings | undefined;
  /** What the endpoint lists; undefined while listing. */
  models: ProviderModels | undefined;
}

const DEBOUNCE_MS = 800;
const store = createStore<ProviderModelsState>(() => ({ settings: undefined, models: undefined }));
let listedKey = '';
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight: AbortController | undefined;

/** What decides the list: the endpoint and the key, not the model fields. */
function endpointKey(s: ProviderSettings): string {
  switch (s.kind) {
    case 'simulator':
      return 'simulator';
    case 'openai':
      return JSON.stringify(['openai', s.openai.apiKey.trim()]);
    case 'azure':
      return 'azure';
    case 'compatible':
      return JSON.stringify(['compatible', s.compatible.baseURL.trim(), s.compatible.apiKey]);
  }
}

/** Follows the provider settings: lists the models again when the endpoint or key changed. */
export function watchProviderModels(settings: ProviderSettings): void {
  const key = endpointKey(settings);
  if (key === listedKey) {
    if (store.getState().settings !== settings) store.setState({ settings });
    return;
  }
  const first = listedKey === '';
  listedKey = key;
  store.setState({ settings, models: undefined });
  clearTimeout(timer);
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const list = () => {
    void listProviderModels(settings, controller.signal).then((models) => {
      if (listedKey === key && !controller.signal.aborted) store.setState({ models });
    });
  };
  // Nothing to wait for on the first look or where nothing goes over the network.
  if (first || settings.kind === 'simulator' || settings.kind === 'azure') list();
  else timer = setTimeout(list, DEBOUNCE_MS);
}

/** The endpoint's models, for a component; reads the stored settings if nobody has yet. */
export function useProviderModels(): ProviderModelsState {
  const state = useStore(store);
  useEffect(() => {
    if (listedKey !== '') return;
    let cancelled = false;
    loadProviderSettings(appRunStore().db.settings)
      .then((settings) => {
        if (!cancelled && listedKey === '') watchProviderModels(settings);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}

/** The listed ids, or none. */
export const listedModels = (models: ProviderModels | undefined): readonly string[] =>
  models?.status === 'listed' ? models.models : [];
