/**
 * The designer's store: the open document, its undo history, the selection and the derived
 * validation issues, in a zustand vanilla store (no React). Every document change goes through
 * `apply` (or `replaceDocument` / `loadDocument`), so every change is validated once and
 * recorded once.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { EditError, type EditOutcome } from '../model/editCommon';
import { sortIssues, type ValidationIssue } from '../model/issues';
import type { Workflow } from '../model/schema';
import { buildTopology, type Topology } from '../model/topology';
import { validateWorkflow } from '../model/validate';
import { applyFields, diffDocuments, History, type DocumentDiff } from './history';
import { createdSelection, freshIds, idsFit, reconcileIds, type DocIds } from './identity';
import { EMPTY_SELECTION, sameSelection, sanitizeSelection, type Selection } from './selection';

/**
 * An operation: a pure function of the document (see `src/model/edit.ts`). It may read the
 * view's ids to find the element it is about (see `./byId`); it never changes them.
 */
export type Operation = (doc: Workflow, ids: DocIds) => Workflow | EditOutcome;

export interface ApplyOptions {
  /** What the step does, for people ("Rename agent"); shown in undo/redo tooltips. */
  label: string;
  /**
   * Edits with the same key in a row are one undo step: use one key per drag gesture
   * (`move:<n>`) and one per field for typing (`agent:triage.description`).
   */
  coalesce?: string;
  /** With `coalesce`: merge only when the previous edit was less than this many ms ago. */
  burstMs?: number;
  /** Selection after the edit. Default: what the operation created, else the same selection. */
  select?: Selection;
}

export type ApplyResult = { ok: true; changed: boolean } | { ok: false; error: EditError };

/** How the document last changed (autosave skips `load`; the JSON view ignores its own `replace`). */
export type ChangeKind = 'load' | 'edit' | 'replace' | 'undo' | 'redo';

export interface DesignerState {
  /** The open document. Replaced (never mutated) on every change. */
  readonly doc: Workflow;
  /**
   * The document's topology (derived). Kept across moves: its agent objects may hold old
   * positions, so read positions from `doc`.
   */
  readonly topology: Topology;
  /** Validation issues of `doc`, errors first (derived, recomputed on every change). */
  readonly issues: readonly ValidationIssue[];
  /**
   * The view's ids of `doc.agents` and `doc.handoffs`, parallel to them (see `./identity`).
   * Never part of the document; an undo or redo brings back the ids of its step.
   */
  readonly ids: DocIds;
  readonly selection: Selection;
  /** Increments on every document change, undo and redo included. */
  readonly revision: number;
  readonly lastChange: ChangeKind;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel: string | undefined;
  readonly redoLabel: string | undefined;

  apply(operation: Operation, options: ApplyOptions): ApplyResult;
  replaceDocument(doc: Workflow, label: string): boolean;
  loadDocument(doc: Workflow): void;
  undo(): boolean;
  redo(): boolean;
  select(selection: Selection): void;
  breakCoalescing(): void;
}

export type DesignerStore = StoreApi<DesignerState>;

export interface DesignerStoreOptions {
  /** Clock for typing bursts (tests pass a fake one). */
  now?: () => number;
  /** Undo steps kept (default 500). */
  historyLimit?: number;
}

function derive(
  doc: Workflow,
  previous?: readonly ValidationIssue[],
): Pick<DesignerState, 'topology' | 'issues'> {
  const topology = buildTopology(doc);
  const issues = sortIssues(validateWorkflow(doc, topology));
  // Same problems as before (most keystrokes): keep the old array so that nothing that shows
  // problems re-renders.
  return { topology, issues: previous && sameIssues(previous, issues) ? previous : issues };
}

function sameIssues(a: readonly ValidationIssue[], b: readonly ValidationIssue[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.code !== y.code ||
      x.path !== y.path ||
      x.message !== y.message ||
      x.agent !== y.agent ||
      x.edge?.index !== y.edge?.index ||
      x.edge?.source !== y.edge?.source ||
      x.edge?.target !== y.edge?.target
    ) {
      return false;
    }
  }
  return true;
}

