/**
 * Which agent picker is open: the find box (Ctrl/⌘ K, `/`) or the "hand off to…" picker (`H`).
 * View state only; never in the undo history.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface PickerState {
  /** The find box is open. */
  find: boolean;
  /** The agent a new handoff starts from, while the "hand off to…" picker is open. */
  handoffFrom: string | undefined;
  set(patch: Partial<Omit<PickerState, 'set'>>): void;
}

export type PickerStore = StoreApi<PickerState>;

export function createPickerStore(): PickerStore {
  return createStore<PickerState>()((set) => ({
    find: false,
    handoffFrom: undefined,
    set: (patch) => set(patch),
  }));
}
