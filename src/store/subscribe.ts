/** Subscriptions outside React (autosave, the JSON view, benches) with selectors. */
import type { ChangeKind, DesignerState, DesignerStore } from './designerStore';
import type { Workflow } from '../model/schema';

/**
 * Calls `listener` whenever `selector`'s value changes (by `Object.is` or `equalityFn`). Returns
 * the unsubscribe function.
 */
export function subscribeSelector<T>(
  store: DesignerStore,
  selector: (state: DesignerState) => T,
  listener: (value: T, previous: T) => void,
  equalityFn: (a: T, b: T) => boolean = Object.is,
): () => void {
  let current = selector(store.getState());
  return store.subscribe((state) => {
    const next = selector(state);
    if (equalityFn(current, next)) return;
    const previous = current;
    current = next;
    listener(next, previous);
  });
}

/**
 * Calls `listener` after every document change with the new document and how it changed
 * (`load`, `edit`, `replace`, `undo`, `redo`). Selection changes do not call it.
 */
export function onDocumentChange(
  store: DesignerStore,
  listener: (doc: Workflow, kind: ChangeKind, revision: number) => void,
): () => void {
  return subscribeSelector(
    store,
    (state) => state.revision,
    () => {
      const { doc, lastChange, revision } = store.getState();
      listener(doc, lastChange, revision);
    },
  );
}