export function createDesignerStore(
  initial: Workflow,
  options: DesignerStoreOptions = {},
): DesignerStore {
  const now = options.now ?? (() => Date.now());
  const history = new History(options.historyLimit);

  return createStore<DesignerState>()((set, get) => {
    const historyFields = () => ({
      canUndo: history.undoLabel !== undefined,
      canRedo: history.redoLabel !== undefined,
      undoLabel: history.undoLabel,
      redoLabel: history.redoLabel,
    });

    const commit = (doc: Workflow, ids: DocIds, kind: ChangeKind, selection?: Selection) => {
      const state = get();
      const nextSelection = sanitizeSelection(selection ?? state.selection, doc, ids);
      set({
        doc,
        ids,
        // A move changes no check: keep the issues (and their identity, so nothing re-renders).
        ...(onlyPositionsDiffer(state.doc, doc)
          ? { topology: state.topology, issues: state.issues }
          : derive(doc, state.issues)),
        selection: sameSelection(nextSelection, state.selection) ? state.selection : nextSelection,
        revision: state.revision + 1,
        lastChange: kind,
        ...historyFields(),
      });
    };

    // The ids of the document an undo or redo lands on: those recorded with the step (they fit
    // unless the history was recorded without them), else carried over like an edit's.
    const landOn = (doc: Workflow, recorded: DocIds | undefined): DocIds => {
      if (recorded && idsFit(recorded, doc)) return recorded;
      const { doc: current, ids } = get();
      return reconcileIds(current, ids, doc);
    };

    return {
      doc: initial,
      ids: freshIds(initial),
      ...derive(initial),
      selection: EMPTY_SELECTION,
      revision: 0,
      lastChange: 'load',
      canUndo: false,
      canRedo: false,
      undoLabel: undefined,
      redoLabel: undefined,

      apply(operation, { label, coalesce, burstMs, select }) {
        const { doc: before, ids: beforeIds } = get();
        let outcome: Workflow | EditOutcome;
        try {
          outcome = operation(before, beforeIds);
        } catch (error) {
          if (error instanceof EditError) return { ok: false, error };
          throw error;
        }
        const after = isOutcome(outcome) ? outcome.doc : outcome;
        const diff = diffDocuments(before, after);
        if (!diff) {
          if (select) get().select(select);
          return { ok: true, changed: false };
        }
        const ids = reconcileIds(before, beforeIds, after);
        const created =
          isOutcome(outcome) && (outcome.agents?.length || outcome.edges?.length)
            ? createdSelection(outcome, after, beforeIds, ids)
            : undefined;
        history.record(withIds(diff, beforeIds, ids), label, now(), coalesce, burstMs);
        commit(after, ids, 'edit', select ?? created);
        return { ok: true, changed: true };
      },

      replaceDocument(doc, label) {
        const { doc: before, ids: beforeIds } = get();
        const diff = diffDocuments(before, doc);
        if (!diff) return false;
        const ids = reconcileIds(before, beforeIds, doc);
        history.record(withIds(diff, beforeIds, ids), label, now());
        history.breakCoalescing();
        commit(doc, ids, 'replace');
        return true;
      },

      loadDocument(doc) {
        history.clear();
        set({
          doc,
          ids: freshIds(doc),
          ...derive(doc),
          selection: EMPTY_SELECTION,
          revision: get().revision + 1,
          lastChange: 'load',
          ...historyFields(),
        });
      },

      undo() {
        const entry = history.undo();
        if (!entry) return false;
        const doc = applyFields(get().doc, entry.diff.before);
        commit(doc, landOn(doc, entry.diff.ids?.before), 'undo');
        return true;
      },

      redo() {
        const entry = history.redo();
        if (!entry) return false;
        const doc = applyFields(get().doc, entry.diff.after);
        commit(doc, landOn(doc, entry.diff.ids?.after), 'redo');
        return true;
      },

      select(selection) {
        const next = sanitizeSelection(selection, get().doc, get().ids);
        if (!sameSelection(next, get().selection)) set({ selection: next });
      },

      breakCoalescing() {
        history.breakCoalescing();
      },
    };
  });
}

function isOutcome(value: Workflow | EditOutcome): value is EditOutcome {
  return 'doc' in value;
}

const withIds = (diff: DocumentDiff, before: DocIds, after: DocIds): DocumentDiff => ({
  ...diff,
  ids: { before, after },
});

/** True when the documents differ only in agents' positions (a drag, an auto-layout). */
export function onlyPositionsDiffer(a: Workflow, b: Workflow): boolean {
  if (a.agents.length !== b.agents.length) return false;
  for (const key of Object.keys(b) as Array<keyof Workflow>) {
    if (key !== 'agents' && a[key] !== b[key]) return false;
  }
  if (Object.keys(a).length !== Object.keys(b).length) return false;
  for (let i = 0; i < a.agents.length; i++) {
    const x = a.agents[i]!;
    const y = b.agents[i]!;
    if (x === y) continue;
    if (
      x.name !== y.name ||
      x.description !== y.description ||
      x.instructions !== y.instructions ||
      x.model !== y.model ||
      x.tools !== y.tools
    ) {
      return false;
    }
  }
  return true;
}
