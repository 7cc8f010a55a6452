/**
 * The past runs of a workflow as the Run panel lists them. A run whose record says "running"
 * but that no live handle in this page drives was cut off by a reload or a closed tab: it shows
 * as interrupted and resumes from its last checkpoint.
 */
import type { ListedRunStatus } from '../engine/runStatus';
import type { CheckpointStore, RunRecord } from '../engine/store';
import { belongsTo, originOf, type RunOwner } from './owner';
import { canContinue, isImported } from './runFile';

/** `RunRecord.meta` key of a routing-test sample: the id of its suite run (src/testing). */
export const TEST_SUITE = 'testSuite';

export interface RunSummary {
  runId: string;
  workflowName: string;
  /** Its stored status, or live / interrupted. */
  status: ListedRunStatus;
  startedAt: string;
  updatedAt: string;
  /** Events stored. */
  events: number;
  /** Provider id ("simulator", "openai", "script"). */
  provider: string;
  /** It has checkpoints and has not completed. */
  resumable: boolean;
  /** It has checkpoints here to fork from (an old imported file has none). */
  continuable: boolean;
  imported: boolean;
  /** A sample of a routing-test suite (`meta.testSuite`): lists may hide it. */
  testSample: boolean;
  forkOf?: { runId: string; checkpointId: string };
}

/** Runs of the workflow `owner` (all when absent; see owner.ts), newest first. */
export async function listRunSummaries(
  store: CheckpointStore,
  liveRunId: string | undefined,
  owner?: RunOwner,
): Promise<RunSummary[]> {
  const records = await store.listRuns();
  const mine = records.filter((r) => owner === undefined || belongsTo(originOf(r), owner));
  return Promise.all(mine.map((r) => summarize(store, r, liveRunId)));
}

export async function summarize(
  store: CheckpointStore,
  record: RunRecord,
  liveRunId: string | undefined,
): Promise<RunSummary> {
  const live = record.runId === liveRunId;
  const interrupted = !live && record.status === 'running';
  // The record's count is written at pauses and ends; a cut-off run's log is longer.
  const events =
    live || interrupted ? (await store.getEvents(record.runId)).length : record.eventCount;
  const imported = isImported(record);
  return {
    runId: record.runId,
    workflowName: record.workflowName,
    status: live ? 'live' : interrupted ? 'interrupted' : record.status,
    startedAt: record.startedAt,
    updatedAt: record.updatedAt,
    events,
    provider: record.provider,
    resumable: canContinue(record) && !live && record.status !== 'completed',
    continuable: canContinue(record),
    imported,
    testSample: record.meta?.[TEST_SUITE] !== undefined,
    ...(record.forkOf ? { forkOf: record.forkOf } : {}),
  };
}
