/**
 * A checkpoint store that stamps every run record written through it with extra `meta` (the
 * workflow that owns a test sample, and the suite it belongs to), so that samples are ordinary
 * runs — listed, opened, resumed like any — that lists can still tell apart.
 */
import type { CheckpointStore, RunRecord } from '../engine/store';

/** `RunRecord.meta` key of a test sample: the id of its suite run. */
export const TEST_SUITE = 'testSuite';

/** True when the run is a sample of a routing-test suite. */
export const isTestSample = (record: Pick<RunRecord, 'meta'>): boolean =>
  record.meta?.[TEST_SUITE] !== undefined;

export function taggedStore(
  inner: CheckpointStore,
  meta: Readonly<Record<string, string>>,
): CheckpointStore {
  return {
    putRun: (run) => inner.putRun({ ...run, meta: { ...run.meta, ...meta } }),
    getRun: (runId) => inner.getRun(runId),
    listRuns: () => inner.listRuns(),
    deleteRun: (runId) => inner.deleteRun(runId),
    putItems: (runId, start, items) => inner.putItems(runId, start, items),
    getItems: (runId, count) => inner.getItems(runId, count),
    putEvents: (runId, events) => inner.putEvents(runId, events),
    getEvents: (runId, uptoSeq) => inner.getEvents(runId, uptoSeq),
    putCheckpoint: (checkpoint) => inner.putCheckpoint(checkpoint),
    getCheckpoint: (runId, checkpointId) => inner.getCheckpoint(runId, checkpointId),
    listCheckpoints: (runId, onUnreadable) => inner.listCheckpoints(runId, onUnreadable),
    deleteCheckpointsAfter: (runId, seq) => inner.deleteCheckpointsAfter(runId, seq),
  };
}
