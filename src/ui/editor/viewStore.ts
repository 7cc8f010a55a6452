/** Which views of the document are shown: the canvas, the JSON, or both side by side. */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type ViewMode = 'canvas' | 'split' | 'json';

const KEY = 'handoff-studio.view';
const initial = (): ViewMode => {
  try {
    const stored = localStorage.getItem(KEY);
    return stored === 'split' || stored === 'json' ? stored : 'canvas';
  } catch {
    return 'canvas';
  }
};

export const viewStore = createStore<{ mode: ViewMode; setMode(mode: ViewMode): void }>()(
  (set) => ({
    mode: initial(),
    setMode: (mode) => {
      set({ mode });
      try {
        localStorage.setItem(KEY, mode);
      } catch {
        // Private windows may refuse storage; the choice then lasts for this page only.
      }
    },
  }),
);

export const useViewMode = (): ViewMode => useStore(viewStore, (s) => s.mode);
