import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RunController, RunSummary, RunView } from '../../runs';
import { runFileName, runFileText, runStatus, sampleMessage } from '../../runs';
import { useDesigner } from '../../store/hooks';
import { checkpointsOf } from '../../trace';
import { BackgroundRunNote } from './BackgroundRunNote';
import { Chat } from './Chat';
import { storedWorkflowId, useBackgroundRun, useOpenOwnerKey, useOpenRunView } from './openRun';
import { PastRuns } from './PastRuns';
import { ProviderSettingsForm } from './ProviderSettingsForm';
import { Requests } from './Requests';
import { RunHeader } from './RunHeader';
import { SaveAsTest } from '../tests/SaveAsTest';
import { useRunUi } from './runContext';
import { useApp } from '../../app/appContext';
import { StartForm } from './StartForm';
import { Timeline } from './Timeline';
import { TraceNotes } from './TraceNotes';
import { TraceImportHost } from './TraceImport';
import { useProviderSettings } from './useProviderSettings';
import { useShownTrace } from './useShownTrace';
import './run.css';

/**
 * The Run panel: folded to a title bar, or the whole run session. It shows only runs of the open
 * workflow (./openRun.ts); a live run of another workflow is a note with a way back to it.
 */
export function RunPanel() {
  const { runUi } = useApp();
  const open = useRunUi((s) => s.open);
  const view = useOpenRunView();
  const background = useBackgroundRun();
  const interrupted = useInterruptedRuns(view, background !== undefined);
  const status = view.live ? runStatus({ trace: view.timeline.latest }) : undefined;
  return (
    <section className={`run-panel${open ? ' run-panel--open' : ''}`} aria-label="Run panel">
      <h2 className="run-panel__title">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => runUi.getState().set({ open: !open })}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Run
        </button>
        {status ? (
          <span className={`run-state run-state--${status.tone}`}>{status.text}</span>
        ) : (
          interrupted.length > 0 && (
            <span className="run-state run-state--interrupted">
              {interrupted.length} interrupted run{interrupted.length === 1 ? '' : 's'}
            </span>
          )
        )}
        {background && <BackgroundRunNote run={background} />}
      </h2>
      {open && <RunBody />}
      <TraceImportHost />
    </section>
  );
}

/**
 * The runs of the open workflow that a reload cut off. The newest is shown at once when the
 * panel shows no run of this workflow, so its chat, its status and Resume are there without
 * looking for them.
 */
