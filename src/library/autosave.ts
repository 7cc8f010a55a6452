/**
 * Autosave of the open workflow: every document change is written to the library after a short
 * pause. Writes run one at a time, in order. A failed write keeps the document in memory and
 * is retried with the next change (or by `retry`); the status says what was not saved.
 *
 * Each save goes to a *target*: the workflow that was open when the change was made. Opening
 * another workflow starts a new target, so a change can never land in the wrong workflow even
 * while an earlier write is still running. The open workflow's id itself is held once, in the
 * library store (`currentId`).
 */
import type { Workflow } from '../model';
import type { WorkflowRepository } from '../storage/workflows';
import type { CrossTab } from './crossTab';
import { upsertItem, type LibraryStore } from './libraryStore';

/** Where a document is saved; `id` is filled in when a new workflow is first stored. */
interface SaveTarget {
  id: string | undefined;
}

interface SaveJob {
  target: SaveTarget;
  doc: Workflow;
}

/** Pause after the last change before writing (typing produces bursts of changes). */
export const SAVE_DELAY_MS = 400;

export interface AutosaveDeps {
  repository: WorkflowRepository;
  library: LibraryStore;
  crossTab: CrossTab;
  /** The pause before a write (tests shorten it). */
  delayMs?: number;
}

/** The autosave of one app. */
export class Autosave {
  private current: SaveTarget = { id: undefined };
  private pending: SaveJob | undefined;
  /** A failed write of a workflow that is no longer open, written again with the next flush. */
  private orphan: SaveJob | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<boolean> = Promise.resolve(true);
  private readonly delayMs: number;

  constructor(private readonly deps: AutosaveDeps) {
    this.delayMs = deps.delayMs ?? SAVE_DELAY_MS;
  }

  /** Makes `id` (undefined: a workflow not stored yet) the target of later changes. */
  setTarget(id: string | undefined): void {
    this.current = { id };
    this.deps.library.getState().set({ currentId: id });
  }

  /** The open workflow's id, once stored. */
  currentId(): string | undefined {
    return this.deps.library.getState().currentId;
  }

  /** True while a change is not safely stored (pending, being written, or failed). */
  hasUnsavedChanges(): boolean {
    const { state } = this.deps.library.getState().save;
    return (
      this.pending !== undefined ||
      this.orphan !== undefined ||
      state === 'saving' ||
      state === 'error'
    );
  }

  /** Records a change of the open workflow; it is written after the pause. */
  schedule(doc: Workflow): void {
    // A change still waiting for another workflow goes first.
    if (this.pending && this.pending.target !== this.current) void this.flush();
    this.pending = { target: this.current, doc };
    const library = this.deps.library.getState();
    if (library.save.state !== 'error' && library.save.state !== 'unavailable') {
      library.set({ save: { state: 'pending' } });
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /**
   * Writes the waiting change now; resolves true when everything written so far is stored. While
   * another tab's save of the open workflow is unresolved (`conflict`), its change is held.
   */
  flush(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const held = this.deps.library.getState().conflict && this.pending?.target === this.current;
    for (const job of [this.orphan, held ? undefined : this.pending]) {
      if (job) this.queue = this.queue.then(() => this.write(job));
    }
    this.orphan = undefined;
    if (!held) this.pending = undefined;
    return this.queue;
  }

  /** Writes the open document again (the banner's Retry, and "Keep mine" after a conflict). */
  retry(doc: Workflow): Promise<boolean> {
    this.deps.library.getState().set({ conflict: undefined });
    this.pending = { target: this.current, doc };
    return this.flush();
  }

  /** Forgets the waiting change (a workflow deleted while a change was waiting). */
  drop(target?: string): void {
    if (target === undefined || this.pending?.target.id === target) {
      clearTimeout(this.timer);
      this.pending = undefined;
    }
    if (target === undefined || this.orphan?.target.id === target) this.orphan = undefined;
  }

  /** Stops the timer (the app is disposed); a waiting change is not written. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async write(job: SaveJob): Promise<boolean> {
    const { repository: repo, library, crossTab } = this.deps;
    const set = library.getState().set;
    set({ save: { state: 'saving' } });
    try {
      const { target, doc } = job;
      const summary = target.id ? await repo.save(target.id, doc) : await repo.create(doc);
      const created = target.id === undefined;
      target.id = summary.id;
      crossTab.announceSaved(summary.id, summary.updatedAt);
      if (target === this.current && created) {
        set({ currentId: summary.id });
        await repo.setLastOpen(summary.id);
      }
      const stillPending = this.pending !== undefined;
      set({
        items: upsertItem(library.getState().items, summary),
        save: stillPending ? { state: 'pending' } : { state: 'saved', at: summary.updatedAt },
      });
      return true;
    } catch (error) {
      // Keep the change for the next attempt unless a newer one for the same workflow is waiting.
      if (this.pending?.target !== job.target) {
        if (!this.pending && job.target === this.current) this.pending = job;
        else this.orphan = job;
      }
      const message = error instanceof Error ? error.message : String(error);
      set({ save: { state: 'error', message } });
      return false;
    }
  }
}
