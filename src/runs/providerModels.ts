/**
 * The models of the connected endpoint, shared by the model fields (inspector, provider
 * settings) and the warning before a run. The Run panel's provider settings drive it (`watch` on
 * every change); a model field shown before the panel ever was loads the stored settings itself
 * (`watchStored`). A change of endpoint or key lists again after a pause, so typing a URL does
 * not send a request per keystroke.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { listProviderModels, type ProviderModels } from './models';
import { loadProviderSettings, type ProviderSettings, type SettingsTable } from './settings';

export interface ProviderModelsState {
  /** The settings last seen (undefined until the stored settings are read). */
  settings: ProviderSettings | undefined;
  /** What the endpoint lists; undefined while listing. */
  models: ProviderModels | undefined;
}

const DEBOUNCE_MS = 800;

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

/** Lists the endpoint's models for one app. */
export class ProviderModelsWatcher {
  readonly store: StoreApi<ProviderModelsState> = createStore<ProviderModelsState>(() => ({
    settings: undefined,
    models: undefined,
  }));
  private listedKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;

  constructor(
    private readonly settingsTable: SettingsTable,
    private readonly list: typeof listProviderModels = listProviderModels,
  ) {}

  /** Follows the provider settings: lists the models again when the endpoint or key changed. */
  watch(settings: ProviderSettings): void {
    const key = endpointKey(settings);
    if (key === this.listedKey) {
      if (this.store.getState().settings !== settings) this.store.setState({ settings });
      return;
    }
    const first = this.listedKey === '';
    this.listedKey = key;
    this.store.setState({ settings, models: undefined });
    clearTimeout(this.timer);
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const list = () => {
      void this.list(settings, controller.signal).then((models) => {
        if (this.listedKey === key && !controller.signal.aborted) this.store.setState({ models });
      });
    };
    // Nothing to wait for on the first look or where nothing goes over the network.
    if (first || settings.kind === 'simulator' || settings.kind === 'azure') list();
    else this.timer = setTimeout(list, DEBOUNCE_MS);
  }

  /** Starts from the stored settings unless something is watched already. */
  async watchStored(): Promise<void> {
    if (this.listedKey !== '') return;
    const settings = await loadProviderSettings(this.settingsTable);
    if (this.listedKey === '') this.watch(settings);
  }

  /** Stops listing (the app is disposed). */
  dispose(): void {
    clearTimeout(this.timer);
    this.inFlight?.abort();
  }
}

/** The listed ids, or none. */
export const listedModels = (models: ProviderModels | undefined): readonly string[] =>
  models?.status === 'listed' ? models.models : [];
