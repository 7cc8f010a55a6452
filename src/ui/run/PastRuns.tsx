import { useEffect, useRef, useState } from 'react';
import { runStatus, type RunSummary, type RunView } from '../../runs';
import { TraceImportButton } from './TraceImport';
import { ExportOtlpButton } from './TraceNotes';

interface Props {
  workflowName: string;
  /** Changes when the list may have changed (a run started, ended, was imported). */
  refreshKey: string;
  /** The shown run: a live one is described from its trace (the list is read at moments). */
  shown: RunView;
  busy: boolean;
  onOpen(runId: string): void;
  onResume(runId: string): void;
  onReplay(runId: string): void;
  onFork(runId: string): void;
  onExport(runId: string): void;
  onImport(file: File): void;
  load(): Promise<RunSummary[]>;
}

/** A run's status and event count: from the live trace for the shown live run. */
function describe(run: RunSummary, shown: RunView): { text: string; tone: string; events: number } {
  if (shown.live && run.runId === shown.runId) {
    return { ...runStatus({ trace: shown.timeline.latest }), events: shown.timeline.length };
  }
  return { ...runStatus({ status: run.status }), events: run.events };
}

// One formatter for all (toLocaleString builds one per call: costly on every render of the list).
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/** The past runs of the open workflow: status, start, length, provider; Open, Resume, Replay. */
export function PastRuns(props: Props) {
  const { load, refreshKey } = props;
  const [runs, setRuns] = useState<RunSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Routing-test samples are runs too; hidden unless asked for (a suite makes many).
  const [samples, setSamples] = useState(false);
  const shownRuns = runs?.filter((r) => samples || !r.testSample || r.runId === props.shown.runId);
  const sampleCount = runs?.filter((r) => r.testSample).length ?? 0;
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let cancelled = false;
    load().then(
      (list) => !cancelled && (setRuns(list), setError(undefined)),
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [load, refreshKey]);
  return (
    <section className="past-runs" aria-label="Past runs">
      <header className="past-runs__header">
        <h3 title={`Runs of ${props.workflowName}`}>Past runs</h3>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import run…
        </button>
        <TraceImportButton disabled={props.busy} />
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Run file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) props.onImport(file);
            e.target.value = '';
          }}
        />
      </header>
      {error && <p role="alert">{error}</p>}
      {sampleCount > 0 && (
        <label className="past-runs__samples">
          <input type="checkbox" checked={samples} onChange={(e) => setSamples(e.target.checked)} />
          Show test samples ({sampleCount})
        </label>
      )}
      {shownRuns?.length === 0 && <p className="past-runs__empty">No runs of this workflow yet.</p>}
      <ul>
        {shownRuns?.map((r) => {
          const status = describe(r, props.shown);
          return (
            <li
              key={r.runId}
              className={`past-run${r.runId === props.shown.runId ? ' past-run--shown' : ''}`}
              aria-label={`Run ${r.runId}`}
            >
              <div className="past-run__line">
                <span className={`run-state run-state--${status.tone}`}>{status.text}</span>
                <span className="past-run__meta">
                  {when(r.startedAt)} · {status.events} events · {r.provider}
                  {r.imported ? ' · imported' : ''}
                  {r.forkOf ? ' · fork' : ''}
                  {r.testSample ? ' · test sample' : ''}
                </span>
              </div>
              <div className="past-run__actions">
                <button type="button" onClick={() => props.onOpen(r.runId)} disabled={props.busy}>
                  Open
                </button>
                {r.resumable && (
                  <button
                    type="button"
                    onClick={() => props.onResume(r.runId)}
                    disabled={props.busy}
                  >
                    Resume
                  </button>
                )}
                {r.continuable && (
                  <button
                    type="button"
                    onClick={() => props.onFork(r.runId)}
                    disabled={props.busy}
                    title="A new run from this one's latest checkpoint, with the open workflow; this run stays"
                  >
                    Fork
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => props.onReplay(r.runId)}
                  disabled={props.busy}
                  title="Run it again on its recorded replies (script provider)"
                >
                  Replay
                </button>
                <button type="button" onClick={() => props.onExport(r.runId)}>
                  Export
                </button>
                <ExportOtlpButton runId={r.runId} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
