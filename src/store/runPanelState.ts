/**
 * The Run panel's view state (open or folded, the timeline cursor), which the canvas reads too
 * (see `ui/run/useShownTrace.ts`). Whether it is open is kept in `prefs`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Prefs } from './prefs';

export interface RunUiState {
  /** The Run panel is unfolded. */
  open: boolean;
  /** Events shown (the run as it was after that many), or null to follow the run live. */
  cursor: number | null;
  set(patch: Partial<Omit<RunUiState, 'set'>>): void;
}

export type RunUiStore = StoreApi<RunUiState>;

const OPEN_KEY = 'handoff-studio.runPanel';

export function createRunUiStore(prefs: Prefs): RunUiStore {
  const store = createStore<RunUiState>()((set) => ({
    open: prefs.get(OPEN_KEY) === 'open',
    cursor: null,
    set: (patch) => set(patch),
  }));
  store.subscribe((state, previous) => {
    if (state.open !== previous.open) prefs.set(OPEN_KEY, state.open ? 'open' : 'closed');
  });
  return store;
}
