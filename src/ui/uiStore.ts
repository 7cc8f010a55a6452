/**
 * View state of the designer that is not part of the document and never enters undo history:
 * in-place editing, dialogs, theme, grid snapping and the status message.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

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

const stored = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
  try {
    const value = localStorage.getItem(key);
    return allowed.includes(value as T) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
};

export const uiStore = createStore<UiState>()((set) => ({
  renaming: undefined,
  editingEdge: undefined,
  shortcutsOpen: false,
  theme: stored<ThemeChoice>('handoff-studio.theme', ['system', 'light', 'dark'], 'system'),
  snapToGrid: stored('handoff-studio.snap', ['on', 'off'], 'on') === 'on',
  message: undefined,
  set: (patch) => set(patch),
  say: (text, tone = 'info') => set({ message: { text, tone, at: Date.now() } }),
}));

uiStore.subscribe((state, previous) => {
  try {
    if (state.theme !== previous.theme) localStorage.setItem('handoff-studio.theme', state.theme);
    if (state.snapToGrid !== previous.snapToGrid) {
      localStorage.setItem('handoff-studio.snap', state.snapToGrid ? 'on' : 'off');
    }
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
});

/** A slice of the view state. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(uiStore, selector);
}
