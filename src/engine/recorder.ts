/**
 * Persists one run through the `CheckpointStore` port: the item log and the event log grow
 * append-only (only what changed since the last write goes to the store), and each checkpoint is
 * the small run state plus the positions it covers
 * (docs/spec/run-semantics.md#checkpoints-and-resume).
 */
import { HandoffStudioError } from './errors';
import type { RunEvent } from './events';
import { toStoredState, type RunState } from './state';
import type { Checkpoint, CheckpointStore, RunRecord } from './store';
import type { StoredRunStatus } from './runStatus';
import type { Transcript } from './transcript';

export class RunRecorder {
  private unsaved: RunEvent[] = [];

  constructor(
    private readonly store: CheckpointStore,
    private record: RunRecord,
    /** Items already in the store (the rest are written at the next checkpoint). */
    private savedItems: number,
    private readonly now: () => string,
  ) {}

  get runId(): string {
    return this.record.runId;
  }

  /** Writes the run record as the invocation begins (status "running"). */
  async begin(): Promise<void> {
    await this.write(() =>
      this.store.putRun({ ...this.record, status: 'running', updatedAt: this.now() }),
    );
  }

  /** Remembers an emitted event until the next write. */
  note(event: RunEvent): void {
    this.unsaved.push(event);
  }

  /**
   * Writes the items and events not yet stored, `checkpointEvent` (the `checkpoint_saved` that
   * announces it, so the event log covers it), then the checkpoint. The run record (which holds
   * the whole document) is rewritten only when the status changes (a pause), not after every
   * reply: the latest checkpoint is found by listing them, so a checkpoint costs what changed.
   */
  async saveCheckpoint(
    state: RunState,
    transcript: Transcript,
    checkpointEvent: RunEvent,
    parentId: string | null,
    status: StoredRunStatus,
  ): Promise<void> {
    const checkpointId = state.checkpointId!;
    const checkpoint: Checkpoint = {
      checkpointId,
      runId: this.record.runId,
      parentId,
      createdAt: this.now(),
      seq: checkpointEvent.seq,
      itemCount: transcript.length,
      state: toStoredState(state),
    };
    await this.write(async () => {
      await this.writeItems(transcript);
      await this.store.putEvents(this.record.runId, [...this.unsaved, checkpointEvent]);
      this.unsaved = [];
      await this.store.putCheckpoint(checkpoint);
      if (status !== this.record.status || status !== 'running') {
        await this.putRecord(state, transcript, status, checkpointId);
      } else {
        this.record = { ...this.record, lastCheckpointId: checkpointId };
      }
    });
  }

  /** Writes what is left at the end of an invocation and the run's final status. */
  async finish(state: RunState, transcript: Transcript, status: StoredRunStatus): Promise<void> {
    await this.write(async () => {
      await this.writeItems(transcript);
      if (this.unsaved.length > 0) await this.store.putEvents(this.record.runId, this.unsaved);
      this.unsaved = [];
      await this.putRecord(state, transcript, status, this.record.lastCheckpointId);
    });
  }

  private async writeItems(transcript: Transcript): Promise<void> {
    if (transcript.length <= this.savedItems) return;
    const items = transcript.slice(this.savedItems);
    await this.store.putItems(this.record.runId, this.savedItems, items);
    this.savedItems = transcript.length;
  }

  private async putRecord(
    state: RunState,
    transcript: Transcript,
    status: StoredRunStatus,
    lastCheckpointId: string | undefined,
  ): Promise<void> {
    this.record = {
      ...this.record,
      status,
      updatedAt: this.now(),
      eventCount: state.seq,
      itemCount: transcript.length,
      ...(lastCheckpointId !== undefined ? { lastCheckpointId } : {}),
    };
    await this.store.putRun(this.record);
  }

  private async write(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      if (error instanceof HandoffStudioError) throw error;
      throw new HandoffStudioError(
        'storage_error',
        `Could not save run ${this.record.runId}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
}
