/**
 * `CheckpointStore` on IndexedDB through dexie: the app's store
 * (docs/spec/run-semantics.md#checkpoints-and-resume). The schema is in db.ts. Writes that belong
 * together run in one IndexedDB transaction (a run check with its log write; a run's deletion with
 * its logs and checkpoints), and every storage failure surfaces as a `HandoffStudioError`
 * (`storage_quota` or `storage_error`) with the original error as `cause`.
 */
import { Dexie } from 'dexie';
import { HandoffStudioError } from '../engine/errors';
import type { RunEvent } from '../engine/events';
import type { Checkpoint, CheckpointStore, RunRecord, StoredItem } from '../engine/store';
import { DEFAULT_DB_NAME, HandoffStudioDB } from './db';
import type { IndexedDBDeps } from './db';
import { DatabaseAccess } from './dbAccess';

export { toStorageError } from './dbAccess';

/** A `CheckpointStore` kept in the app's IndexedDB database. */
export class DexieCheckpointStore implements CheckpointStore {
  /** The database (its `workflows` and `settings` tables are the app's to use). */
  readonly db: HandoffStudioDB;
  private readonly access: DatabaseAccess;

  /**
   * @param source - the app's shared connection (`src/app` opens one), or a database name to
   *   open a connection of its own (default "handoff-studio").
   * @param deps - with a name: `indexedDB` and `IDBKeyRange` to use instead of the browser's
   *   (fake-indexeddb in Node tests).
   */
  constructor(source: HandoffStudioDB | string = DEFAULT_DB_NAME, deps: IndexedDBDeps = {}) {
    this.db = typeof source === 'string' ? new HandoffStudioDB(source, deps) : source;
    const name = this.db.name;
    this.access = new DatabaseAccess(
      this.db,
      `The database "${name}" is blocked: another tab or window holds an older version of it ` +
        'open. Close the other Handoff Studio tabs, then reload.',
    );
  }

  /** Closes the connection (a later call reopens it). */
  close(): void {
    this.db.close({ disableAutoOpen: false });
  }

  async putRun(run: RunRecord): Promise<void> {
    await this.access.run('save', `run "${run.runId}"`, () => this.db.runs.put(run));
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    return this.access.run('read', `run "${runId}"`, () => this.db.runs.get(runId));
  }

  async listRuns(): Promise<RunRecord[]> {
    return this.access.run('read', 'the run list', () =>
      this.db.runs.orderBy('startedAt').reverse().toArray(),
    );
  }

  async deleteRun(runId: string): Promise<void> {
    const { runs, items, events, checkpoints } = this.db;
    await this.access.run('delete', `run "${runId}"`, () =>
      this.db.transaction('rw', [runs, items, events, checkpoints], async () => {
        await items
          .where('[runId+index]')
          .between(...runRange(runId))
          .delete();
        await events
          .where('[runId+seq]')
          .between(...runRange(runId))
          .delete();
        await checkpoints
          .where('[runId+checkpointId]')
          .between(...runRange(runId))
          .delete();
        await runs.delete(runId);
      }),
    );
  }

  async putItems(runId: string, start: number, items: readonly StoredItem[]): Promise<void> {
    checkPosition(start, 0, 'item position');
    const rows = items.map((item, i) => ({ runId, index: start + i, item }));
    const what = `${items.length} item(s) of run "${runId}" (positions ${start}–${start + items.length - 1})`;
    await this.access.run('save', what, () =>
      this.db.transaction('rw', [this.db.runs, this.db.items], async () => {
        await this.requireRun(runId);
        await this.db.items.bulkPut(rows);
        // Whatever lay beyond belongs to a future that a resume has abandoned (store.ts).
        await this.db.items
          .where('[runId+index]')
          .between([runId, start + items.length], [runId, Dexie.maxKey], true, true)
          .delete();
      }),
    );
  }

