/**
 * The run of the open workflow, and the trace shown for it. The controller shows one run at a
 * time and drives at most one, whichever workflow it came from; the Run panel, the canvas
 * overlay and the breakpoint bar show it only while it belongs to the workflow open in the
 * designer (its library id, see owner.ts). A run of another workflow goes on in the background:
 * its chat, replies, approvals and breakpoints are never shown over this one.
 *
 * One rule derives the trace shown (`shownTrace`): the open workflow's run at the timeline
 * cursor, or live when the cursor is null; both the canvas and the Run panel read it here.
 * No React: the UI subscribes with `useSyncExternalStore`.
 */
import type { Workflow } from '../model';
import { TraceTimeline, type TraceState } from '../trace';
import { belongsTo, runOwner, type RunOwner } from './owner';
import type { RunController } from './session';
import { runStatus } from './status';
import { EMPTY_VIEW, type RunView } from './view';

/** The workflow open in the designer, as runs are matched to it. */
export interface OpenWorkflow {
  /** Its library id (undefined while it is not stored) and its document. */
  current(): { id: string | undefined; doc: Workflow };
  /** Calls `listener` when the id or the document may have changed. */
  subscribe(listener: () => void): () => void;
}

/** The trace of `view` at `cursor` (an event count), or live when `cursor` is null. */
export function traceAt(view: RunView, cursor: number | null): TraceState {
  return cursor === null ? view.timeline.latest : view.timeline.stateAt(cursor);
}

export class OpenRun {
  private ownerMemo: { id: string | undefined; doc: Workflow; owner: RunOwner } | undefined;
  private nothing: RunView = { ...EMPTY_VIEW, timeline: new TraceTimeline() };
  private viewMemo: { view: RunView; owner: RunOwner; shown: RunView } | undefined;
  private traceMemo: { view: RunView; cursor: number | null; trace: TraceState } | undefined;

  constructor(
    private readonly runs: RunController,
    private readonly workflow: OpenWorkflow,
  ) {}

  /** The open workflow as runs are matched to it (a new object when its id or document changes). */
  owner = (): RunOwner => {
    const { id, doc } = this.workflow.current();
    const memo = this.ownerMemo;
    if (memo && memo.id === id && memo.doc === doc) return memo.owner;
    const owner = runOwner(id, doc);
    this.ownerMemo = { id, doc, owner };
    return owner;
  };

  /** What changes when the open workflow's past runs must be listed again: its id, or its hash. */
  ownerKey = (): string => {
    const owner = this.owner();
    return owner.id !== undefined ? `id:${owner.id}` : `doc:${owner.hash()}`;
  };

  /**
   * The controller's view when its run belongs to the open workflow; else a view of no run (that
   * keeps the controller's error, so a refused action still says why).
   */
  view = (): RunView => {
    const view = this.runs.getView();
    const owner = this.owner();
    const memo = this.viewMemo;
    if (memo?.view === view && memo.owner === owner) return memo.shown;
    let shown = view;
    if (view.runId === undefined || !belongsTo(view, owner)) {
      if (this.nothing.error !== view.error) this.nothing = { ...this.nothing, error: view.error };
      shown = this.nothing;
    }
    this.viewMemo = { view, owner, shown };
    return shown;
  };

  /** The trace shown now: the open workflow's run at `cursor` (live when null), computed once. */
  shownTrace = (cursor: number | null): TraceState => {
    const view = this.view();
    const memo = this.traceMemo;
    if (memo && memo.view === view && memo.cursor === cursor) return memo.trace;
    const trace = traceAt(view, cursor);
    this.traceMemo = { view, cursor, trace };
    return trace;
  };

  /** The live run of another workflow, if the controller drives one now. */
  background = (): RunView | undefined => {
    const view = this.runs.getView();
    return view.live && this.view() !== view ? view : undefined;
  };

  /** Calls `listener` when `view()` (or `background()`'s status) may have changed. */
  subscribe = (listener: () => void): (() => void) => {
    let last = this.view();
    let background = this.backgroundStatus();
    const check = () => {
      const next = this.view();
      const nextBackground = this.backgroundStatus();
      // A background run's events matter only when its status changes (the note, the Start form).
      if (next === last && nextBackground === background) return;
      last = next;
      background = nextBackground;
      listener();
    };
    const off = [this.runs.subscribe(check), this.workflow.subscribe(check)];
    return () => off.forEach((f) => f());
  };

  /** Calls `listener` when the open workflow (its id or document) may have changed. */
  subscribeOwner = (listener: () => void): (() => void) => this.workflow.subscribe(listener);

  /** What the note says of the background run ('' when there is none). */
  private backgroundStatus(): string {
    const run = this.background();
    return run ? runStatus({ trace: run.timeline.latest }).text : '';
  }
}
