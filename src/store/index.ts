/**
 * The designer's state: the open workflow document with undo/redo, the selection, and the
 * validation issues derived from the document. A zustand vanilla store, usable without React
 * (tests, benches, autosave) and read in components through selectors (`./hooks`).
 *
 * ## Changing the document
 * Every change goes through one entry point:
 *
 * - `apply(operation, { label, coalesce?, burstMs?, select? })` runs a pure operation from
 *   `src/model/edit.ts` (`(doc) => Workflow | EditOutcome`) on the current document. The change
 *   is recorded as one undo step (a diff of the top-level fields that changed). Edits in a row
 *   with the same `coalesce` key merge into one step: use one key per drag gesture and one key
 *   per text field; `breakCoalescing()` (on blur, at the end of a drag) or `burstMs` (a pause)
 *   ends the step. A refused operation (`EditError`) returns `{ ok: false, error }` and changes
 *   nothing; an operation that returns the same document records nothing. Operations that
 *   create agents or edges select them, unless `select` says otherwise.
 * - `replaceDocument(doc, label)`: the whole document at once (the JSON view, an import into the
 *   open workflow) as one undo step. Returns false when nothing changed.
 * - `loadDocument(doc)`: opens another document. Clears history and selection (`lastChange` is
 *   `'load'`, so autosave can skip it).
 * - Operations on one element address it by id (`./byId`: `renameAgentById`, `onAgent`,
 *   `moveAgentsById`, `deleteById`, `updateHandoffById`), never by name or index.
 * - `undo()` / `redo()`: return false when there is nothing to undo / redo. An edit clears the
 *   redo stack; a selection change never does.
 *
 * ## Reading it
 * State fields: `doc`, `ids` (the view's ids of agents and handoffs, parallel to `doc.agents`
 * and `doc.handoffs`, never saved: see `./identity`), `topology`, `issues` (sorted, errors
 * first), `selection` (`{ agents: string[], edges: string[] (ids), tool?: string }`),
 * `revision` (increments on every document change), `lastChange` (`load | edit | replace | undo
 * | redo`), `canUndo`, `canRedo`, `undoLabel`, `redoLabel`. The document is immutable: compare
 * by reference.
 *
 * Outside React: `onDocumentChange(store, (doc, kind, revision) => …)` and
 * `subscribeSelector(store, selector, listener)`. In React: `useDesigner(selector, equalityFn?)`
 * and `useDesignerStore()` from `src/store/hooks.ts`. The app's store is built by `createApp`
 * (`src/app`, `app.designer`); tests make their own with `createDesignerStore(doc)`.
 *
 * @example
 * ```ts
 * import { createDesignerStore } from '../store';
 * import { newWorkflow, renameAgent } from '../model/edit';
 * const store = createDesignerStore(newWorkflow());
 * const result = store.getState().apply((d) => renameAgent(d, 'a', 'b'), {
 *   label: 'Rename agent',
 * });
 * if (!result.ok) showMessage(result.error.message);
 * ```
 */
export {
  createDesignerStore,
  type ApplyOptions,
  type ApplyResult,
  type ChangeKind,
  type DesignerState,
  type DesignerStore,
  type DesignerStoreOptions,
  type Operation,
} from './designerStore';
export { EMPTY_SELECTION, sameSelection, sanitizeSelection, type Selection } from './selection';
export { onDocumentChange, subscribeSelector } from './subscribe';
export {
  agentIdOf,
  agentNames,
  edgeIndices,
  indexOfId,
  reconcileIds,
  freshIds,
  type DocIds,
} from './identity';
export {
  deleteById,
  isDuplicateName,
  moveAgentsById,
  onAgent,
  renameAgentById,
  updateHandoffById,
} from './byId';
export { diffDocuments, mergeDiffs, type DocumentDiff, type HistoryEntry } from './history';
