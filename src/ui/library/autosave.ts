/**
 * Autosave of the open workflow: every document change is written to the library after a short
 * pause. Writes run one at a time, in order. A failed write keeps the document in memory and
 * is retried with the next change (or by `retrySave`); the status says what was not saved.
 *
 * Each save goes to a *target*: the workflow that was open when the change was made. Opening
 * another workflow starts a new target, so a change can never land in the wrong workflow even
 * while an earlier write is still running.
 */
import type { Workflow } from '../../model';
import type { WorkflowRepository } from '../../storage/workflows';
import { announceSaved } from './crossTab';
import { libraryStore, upsertItem } from './libraryStore';

/** Where a document is saved; `id` is filled in when a new workflow is first stored. */
export interface SaveTarget {
  id: string | undefined;
}

/** Pause after the last change before writing (typing produces bursts of changes). */
export const SAVE_DELAY_MS = 400;

let repository: WorkflowRepository | undefined;
let current: SaveTarget = { id: undefined };
interface SaveJob {
  target: SaveTarget;
  doc: Workflow;
}
let pending: SaveJob | undefined;
/** A failed write of a workflow that is no longer open, written again with the next flush. */
let orphan: SaveJob | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let queue: Promise<boolean> = Promise.resolve(true);

/** Sets the repository that saves go to (once, at start). */
export function setRepository(repo: WorkflowRepository): void {
  repository = repo;
}

/** Makes `id` (undefined: a workflow not stored yet) the target of later changes. */
export function setSaveTarget(id: string | undefined): void {
  current = { id };
  libraryStore.getState().set({ currentId: id });
}

/** The open workflow's id, once stored. */
export const currentTargetId = (): string | undefined => current.id;

/** True while a change is not safely stored (pending, being written, or failed). */
export function hasUnsavedChanges(): boolean {
  const { state } = libraryStore.getState().save;
  return pending !== undefined || orphan !== undefined || state === 'saving' || state === 'error';
}

/** Records a change of the open workflow; it is written after `SAVE_DELAY_MS` of quiet. */
export function scheduleSave(doc: Workflow): void {
  // A change still waiting for another workflow goes first.
  if (pending && pending.target !== current) void flushSave();
  pending = { target: current, doc };
  const { save } = libraryStore.getState();
  if (save.state !== 'error' && save.state !== 'unavailable') {
    libraryStore.getState().set({ save: { state: 'pending' } });
  }
  clearTimeout(timer);
  timer = setTimeout(() => void flushSave(), SAVE_DELAY_MS);
}

/**
 * Writes the waiting change now; resolves true when everything written so far is stored. While
 * another tab's save of the open workflow is unresolved (`conflict`), its change is held.
 */
export function flushSave(): Promise<boolean> {
  clearTimeout(timer);
  timer = undefined;
  const held = libraryStore.getState().conflict && pending?.target === current;
  for (const job of [orphan, held ? undefined : pending]) {
    if (job) queue = queue.then(() => write(job));
  }
  orphan = undefined;
  if (!held) pending = undefined;
  return queue;
}

/** Writes the open document again (the banner's Retry, and "Keep mine" after a conflict). */
export function retrySave(doc: Workflow): Promise<boolean> {
  libraryStore.getState().set({ conflict: undefined });
  pending = { target: current, doc };
  return flushSave();
}

async function write(job: SaveJob): Promise<boolean> {
  const repo = repository;
  if (!repo) return false;
  const set = libraryStore.getState().set;
  set({ save: { state: 'saving' } });
  try {
    const { target, doc } = job;
    const summary = target.id ? await repo.save(target.id, doc) : await repo.create(doc);
    const created = target.id === undefined;
    target.id = summary.id;
    announceSaved(summary.id, summary.updatedAt);
    if (target === current) {
      if (created) {
        libraryStore.getState().set({ currentId: summary.id });
        await repo.setLastOpen(summary.id);
      }
    }
    const stillPending = pending !== undefined;
    set({
      items: upsertItem(libraryStore.getState().items, summary),
      save: stillPending ? { state: 'pending' } : { state: 'saved', at: summary.updatedAt },
    });
    return true;
  } catch (error) {
    // Keep the change for the next attempt unless a newer one for the same workflow is waiting.
    if (pending?.target !== job.target) {
      if (!pending && job.target === current) pending = job;
      else orphan = job;
    }
    const message = error instanceof Error ? error.message : String(error);
    set({ save: { state: 'error', message } });
    return false;
  }
}

/** Forgets the waiting change (tests, and a workflow deleted while a change was waiting). */
export function dropPendingSave(target?: string): void {
  if (target === undefined || pending?.target.id === target) {
    clearTimeout(timer);
    pending = undefined;
  }
  if (target === undefined || orphan?.target.id === target) orphan = undefined;
}
