/**
 * The Tests panel's view state (no React): unfolded or not, the case open in the form (by its
 * stable id), and whether the canvas shows the suite's test view. The panel shares the Run
 * dock's place, so unfolding one folds the other (`linkDock`). Never part of the document.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Prefs } from '../store/prefs';
import type { RunUiStore } from '../store/runPanelState';

export interface TestsUiState {
  /** The Tests panel is unfolded (in the dock). */
  open: boolean;
  /** The case (id) open in the form, or none: the list. */
  editing: string | undefined;
  /** The canvas paints the shown suite result instead of the run. */
  testView: boolean;
  set(patch: Partial<Omit<TestsUiState, 'set'>>): void;
}

export type TestsUiStore = StoreApi<TestsUiState>;

const OPEN_KEY = 'handoff-studio.testsPanel';

export function createTestsUiStore(prefs: Prefs): TestsUiStore {
  const store = createStore<TestsUiState>()((set) => ({
    open: prefs.get(OPEN_KEY) === 'open',
    editing: undefined,
    testView: false,
    set: (patch) => set(patch),
  }));
  store.subscribe((state, previous) => {
    if (state.open !== previous.open) prefs.set(OPEN_KEY, state.open ? 'open' : 'closed');
  });
  return store;
}

/** One dock for two panels: unfolding the Run panel folds the Tests panel and back. */
export function linkDock(tests: TestsUiStore, runUi: RunUiStore): () => void {
  if (tests.getState().open && runUi.getState().open) tests.getState().set({ open: false });
  const offTests = tests.subscribe((state, previous) => {
    if (state.open && !previous.open && runUi.getState().open)
      runUi.getState().set({ open: false });
  });
  const offRun = runUi.subscribe((state, previous) => {
    if (state.open && !previous.open && tests.getState().open)
      tests.getState().set({ open: false });
  });
  return () => {
    offTests();
    offRun();
  };
}
