import { useDesigner } from '../../store/hooks';
import { useApp } from '../../app/appContext';
import { useLibrary } from './libraryStore';
import { formatWhen } from './when';
import './library.css';

/**
 * The open workflow was saved in another tab: this tab stops saving it (so neither version is
 * overwritten unseen) until the person loads that version or keeps this one.
 */
export function ConflictBanner() {
  const app = useApp();
  const conflict = useLibrary((s) => s.conflict);
  const name = useDesigner((s) => s.doc.name);
  if (!conflict) return null;
  return (
    <div className="storage-banner storage-banner--conflict" role="alert">
      <strong>“{name}” was changed in another tab</strong>{' '}
      <span className="storage-banner__detail">({formatWhen(conflict.updatedAt)}).</span>{' '}
      <span>This tab does not save it until you choose.</span>
      <span className="storage-banner__actions">
        <button type="button" onClick={() => void app.session.loadStoredVersion()}>
          Load that version
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void app.autosave.retry(app.designer.getState().doc)}
          title="Save this tab's version over the other tab's"
        >
          Keep mine
        </button>
      </span>
    </div>
  );
}
