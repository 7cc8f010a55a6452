/**
 * What the library listens to once it has started: every change of the designer's document
 * (autosave), saves announced by other tabs (the list, and a conflict on the open workflow), and
 * the page going away (a last flush; the browser asks while changes are not stored).
 */
import { onDocumentChange } from '../store';
import type { LibrarySessionDeps } from './host';

export interface SessionHooks {
  /** True while the session itself loads a document (other loads are new workflows). */
  loading(): boolean;
  refreshList(): void;
}

export function wireLibrary(deps: LibrarySessionDeps, session: SessionHooks): void {
  const { designer, library, autosave, crossTab, host } = deps;
  onDocumentChange(designer, (doc, kind) => {
    if (kind !== 'load') autosave.schedule(doc);
    else if (!session.loading()) {
      // Someone else opened a document (the toolbar's example menu): it becomes a new workflow.
      void autosave.flush().then(() => {
        autosave.setTarget(undefined);
        autosave.schedule(designer.getState().doc);
      });
    }
  });
  crossTab.listen((id, updatedAt) => {
    session.refreshList();
    if (id === library.getState().currentId) library.getState().set({ conflict: { updatedAt } });
  });
  host.onLeave(
    () => void autosave.flush(),
    () => {
      const { save, conflict } = library.getState();
      // Changes that are not stored (a failed save, or held while another tab saved this
      // workflow): the browser asks before the page goes.
      const held = conflict !== undefined && autosave.hasUnsavedChanges();
      return save.state === 'error' || save.state === 'unavailable' || held;
    },
  );
}
