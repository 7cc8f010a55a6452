import { runStatus, type RunView } from '../../runs';
import type { TraceState } from '../../trace';
import { totalsText, usageTitle } from './usageText';

interface Props {
  view: RunView;
  latest: TraceState;
  onStop(): void;
  onResume(): void;
  onExport(): void;
}

/** The shown run: its status, Stop while live, Resume when it can continue, Export. */
export function RunHeader({ view, latest, onStop, onResume, onExport }: Props) {
  const status = runStatus({ trace: latest, interrupted: view.interrupted });
  return (
    <div className="run-header">
      <div className="run-header__line">
        <span className={`run-state run-state--${status.tone}`}>{status.text}</span>
        <span className="run-header__agent">{view.live ? latest.activeAgent : ''}</span>
        {latest.usage.calls > 0 && (
          <span
            className="run-header__usage"
            title={usageTitle(latest.usage)}
            aria-label={`Run total: ${usageTitle(latest.usage)}`}
          >
            {totalsText(latest.usage)}
          </span>
        )}
        {view.live ? (
          <button type="button" className="danger" onClick={onStop}>
            Stop
          </button>
        ) : (
          view.resumable && (
            <button type="button" className="primary" onClick={onResume}>
              Resume
            </button>
          )
        )}
        {!view.live && (
          <button type="button" onClick={onExport} title="Save this run as one file (no keys)">
            Export
          </button>
        )}
      </div>
      {!view.live && view.interrupted && (
        <p className="run-header__note">
          This run was cut off (the page was reloaded or closed). Resume continues it from its last
          checkpoint.
        </p>
      )}
      {!view.live && !view.interrupted && latest.status === 'waiting' && (
        <p className="run-header__note">This run is waiting for you. Resume it to answer.</p>
      )}
      {view.imported && (
        <p className="run-header__note">
          {view.continuable
            ? 'Imported run: step through it, resume or fork it from a checkpoint with your provider, or Replay it on its recorded replies.'
            : 'Imported run (a file without checkpoints): step through it, or Replay it on its recorded replies.'}
        </p>
      )}
    </div>
  );
}
