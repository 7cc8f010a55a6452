/**
 * What the Run panel shows of a run session, and reading a stored run back with its workflow.
 */
import { HandoffStudioError } from '../engine/errors';
import type { CheckpointStore, RunRecord } from '../engine/store';
import { parseWorkflowText, type Workflow } from '../model';
import type { TraceTimeline } from '../trace';
import { originOf, type RunOrigin } from './owner';
import { canContinue, isImported } from './runFile';

/** What the Run panel shows. A new object whenever anything in it changed. */
export interface RunView extends RunOrigin {
  runId: string | undefined;
  workflowName: string | undefined;
  provider: string | undefined;
  /** A handle drives the run in this page now. */
  live: boolean;
  /** The shown run was cut off by a reload (stored as running, no handle here). */
  interrupted: boolean;
  /** The shown run can be resumed (it is stored with checkpoints and has not completed). */
  resumable: boolean;
  /** It has checkpoints here to resume or fork from (an old imported file has none). */
  continuable: boolean;
  imported: boolean;
  timeline: TraceTimeline;
  /** Changes with every event (the timeline itself is mutated in place). */
  version: number;
  /** Why the last action was refused or failed (the run's own failures are in the trace). */
  error: string | undefined;
}

export const EMPTY_VIEW: Omit<RunView, 'timeline'> = {
  runId: undefined,
  workflowName: undefined,
  workflowId: undefined,
  docHash: undefined,
  provider: undefined,
  live: false,
  interrupted: false,
  resumable: false,
  continuable: false,
  imported: false,
  version: 0,
  error: undefined,
};

/** The view of a stored run that no handle drives. */
export function viewOfRecord(record: RunRecord, timeline: TraceTimeline, version: number): RunView {
  const imported = isImported(record);
  return {
    runId: record.runId,
    workflowName: record.workflowName,
    ...originOf(record),
    provider: record.provider,
    live: false,
    interrupted: record.status === 'running',
    resumable: canContinue(record) && record.status !== 'completed',
    continuable: canContinue(record),
    imported,
    timeline,
    version,
    error: undefined,
  };
}

/** The latest checkpoint a run can continue from (the one a completion saved cannot). */
export async function latestContinuable(store: CheckpointStore, runId: string): Promise<string> {
  const checkpoints = await store.listCheckpoints(runId);
  const open = checkpoints.findLast(
    (c) => (c.state as { next?: { kind?: unknown } }).next?.kind !== 'completed',
  );
  if (!open) throw new Error(`Run "${runId}" has no checkpoint to continue from.`);
  return open.checkpointId;
}

/** A stored run and its workflow. @throws HandoffStudioError when absent or unreadable. */
export async function loadRun(
  store: CheckpointStore,
  runId: string,
): Promise<{ record: RunRecord; doc: Workflow }> {
  const record = await store.getRun(runId);
  if (!record) throw new HandoffStudioError('run_not_found', `There is no run "${runId}" here.`);
  const parsed = parseWorkflowText(record.document);
  if (!parsed.ok) {
    throw new HandoffStudioError(
      'invalid_document',
      `The workflow of run "${runId}" cannot be read.`,
    );
  }
  return { record, doc: parsed.doc };
}
