/**
 * The one vocabulary of a run's status, for every layer: the engine's outcome of an invocation,
 * the stored run record, the past-runs list, the trace and the words the UI shows
 * (src/runs/status.ts). Each layer knows a part of it, named below; no layer invents its own.
 */
export type RunStatus =
  /** Trace: nothing has happened yet (the run is being started). */
  | 'idle'
  /** An invocation is going (stored: being written — or cut off, see `interrupted`). */
  | 'running'
  /** Trace: open requests wait for a person (input or approvals). */
  | 'waiting'
  /** Stored, outcome: the invocation ended on open requests; a resume answers them. */
  | 'paused'
  | 'completed'
  | 'failed'
  /** The user's Stop; resumable from the last checkpoint. */
  | 'stopped'
  /** List: this page drives the run now. */
  | 'live'
  /** List: stored as running with no live handle here: a reload or a closed tab cut it off. */
  | 'interrupted';

/** What a run record stores (and a run file carries). */
export type StoredRunStatus = Extract<
  RunStatus,
  'running' | 'paused' | 'completed' | 'failed' | 'stopped'
>;

/** How one invocation of the engine ended (`RunOutcome.status`). */
export type OutcomeStatus = Extract<RunStatus, 'paused' | 'completed' | 'failed' | 'stopped'>;

/** What the trace of a run's events says (`TraceState.status`). */
export type TraceStatus = Extract<
  RunStatus,
  'idle' | 'running' | 'waiting' | 'completed' | 'failed' | 'stopped'
>;

/** How a past run shows in the list: its stored status, or live / interrupted. */
export type ListedRunStatus = StoredRunStatus | Extract<RunStatus, 'live' | 'interrupted'>;
