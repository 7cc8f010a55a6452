import { useEffect } from 'react';
import { useApp } from '../../app/appContext';
import { useLibrary } from './libraryStore';

const TOAST_MS = 10_000;

/** "Deleted …  Undo" after a workflow is deleted, for ten seconds. */
export function UndoToast({ inline = false }: { inline?: boolean }) {
  const { library, session } = useApp();
  const deleted = useLibrary((s) => s.deleted);
  // While the library dialog is open the page behind it is inert: the dialog shows its own.
  const dialogOpen = useLibrary((s) => s.dialogOpen);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => {
      if (library.getState().deleted === deleted) library.getState().set({ deleted: undefined });
    }, TOAST_MS);
    return () => clearTimeout(timer);
  }, [library, deleted]);
  if (!deleted || dialogOpen !== inline) return null;
  return (
    <div className={inline ? 'toast toast--inline' : 'toast'} role="status">
      <span>
        Deleted “<span className="toast__name">{deleted.row.name}</span>”.
      </span>
      <button type="button" className="primary" onClick={() => void session.undoDelete()}>
        Undo
      </button>
      <button
        type="button"
        className="toast__close"
        aria-label="Dismiss"
        onClick={() => library.getState().set({ deleted: undefined })}
      >
        ×
      </button>
    </div>
  );
}