  async getItems(runId: string, count: number): Promise<StoredItem[]> {
    checkPosition(count, 0, 'item count');
    const rows = await this.access.run('read', `the items of run "${runId}"`, () =>
      this.db.transaction('r', [this.db.runs, this.db.items], async () => {
        await this.requireRun(runId);
        return this.db.items
          .where('[runId+index]')
          .between([runId, 0], [runId, count], true, false)
          .toArray();
      }),
    );
    if (rows.length < count) {
      throw new HandoffStudioError(
        'storage_error',
        `Run "${runId}": ${count} items expected, ${rows.length} stored (items a checkpoint refers to are missing).`,
      );
    }
    return rows.map((row) => row.item);
  }

  async putEvents(runId: string, events: readonly RunEvent[]): Promise<void> {
    for (const event of events) checkPosition(event.seq, 1, 'event seq');
    const rows = events.map((event) => ({ runId, seq: event.seq, event }));
    const what = `${events.length} event(s) of run "${runId}"`;
    await this.access.run('save', what, () =>
      this.db.transaction('rw', [this.db.runs, this.db.events], async () => {
        await this.requireRun(runId);
        await this.db.events.bulkPut(rows);
        const last = Math.max(...events.map((e) => e.seq));
        // Whatever lay beyond belongs to a future that a resume has abandoned (store.ts).
        await this.db.events
          .where('[runId+seq]')
          .between([runId, last + 1], [runId, Dexie.maxKey], true, true)
          .delete();
      }),
    );
  }

  async getEvents(runId: string, uptoSeq?: number): Promise<RunEvent[]> {
    const rows = await this.access.run('read', `the events of run "${runId}"`, () =>
      this.db.transaction('r', [this.db.runs, this.db.events], async () => {
        await this.requireRun(runId);
        const upper = uptoSeq === undefined ? Dexie.maxKey : uptoSeq;
        return this.db.events
          .where('[runId+seq]')
          .between([runId, 1], [runId, upper], true, true)
          .toArray();
      }),
    );
    return rows.map((row) => row.event);
  }

  async putCheckpoint(checkpoint: Checkpoint): Promise<void> {
    const { runId, checkpointId } = checkpoint;
    await this.access.run('save', `checkpoint "${checkpointId}" of run "${runId}"`, () =>
      this.db.transaction('rw', [this.db.runs, this.db.checkpoints], async () => {
        await this.requireRun(runId);
        await this.db.checkpoints.put(checkpoint);
      }),
    );
  }

  async getCheckpoint(runId: string, checkpointId: string): Promise<Checkpoint | undefined> {
    return this.access.run('read', `checkpoint "${checkpointId}" of run "${runId}"`, () =>
      this.db.checkpoints.get([runId, checkpointId]),
    );
  }

  async deleteCheckpointsAfter(runId: string, seq: number): Promise<void> {
    await this.access.run('delete', `the checkpoints of run "${runId}" after seq ${seq}`, () =>
      this.db.checkpoints
        .where('[runId+seq]')
        .between([runId, seq], [runId, Dexie.maxKey], false, true)
        .delete(),
    );
  }

  async listCheckpoints(runId: string): Promise<Checkpoint[]> {
    return this.access.run('read', `the checkpoints of run "${runId}"`, () =>
      this.db.checkpoints
        .where('[runId+seq]')
        .between(...runRange(runId))
        .toArray(),
    );
  }

  private async requireRun(runId: string): Promise<void> {
    if ((await this.db.runs.get(runId)) === undefined) {
      throw new HandoffStudioError('run_not_found', `Run "${runId}" is not in this store.`);
    }
  }
}

/** Key range bounds covering every compound key `[runId, …]`. */
function runRange(runId: string): [[string, number], [string, unknown]] {
  return [
    [runId, Dexie.minKey],
    [runId, Dexie.maxKey],
  ];
}

function checkPosition(value: number, min: number, what: string): void {
  if (!Number.isInteger(value) || value < min) {
    throw new HandoffStudioError('internal_error', `Invalid ${what}: ${value}.`);
  }
}
