import { Dialog } from '../files/Dialog';
import { ExamplesGallery } from './ExamplesGallery';
import { useLibrary } from './libraryStore';
import { useApp } from '../../app/appContext';
import { UndoToast } from './UndoToast';
import { WorkflowItem } from './WorkflowItem';

/** The library: the stored workflows (open, rename, duplicate, delete) and what to start from. */
export function LibraryDialog() {
  const app = useApp();
  const close = () => app.library.getState().set({ dialogOpen: false });
  const items = useLibrary((s) => s.items);
  const currentId = useLibrary((s) => s.currentId);
  return (
    <Dialog title="Workflows" onClose={close} className="library-dialog">
      <div className="library-dialog__new">
        <h3>Start a new workflow</h3>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            if (await app.session.newBlankWorkflow()) close();
          }}
        >
          + New blank
        </button>
      </div>
      <ExamplesGallery onOpened={close} />
      <h3>
        Your workflows <span className="library-dialog__count">({items.length})</span>
      </h3>
      <UndoToast inline />
      {items.length === 0 ? (
        <p className="library-dialog__empty">
          Nothing stored yet: workflows are saved in this browser as you edit them.
        </p>
      ) : (
        <ul className="wf-list" aria-label="Saved workflows">
          {items.map((item) => (
            <WorkflowItem
              key={item.id}
              item={item}
              current={item.id === currentId}
              onOpened={close}
            />
          ))}
        </ul>
      )}
      <p className="library-dialog__hint">
        Saved in this browser (IndexedDB), automatically on every change. Use Export to keep a copy
        elsewhere.
      </p>
    </Dialog>
  );
}