function useInterruptedRuns(view: RunView, busy: boolean): RunSummary[] {
  const ownerKey = useOpenOwnerKey();
  const { runs: controller, openRun } = useApp();
  const [runs, setRuns] = useState<RunSummary[]>([]);
  useEffect(() => {
    let cancelled = false;
    controller.listRuns(openRun.owner()).then(
      // A test sample cut off by a reload belongs to its suite (the Tests panel says so).
      (list) =>
        !cancelled && setRuns(list.filter((r) => r.status === 'interrupted' && !r.testSample)),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [controller, openRun, ownerKey, view.live, view.runId]);
  const newest = runs[0]?.runId;
  const shown = view.runId !== undefined;
  useEffect(() => {
    if (newest !== undefined && !shown && !busy) void controller.open(newest);
  }, [controller, newest, shown, busy]);
  return runs;
}

async function download(controller: RunController, runId: string): Promise<void> {
  const file = await controller.exportRun(runId);
  const url = URL.createObjectURL(new Blob([runFileText(file)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = runFileName(file);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function RunBody() {
  const app = useApp();
  const controller = app.runs;
  const view = useOpenRunView();
  const background = useBackgroundRun();
  const busy = view.live || background !== undefined;
  const { settings, update } = useProviderSettings();
  const doc = useDesigner((s) => s.doc);
  const cursor = useRunUi((s) => s.cursor);
  const shown = useShownTrace();
  const [problem, setProblem] = useState<string | undefined>();
  const agents = useMemo(() => doc.agents.map((a) => a.name), [doc]);
  const sample = useMemo(() => sampleMessage(doc), [doc]);
  const setCursor = (c: number | null) => app.runUi.getState().set({ cursor: c });
  useEffect(() => app.runUi.getState().set({ cursor: null }), [app, view.runId]);
  const ownerKey = useOpenOwnerKey();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key says when the owner changed
  const load = useCallback(() => controller.listRuns(app.openRun.owner()), [controller, ownerKey]);
  const start = async (text: string) =>
    controller.start(app.designer.getState().doc, text, settings, await storedWorkflowId(app));
  const forkOpen = (runId: string, checkpointId?: string) =>
    controller.fork(
      runId,
      checkpointId,
      settings,
      app.designer.getState().doc,
      app.openRun.owner().id,
    );
  const guard = (action: Promise<unknown>) =>
    void action.then(
      () => setProblem(undefined),
      (e: unknown) => setProblem(e instanceof Error ? e.message : String(e)),
    );
  // The checkpoint the shown moment is at (or last passed): where Resume / Fork from here start.
  const checkpoint = checkpointsOf(shown).at(-1);
  const runId = view.runId;
  const error = problem ?? view.error;
  return (
    <div className="run-panel__body">
      <ProviderSettingsForm settings={settings} onChange={update} />
      <StartForm
        disabled={busy}
        busyNote={background ? `A run of “${background.workflowName}” is in progress.` : undefined}
        sample={sample}
        onStart={(text) => guard(start(text))}
      />
      {error && (
        <p role="alert" className="run-error">
          {error}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => {
              setProblem(undefined);
              controller.dismissError();
            }}
          >
            ×
          </button>
        </p>
      )}
      {runId && (
        <RunHeader
          view={view}
          latest={view.timeline.latest}
          onStop={() => controller.stop()}
          onResume={() => guard(controller.resume(runId, settings))}
          onExport={() => guard(download(controller, runId))}
        />
      )}
      {runId && <SaveAsTest events={view.timeline.events} />}
      {runId && view.imported && <TraceNotes runId={runId} />}
      <Timeline timeline={view.timeline} cursor={cursor} onCursor={setCursor} />
      <Chat state={shown} agents={agents} follow={cursor === null} />
      {view.live && cursor === null && (
        <Requests
          pending={shown.pending}
          onReply={(id, text) => controller.answerInput(id, text)}
          onEnd={(id) => controller.endRun(id)}
          onDecide={(id, approved) => controller.answerApproval(id, approved)}
        />
      )}
      {runId && cursor !== null && !view.live && view.continuable && checkpoint && (
        <div className="run-branch">
          <span>From checkpoint {checkpoint.checkpointId}:</span>
          <button
            type="button"
            onClick={() => guard(controller.resume(runId, settings, checkpoint.checkpointId))}
            title="Continue this run from here; what came after is dropped"
          >
            Resume from here
          </button>
          <button
            type="button"
            onClick={() => guard(forkOpen(runId, checkpoint.checkpointId))}
            title="Start a new run from here with the open workflow; this run stays"
          >
            Fork from here
          </button>
        </div>
      )}
      <PastRuns
        workflowName={doc.name}
        refreshKey={`${runId}:${view.live}:${view.timeline.latest.status}`}
        shown={view}
        busy={busy}
        load={load}
        onOpen={(id) => guard(controller.open(id))}
        onResume={(id) => guard(controller.resume(id, settings))}
        onReplay={(id) => guard(controller.replay(id, settings, app.openRun.owner().id))}
        onFork={(id) => guard(forkOpen(id))}
        onExport={(id) => guard(download(controller, id))}
        onImport={(file) =>
          guard(
            Promise.all([file.text(), storedWorkflowId(app)]).then(([text, id]) =>
              controller.importRun(text, id),
            ),
          )
        }
      />
    </div>
  );
}
