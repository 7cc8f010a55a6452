/**
 * The run of the open workflow. The controller shows one run at a time and drives at most one,
 * whichever workflow it came from; the Run panel, the canvas overlay and the breakpoint bar show
 * it only while it belongs to the workflow open in the designer (its library id, see
 * src/runs/owner.ts). A run of another workflow goes on in the background: its chat, replies,
 * approvals and breakpoints are never shown over this one.
 */
import { useSyncExternalStore } from 'react';
import {
  belongsTo,
  EMPTY_VIEW,
  runOwner,
  runStatus,
  type RunOwner,
  type RunView,
} from '../../runs';
import {
  appRunController,
  currentTargetId,
  designerStore,
  flushSave,
  libraryStore,
  scheduleSave,
} from '../../app/installed';
import { TraceTimeline } from '../../trace';

let ownerMemo: { id: string | undefined; doc: unknown; owner: RunOwner } | undefined;

/** The open workflow as runs are matched to it (a new object when its id or document changes). */
export function openOwner(): RunOwner {
  const id = libraryStore.getState().currentId;
  const doc = designerStore.getState().doc;
  if (ownerMemo && ownerMemo.id === id && ownerMemo.doc === doc) return ownerMemo.owner;
  const owner = runOwner(id, doc);
  ownerMemo = { id, doc, owner };
  return owner;
}

/** What changes when the open workflow's past runs must be listed again: its id, or its hash. */
export function openOwnerKey(): string {
  const owner = openOwner();
  return owner.id !== undefined ? `id:${owner.id}` : `doc:${owner.hash()}`;
}

const EMPTY_TIMELINE = new TraceTimeline();
let nothing: RunView = { ...EMPTY_VIEW, timeline: EMPTY_TIMELINE };
let shownMemo: { view: RunView; owner: RunOwner; shown: RunView } | undefined;

/**
 * The controller's view when its run belongs to the open workflow; else a view of no run (that
 * keeps the controller's error, so a refused action still says why).
 */
export function openRunView(): RunView {
  const view = appRunController().getView();
  const owner = openOwner();
  if (shownMemo?.view === view && shownMemo.owner === owner) return shownMemo.shown;
  let shown = view;
  if (view.runId === undefined || !belongsTo(view, owner)) {
    if (nothing.error !== view.error) nothing = { ...nothing, error: view.error };
    shown = nothing;
  }
  shownMemo = { view, owner, shown };
  return shown;
}

/** The live run of another workflow, if the controller drives one now. */
export function backgroundRun(): RunView | undefined {
  const view = appRunController().getView();
  return view.live && openRunView() !== view ? view : undefined;
}

/** What the note says of the background run ('' when there is none). */
function backgroundStatus(): string {
  const run = backgroundRun();
  return run ? runStatus({ trace: run.timeline.latest }).text : '';
}

/** Calls `listener` when `openRunView()` (or `backgroundRun()`) may have changed. */
export function subscribeOpenRun(listener: () => void): () => void {
  let last = openRunView();
  let background = backgroundStatus();
  const check = () => {
    const next = openRunView();
    const nextBackground = backgroundStatus();
    // A background run's events matter only when its status changes (the note, the Start form).
    if (next === last && nextBackground === background) return;
    last = next;
    background = nextBackground;
    listener();
  };
  const off = [
    appRunController().subscribe(check),
    libraryStore.subscribe(check),
    designerStore.subscribe(check),
  ];
  return () => off.forEach((f) => f());
}

/** The run view of the open workflow; re-renders on every event of that run. */
export function useOpenRunView(): RunView {
  return useSyncExternalStore(subscribeOpenRun, openRunView);
}

/** The live run of another workflow (re-renders when one starts or ends). */
export function useBackgroundRun(): RunView | undefined {
  return useSyncExternalStore(subscribeOpenRun, backgroundRun);
}

/**
 * The library id of the open workflow, storing it first when it is not stored yet (a link to
 * an example shows one in memory until it is edited): a run belongs to a stored workflow, so it
 * stays with it across edits. Undefined when the library cannot store it.
 */
export async function storedWorkflowId(): Promise<string | undefined> {
  const id = currentTargetId();
  if (id !== undefined) return id;
  if (libraryStore.getState().save.state === 'unavailable') return undefined;
  scheduleSave(designerStore.getState().doc);
  await flushSave();
  return currentTargetId();
}

function subscribeOwner(listener: () => void): () => void {
  const off = [libraryStore.subscribe(listener), designerStore.subscribe(listener)];
  return () => off.forEach((f) => f());
}

/** `openOwnerKey()` in React: changes when the open workflow's runs must be listed again. */
export function useOpenOwnerKey(): string {
  return useSyncExternalStore(subscribeOwner, openOwnerKey);
}
