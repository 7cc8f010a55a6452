import { useDesigner } from '../../store/hooks';
import { downloadText, fileNameFor, workflowFileText } from '../files/download';
import { useApp } from '../../app/appContext';
import { useLibrary } from './libraryStore';
import './library.css';

/**
 * Says clearly when the open workflow is not saved (storage full, IndexedDB unavailable,
 * blocked by another tab): the edits stay in this tab, the next change retries, and the
 * document can be downloaded as a rescue.
 */
export function StorageBanner() {
  const app = useApp();
  const save = useLibrary((s) => s.save);
  const name = useDesigner((s) => s.doc.name);
  if (save.state !== 'error' && save.state !== 'unavailable') return null;
  const download = () => {
    const doc = app.designer.getState().doc;
    downloadText(fileNameFor(doc.name, 'json'), workflowFileText(doc));
  };
  return (
    <div className="storage-banner" role="alert">
      <strong>
        {save.state === 'unavailable'
          ? 'Workflows cannot be saved in this browser.'
          : `“${name}” is not saved.`}
      </strong>{' '}
      <span className="storage-banner__detail">{save.message}</span>{' '}
      <span>Your edits are kept in this tab; the next change tries again.</span>
      <span className="storage-banner__actions">
        <button type="button" onClick={() => void app.autosave.retry(app.designer.getState().doc)}>
          Retry now
        </button>
        <button type="button" className="primary" onClick={download}>
          Download JSON
        </button>
      </span>
    </div>
  );
}
