import type { JsonSyncState } from './jsonSync';

interface Props {
  state: JsonSyncState;
  onReveal(path: string): void;
  onRevert(): void;
  onApply(): void;
}

/** Below the JSON editor: in sync, waiting, or every problem (click one to go to it). */
export function JsonStatusBar({ state, onReveal, onRevert, onApply }: Props) {
  const { problems, pending, diverged } = state;
  if (problems.length === 0) {
    return (
      <div className="json-status" role="status">
        {pending ? (
          <span className="json-status__text">Applying your edit…</span>
        ) : (
          <span className="json-status__text json-status__text--ok">
            ✓ Valid · same document as the canvas
          </span>
        )}
        {pending && (
          <button type="button" className="link-button" onClick={onApply}>
            Apply now
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="json-status json-status--error" role="alert" aria-label="JSON problems">
      <div className="json-status__head">
        <strong>
          {problems.length} problem{problems.length > 1 ? 's' : ''} in the JSON.
        </strong>{' '}
        <span>
          {diverged
            ? 'The canvas changed meanwhile and keeps its own version.'
            : 'The canvas keeps the last valid document until the JSON is fixed.'}
        </span>
        <button type="button" onClick={onRevert} title="Discard the JSON edits">
          Revert to the canvas
        </button>
      </div>
      <ul className="json-status__list">
        {problems.map((p, i) => (
          <li key={i}>
            <button type="button" className="json-status__problem" onClick={() => onReveal(p.path)}>
              <code>{p.path || '(document)'}</code> {p.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
