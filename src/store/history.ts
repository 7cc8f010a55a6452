/**
 * Undo history as recorded diffs (after tldraw's `RecordsDiff`): a step keeps, for each top-level
 * field of the document that changed, the value before and after. Operations share every
 * unchanged part, so a step costs only what changed. Pure; no React, no zustand.
 */
import type { Workflow } from '../model/schema';
import type { DocIds } from './identity';

type Fields = Partial<Record<keyof Workflow, unknown>>;

/** The reversible change of one or more edits. */
export interface DocumentDiff {
  readonly before: Fields;
  readonly after: Fields;
  /**
   * The view's ids of agents and handoffs before and after (see `./identity`), so that an undo
   * or a redo gives every element back the id it had: selection and canvas follow it.
   */
  readonly ids?: { readonly before: DocIds; readonly after: DocIds };
}

/** One undo step. */
export interface HistoryEntry {
  diff: DocumentDiff;
  /** What the step did, for people ("Move agents", "Rename refund_agent"). */
  label: string;
  /** Edits with the same key in a row merge into this step (a drag, a burst of typing). */
  coalesce?: string;
  /** When the step last grew (ms), for bursts that end after a pause. */
  at: number;
}

/** The fields whose values differ (by reference) between two documents; `undefined` when none. */
export function diffDocuments(before: Workflow, after: Workflow): DocumentDiff | undefined {
  const b: Fields = {};
  const a: Fields = {};
  let changed = false;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Workflow>;
  for (const key of keys) {
    if (before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
      changed = true;
    }
  }
  return changed ? { before: b, after: a } : undefined;
}

/** Applies one side of a diff to a document (`undefined` values remove optional fields). */
export function applyFields(doc: Workflow, fields: Fields): Workflow {
  const next = { ...doc } as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as Workflow;
}

/** `first` then `second` as one diff: the oldest "before" and the newest "after" of each field. */
export function mergeDiffs(first: DocumentDiff, second: DocumentDiff): DocumentDiff {
  const before: Fields = { ...first.before };
  for (const [key, value] of Object.entries(second.before) as Array<[keyof Workflow, unknown]>) {
    if (!(key in before)) before[key] = value;
  }
  const after = { ...first.after, ...second.after };
  const ids =
    first.ids && second.ids ? { before: first.ids.before, after: second.ids.after } : undefined;
  return ids ? { before, after, ids } : { before, after };
}

/** Undo and redo stacks with coalescing. */
export class History {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  /** False after `breakCoalescing`, an undo or a redo: the next edit starts a new step. */
  private open = false;

  constructor(private readonly limit = 500) {}

  /**
   * Records an edit. It merges into the newest step when both carry the same coalescing key, the
   * step is still open, and (with `burstMs`) the newest step grew less than `burstMs` ago.
   * Every edit clears the redo stack.
   */
  record(
    diff: DocumentDiff,
    label: string,
    now: number,
    coalesce?: string,
    burstMs?: number,
  ): void {
    this.redoStack = [];
    const top = this.undoStack[this.undoStack.length - 1];
    if (
      top &&
      this.open &&
      coalesce !== undefined &&
      top.coalesce === coalesce &&
      (burstMs === undefined || now - top.at <= burstMs)
    ) {
      top.diff = mergeDiffs(top.diff, diff);
      top.at = now;
      return;
    }
    this.undoStack.push({ diff, label, coalesce, at: now });
    if (this.undoStack.length > this.limit) this.undoStack.shift();
    this.open = true;
  }

  /** Closes the newest step: the next edit starts a new one even with the same key. */
  breakCoalescing(): void {
    this.open = false;
  }

  /** Pops the newest step onto the redo stack and returns it. */
  undo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (entry) this.redoStack.push(entry);
    this.open = false;
    return entry;
  }

  redo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (entry) this.undoStack.push(entry);
    this.open = false;
    return entry;
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.open = false;
  }

  get undoLabel(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.label;
  }

  get redoLabel(): string | undefined {
    return this.redoStack[this.redoStack.length - 1]?.label;
  }
}
