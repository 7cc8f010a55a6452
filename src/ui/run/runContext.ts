/**
 * The app's run session: one controller on the app's IndexedDB database, created on first use,
 * and the Run panel's view state (open or folded, the timeline cursor) in a small zustand store
 * that the canvas can read too (see useShownTrace.ts).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { RunController } from '../../runs';
import { DexieCheckpointStore } from '../../storage/dexieStore';

let store: DexieCheckpointStore | undefined;
let controller: RunController | undefined;

/** The app's checkpoint store (its `db.settings` holds the provider settings). */
export function appRunStore(): DexieCheckpointStore {
  return (store ??= new DexieCheckpointStore());
}

/** The app's run controller. */
export function appRunController(): RunController {
  return (controller ??= new RunController({ store: appRunStore() }));
}

export interface RunUiState {
  /** The Run panel is unfolded. */
  open: boolean;
  /** Events shown (the run as it was after that many), or null to follow the run live. */
  cursor: number | null;
  set(patch: Partial<Omit<RunUiState, 'set'>>): void;
}

const OPEN_KEY = 'handoff-studio.runPanel';

function storedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) === 'open';
  } catch {
    return false;
  }
}

export const runUiStore = createStore<RunUiState>()((set) => ({
  open: storedOpen(),
  cursor: null,
  set: (patch) => set(patch),
}));

runUiStore.subscribe((state, previous) => {
  if (state.open === previous.open) return;
  try {
    localStorage.setItem(OPEN_KEY, state.open ? 'open' : 'closed');
  } catch {
    // A private window may refuse storage: the choice lasts for this page.
  }
});

export function useRunUi<T>(selector: (state: RunUiState) => T): T {
  return useStore(runUiStore, selector);
}
