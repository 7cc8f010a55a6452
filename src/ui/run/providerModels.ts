/**
 * The endpoint's models for components (`app.providerModels`, see `src/runs/providerModels.ts`).
 * A model field shown before the Run panel ever was loads the stored settings itself.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { ProviderModelsState } from '../../runs/providerModels';

export { listedModels } from '../../runs/providerModels';
export type { ProviderModelsState } from '../../runs/providerModels';

/** The endpoint's models, for a component; reads the stored settings if nobody has yet. */
export function useProviderModels(): ProviderModelsState {
  const watcher = useApp().providerModels;
  const state = useStore(watcher.store);
  useEffect(() => {
    watcher.watchStored().catch(() => undefined);
  }, [watcher]);
  return state;
}
