/** Which views of the document are shown: the canvas, the JSON, or both side by side. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Prefs } from './prefs';

export type ViewMode = 'canvas' | 'split' | 'json';

export interface ViewModeState {
  mode: ViewMode;
  setMode(mode: ViewMode): void;
}

export type ViewModeStore = StoreApi<ViewModeState>;

const KEY = 'handoff-studio.view';

/** The view mode, read from and kept in `prefs`. */
export function createViewModeStore(prefs: Prefs): ViewModeStore {
  const stored = prefs.get(KEY);
  return createStore<ViewModeState>()((set) => ({
    mode: stored === 'split' || stored === 'json' ? stored : 'canvas',
    setMode: (mode) => {
      set({ mode });
      prefs.set(KEY, mode);
    },
  }));
}
