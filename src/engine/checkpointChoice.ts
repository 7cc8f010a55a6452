/**
 * Which checkpoint a resume continues from: the one asked for, or else the newest one that can be
 * read. Damaged checkpoints are passed over and reported (`SkippedCheckpoint`), so one damaged
 * file never blocks a run that has readable checkpoints.
 */
import { HandoffStudioError } from './errors';
import { readRunState } from './readState';
import type { RunState } from './state';
import type { Checkpoint, CheckpointStore, RunRecord, SkippedCheckpoint } from './store';

export interface ChosenCheckpoint {
  checkpoint: Checkpoint;
  state: RunState;
  /** Whether it is the run's latest checkpoint (nothing, readable or not, may lie after it). */
  latest: boolean;
  /** The damaged checkpoints passed over (the store's, by id; then newer ones, newest first). */
  skipped: SkippedCheckpoint[];
}

export async function chooseCheckpoint(
  store: CheckpointStore,
  record: RunRecord,
  checkpointId: string | undefined,
): Promise<ChosenCheckpoint> {
  const runId = record.runId;
  const damaged: SkippedCheckpoint[] = [];
  const listed = await store.listCheckpoints(runId, (s) => damaged.push(s));
  damaged.sort((a, b) => a.checkpointId.localeCompare(b.checkpointId));
  const lastId = damaged.length === 0 ? listed.at(-1)?.checkpointId : undefined;
  if (checkpointId !== undefined) {
    // Only the checkpoint asked for has to be readable.
    const checkpoint = await store.getCheckpoint(runId, checkpointId);
    if (!checkpoint) {
      throw new HandoffStudioError(
        'checkpoint_not_found',
        `Run "${runId}" has no checkpoint "${checkpointId}".`,
      );
    }
    const state = readState(checkpoint, record);
    return { checkpoint, state, latest: checkpointId === lastId, skipped: [] };
  }
  const skipped = [...damaged];
  for (const checkpoint of [...listed].reverse()) {
    try {
      const state = readState(checkpoint, record);
      return { checkpoint, state, latest: checkpoint.checkpointId === lastId, skipped };
    } catch (error) {
      if (!(error instanceof HandoffStudioError)) throw error;
      skipped.push({ checkpointId: checkpoint.checkpointId, reason: error.message });
    }
  }
  if (skipped.length > 0) {
    throw new HandoffStudioError(
      'checkpoint_unreadable',
      `Run "${runId}" has no readable checkpoint to resume from: ` +
        skipped.map((s) => s.reason).join(' '),
    );
  }
  throw new HandoffStudioError(
    'checkpoint_not_found',
    `Run "${runId}" has no checkpoint to resume from.`,
  );
}

export function readState(checkpoint: Checkpoint, record: RunRecord): RunState {
  try {
    return readRunState(checkpoint.state, {
      runId: record.runId,
      docHash: record.docHash,
      seq: checkpoint.seq,
      itemCount: checkpoint.itemCount,
      checkpointId: checkpoint.checkpointId,
    });
  } catch (error) {
    throw new HandoffStudioError(
      'checkpoint_unreadable',
      `Checkpoint "${checkpoint.checkpointId}" cannot be read: ${(error as Error).message}`,
    );
  }
}
