/**
 * The library's state: the list, which workflow is open, how its autosave is going, the library
 * dialog and the undo toast of a deletion. Not part of any document. One store per app
 * (`createLibraryStore`, built by `src/app`); components read it through `useLibrary`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeletedWorkflow, WorkflowSummary } from '../storage/workflows';

/**
 * Autosave of the open workflow: `saved` (at `at`), `pending` (a change waits for the debounce),
 * `saving`, `error` (the last save failed: `message` says what was not saved; the document stays
 * in memory and the next change retries), `unavailable` (the database could not be opened).
 */
export type SaveStatus =
  | { state: 'saved'; at: string | undefined }
  | { state: 'pending' | 'saving' }
  | { state: 'error' | 'unavailable'; message: string };

export interface LibraryState {
  /** The stored workflows, most recently changed first. */
  items: WorkflowSummary[];
  /**
   * The id of the open workflow; undefined while it is not stored yet. The one place it is held:
   * autosave and the library session read it here.
   */
  currentId: string | undefined;
  save: SaveStatus;
  /** The library dialog is open. */
  dialogOpen: boolean;
  /** The last deletion, offered for undo until the toast goes. */
  deleted: DeletedWorkflow | undefined;
  /**
   * The open workflow was saved by another tab (at `updatedAt`): autosave holds this tab's
   * changes until the person loads that version or keeps this one.
   */
  conflict: { updatedAt: string } | undefined;
  set(patch: Partial<Omit<LibraryState, 'set'>>): void;
}

export type LibraryStore = StoreApi<LibraryState>;

/** A fresh library state: nothing listed, nothing open. */
export function createLibraryStore(): LibraryStore {
  return createStore<LibraryState>()((set) => ({
    items: [],
    currentId: undefined,
    save: { state: 'saved', at: undefined },
    dialogOpen: false,
    deleted: undefined,
    conflict: undefined,
    set: (patch) => set(patch),
  }));
}

/** The summary list with `summary` first (it is the most recently changed). */
export function upsertItem(
  items: readonly WorkflowSummary[],
  summary: WorkflowSummary,
): WorkflowSummary[] {
  return [summary, ...items.filter((i) => i.id !== summary.id)];
}
