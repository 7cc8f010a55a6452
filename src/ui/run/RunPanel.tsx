import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RunController } from '../../runs';
import { runFileName, runFileText } from '../../runs';
import { designerStore } from '../../store';
import { useDesigner } from '../../store/hooks';
import { checkpointsOf } from '../../trace';
import { Chat } from './Chat';
import { PastRuns } from './PastRuns';
import { ProviderSettingsForm } from './ProviderSettingsForm';
import { Requests } from './Requests';
import { RunHeader } from './RunHeader';
import { appRunController, runUiStore, useRunUi } from './runContext';
import { StartForm } from './StartForm';
import { Timeline } from './Timeline';
import { useProviderSettings } from './useProviderSettings';
import { useRunView } from './useRunView';
import { useShownTrace } from './useShownTrace';
import './run.css';

/** The Run panel: folded to a title bar, or the whole run session. */
export function RunPanel() {
  const open = useRunUi((s) => s.open);
  const view = useRunView();
  const workflowName = useDesigner((s) => s.doc.name);
  const interrupted = useInterruptedRuns(workflowName, view.live);
  const latest = view.timeline.latest;
  return (
    <section className={`run-panel${open ? ' run-panel--open' : ''}`} aria-label="Run panel">
      <h2 className="run-panel__title">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => runUiStore.getState().set({ open: !open })}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Run
        </button>
        {view.live ? (
          <span className={`run-state run-state--${latest.status}`}>
            {latest.status === 'waiting' ? 'waiting for you' : 'running'}
          </span>
        ) : (
          interrupted > 0 && (
            <span className="run-state run-state--interrupted">
              {interrupted} interrupted run{interrupted === 1 ? '' : 's'}
            </span>
          )
        )}
      </h2>
      {open && <RunBody />}
    </section>
  );
}

/** How many runs of the workflow a reload cut off (they resume from the Past runs list). */
function useInterruptedRuns(workflowName: string, live: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let cancelled = false;
    appRunController()
      .listRuns(workflowName)
      .then(
        (runs) => !cancelled && setCount(runs.filter((r) => r.state === 'interrupted').length),
        () => undefined,
      );
    return () => {
      cancelled = true;
    };
  }, [workflowName, live]);
  return count;
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
  const controller = appRunController();
  const view = useRunView();
  const { settings, update } = useProviderSettings();
  const doc = useDesigner((s) => s.doc);
  const cursor = useRunUi((s) => s.cursor);
  const shown = useShownTrace();
  const [problem, setProblem] = useState<string | undefined>();
  const agents = useMemo(() => doc.agents.map((a) => a.name), [doc]);
  const setCursor = (c: number | null) => runUiStore.getState().set({ cursor: c });
  useEffect(() => runUiStore.getState().set({ cursor: null }), [view.runId]);
  const load = useCallback(() => controller.listRuns(doc.name), [controller, doc.name]);
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
        disabled={view.live}
        onStart={(text) => guard(controller.start(designerStore.getState().doc, text, settings))}
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
            onClick={() =>
              guard(
                controller.fork(
                  runId,
                  checkpoint.checkpointId,
                  settings,
                  designerStore.getState().doc,
                ),
              )
            }
            title="Start a new run from here with the open workflow; this run stays"
          >
            Fork from here
          </button>
        </div>
      )}
      <PastRuns
        workflowName={doc.name}
        refreshKey={`${runId}:${view.live}:${view.timeline.latest.status}`}
        shownRunId={runId}
        busy={view.live}
        load={load}
        onOpen={(id) => guard(controller.open(id))}
        onResume={(id) => guard(controller.resume(id, settings))}
        onReplay={(id) => guard(controller.replay(id, settings))}
        onFork={(id) =>
          guard(controller.fork(id, undefined, settings, designerStore.getState().doc))
        }
        onExport={(id) => guard(download(controller, id))}
        onImport={(file) => guard(file.text().then((text) => controller.importRun(text)))}
      />
    </div>
  );
}
