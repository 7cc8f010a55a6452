import { runStatus, type RunView } from '../../runs';
import { useApp } from '../../app/appContext';
import { useLibrary } from '../library/libraryStore';

/**
 * A run of another workflow goes on in the background: said in the Run panel's title bar, with
 * a way back to its workflow. Its requests are answered there, never from here.
 */
export function BackgroundRunNote({ run }: { run: RunView }) {
  const { session } = useApp();
  const id = run.workflowId;
  // The library's name (it may have been renamed since the run started).
  const stored = useLibrary((s) =>
    id === undefined ? undefined : s.items.find((i) => i.id === id),
  );
  const name = stored?.name ?? run.workflowName ?? 'another workflow';
  const status = runStatus({ trace: run.timeline.latest });
  // "in progress" while it runs; what it waits for when it does (a person may be needed there).
  const doing = status.tone === 'running' ? 'in progress' : status.text;
  return (
    <span className="run-background" role="status">
      <span className={`run-state run-state--${status.tone}`}>
        1 run {doing} in “{name}”
      </span>
      {stored && (
        <button
          type="button"
          className="run-background__open"
          onClick={() => void session.openWorkflow(stored.id)}
          title={`Open “${name}” to follow its run`}
        >
          Show it
        </button>
      )}
    </span>
  );
}
