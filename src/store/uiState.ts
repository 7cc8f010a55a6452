/**
 * View state of the designer that is not part of the document and never enters undo history:
 * in-place editing, dialogs, theme, grid snapping and the status message.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Prefs } from './prefs';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface UiState {
  /** The agent (view id, see `src/store/identity.ts`) whose name is being edited in place. */
  renaming: string | undefined;
  /** The handoff (view id) whose label is being edited in place. */
  editingEdge: string | undefined;
  shortcutsOpen: boolean;
  theme: ThemeChoice;
  snapToGrid: boolean;
  /** A short message for the status bar (refused edits, copy/paste results). */
  message: { text: string; tone: 'info' | 'error'; at: number } | undefined;
  set(patch: Partial<Omit<UiState, 'set' | 'say'>>): void;
  say(text: string, tone?: 'info' | 'error'): void;
}

export type UiStore = StoreApi<UiState>;

const THEME_KEY = 'handoff-studio.theme';
const SNAP_KEY = 'handoff-studio.snap';

/** The designer's view state; theme and snapping are read from and kept in `prefs`. */
export function createUiStore(prefs: Prefs): UiStore {
  const stored = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = prefs.get(key);
    return allowed.includes(value as T) ? (value as T) : fallback;
  };
  const store = createStore<UiState>()((set) => ({
    renaming: undefined,
    editingEdge: undefined,
    shortcutsOpen: false,
    theme: stored<ThemeChoice>(THEME_KEY, ['system', 'light', 'dark'], 'system'),
    snapToGrid: stored(SNAP_KEY, ['on', 'off'], 'on') === 'on',
    message: undefined,
    set: (patch) => set(patch),
    say: (text, tone = 'info') => set({ message: { text, tone, at: Date.now() } }),
  }));
  store.subscribe((state, previous) => {
    if (state.theme !== previous.theme) prefs.set(THEME_KEY, state.theme);
    if (state.snapToGrid !== previous.snapToGrid)
      prefs.set(SNAP_KEY, state.snapToGrid ? 'on' : 'off');
  });
  return store;
}
