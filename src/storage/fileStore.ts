/**
 * `CheckpointStore` on files, for Node: the CLI's `--store DIR`
 * (docs/spec/run-file.md#store-layout). Layout:
 *
 *     DIR/<runId>/run.json                     the RunRecord (replaced atomically)
 *     DIR/<runId>/items.jsonl                  the item log, one JSON value per line
 *     DIR/<runId>/events.jsonl                 the event log, line n holds seq n + 1
 *     DIR/<runId>/checkpoints/<checkpointId>.json   one Checkpoint each (written atomically)
 *     DIR/<runId>/checkpoints.jsonl            older checkpoints folded into one file (checkpointPack.ts)
 *
 * JSON files are written to a temporary file of the same directory, fsynced, then renamed (see
 * files.ts), so they are always either the old or the new version. The logs are written at
 * explicit positions without touching earlier lines (see lineLog.ts), and each write is fsynced
 * before it resolves, so a checkpoint saved after its items and events never refers to data a
 * crash could lose. Run and checkpoint ids must be safe file names. Operations on one run are
 * serialised within this instance, and one instance writes a run at a time: its first write
 * takes `DIR/<runId>/writer.lock` until `close()` (runLock.ts; others get `run_locked`).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HandoffStudioError } from '../engine/errors';
import type { RunEvent } from '../engine/events';
import type {
  Checkpoint,
  CheckpointStore,
  RunRecord,
  SkippedCheckpoint,
  StoredItem,
} from '../engine/store';
import { listCheckpointFiles, readCheckpointFile } from './checkpointFiles';
import {
  foldCheckpoints,
  mergeCheckpoints,
  PACK_FILE,
  prunePackAfter,
  readPack,
} from './checkpointPack';
import { checkSafeName, errnoCode, syncDir, toFileError, writeJsonAtomic } from './files';
import { LineLog } from './lineLog';
import { readRunFile, removeStrayTemps } from './runFiles';
import { LOCK_FILE, RunLocks } from './runLock';

const RUN_FILE = 'run.json';
const ITEMS_FILE = 'items.jsonl';
const EVENTS_FILE = 'events.jsonl';
const CHECKPOINTS_DIR = 'checkpoints';
/** Prefix of a run directory being deleted (renamed away first, so deletion looks atomic). */
const DELETED_PREFIX = '.deleted-';

/** A `CheckpointStore` keeping each run in its own directory under `dir`. */
export class FileCheckpointStore implements CheckpointStore {
  private readonly logs = new Map<string, LineLog>();
  private readonly knownRuns = new Set<string>();
  private readonly locks = new Map<string, Promise<void>>();
  private readonly writers = new RunLocks();

  /** @param dir - the store's directory (created on the first write). */
  constructor(readonly dir: string) {}

  async putRun(run: RunRecord): Promise<void> {
    const runDir = this.runDir(run.runId);
    await this.locked(run.runId, async () => {
      try {
        const created = await mkdir(join(runDir, CHECKPOINTS_DIR), { recursive: true });
        if (created !== undefined) {
          await syncDir(this.dir);
          await syncDir(runDir);
        }
      } catch (error) {
        throw toFileError(error, 'create the run directory', runDir);
      }
      await this.claim(run.runId);
      await writeJsonAtomic(join(runDir, RUN_FILE), run);
      this.knownRuns.add(run.runId);
    });
  }

  async getRun(runId: string): Promise<RunRecord | undefined> {
    return readRunFile(join(this.runDir(runId), RUN_FILE), runId);
  }

  /**
   * Newest first. A folder that holds no readable run record (an orphan a crash left between
   * creating it and the first write, or a damaged `run.json`) is left out, and told to
   * `onSkipped` with why; it never makes the listing fail.
   */
  async listRuns(onSkipped?: (folder: string, reason: string) => void): Promise<RunRecord[]> {
    let names: string[];
    try {
      const entries = await readdir(this.dir, { withFileTypes: true });
      names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return [];
      throw toFileError(error, 'list', this.dir);
    }
    // Finish deletions a crash interrupted (best effort).
    for (const name of names.filter((n) => n.startsWith(DELETED_PREFIX))) {
      await rm(join(this.dir, name), { recursive: true, force: true }).catch(() => undefined);
    }
    const runs = await Promise.all(
      names
        .filter((name) => !name.startsWith('.'))
        .map(async (name) => {
          try {
            const run = await readRunFile(join(this.dir, name, RUN_FILE), name);
            if (run === undefined) onSkipped?.(name, 'no run.json (an interrupted first write)');
            return run;
          } catch (error) {
            onSkipped?.(name, error instanceof Error ? error.message : String(error));
            return undefined;
          }
        }),
    );
    return runs
      .filter((run) => run !== undefined)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async deleteRun(runId: string): Promise<void> {
    const runDir = this.runDir(runId);
    await this.locked(runId, async () => {
      if (await this.exists(runId)) await this.claim(runId);
      this.writers.forget(runId);
      this.knownRuns.delete(runId);
      this.logs.delete(`${runId}/${ITEMS_FILE}`);
      this.logs.delete(`${runId}/${EVENTS_FILE}`);
      this.logs.delete(`${runId}/${PACK_FILE}`);
      const doomed = join(this.dir, `${DELETED_PREFIX}${runId}-${randomUUID()}`);
      try {
        await rename(runDir, doomed);
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return;
        throw toFileError(error, 'delete', runDir);
      }
      try {
        await syncDir(this.dir);
        await rm(doomed, { recursive: true, force: true });
      } catch (error) {
        throw toFileError(error, 'delete', doomed);
      }
    });
  }

  async putItems(runId: string, start: number, items: readonly StoredItem[]): Promise<void> {
    checkPosition(start, 0, 'item position');
    await this.locked(runId, async () => {
      await this.requireRun(runId);
      await this.claim(runId);
      await this.log(runId, ITEMS_FILE).write(start, items);
    });
  }

  async getItems(runId: string, count: number): Promise<StoredItem[]> {
    checkPosition(count, 0, 'item count');
    return this.locked(runId, async () => {
      await this.requireRun(runId);
      const log = this.log(runId, ITEMS_FILE);
      const values = await log.read(count);
      const stored = values.filter((v) => v !== null).length;
      if (stored < count) {
        throw new HandoffStudioError(
          'storage_error',
          `Run "${runId}": ${count} items expected, ${stored} stored in ${log.path} (items a checkpoint refers to are missing).`,
        );
      }
      return values as StoredItem[];
    });
  }

  async putEvents(runId: string, events: readonly RunEvent[]): Promise<void> {
    const bySeq = new Map<number, RunEvent>();
    for (const event of events) {
      checkPosition(event.seq, 1, 'event seq');
      bySeq.set(event.seq, event);
    }
    const seqs = [...bySeq.keys()].sort((a, b) => a - b);
    const first = seqs[0];
    if (first === undefined) return;
    if (seqs.some((seq, i) => seq !== first + i)) {
      throw new HandoffStudioError(
        'internal_error',
        `Run "${runId}": the events written together must have consecutive seqs (got ${seqs.join(', ')}).`,
      );
    }
    await this.locked(runId, async () => {
      await this.requireRun(runId);
      await this.claim(runId);
      await this.log(runId, EVENTS_FILE).write(
        first - 1,
        seqs.map((seq) => bySeq.get(seq)),
      );
    });
  }

  async getEvents(runId: string, uptoSeq?: number): Promise<RunEvent[]> {
    return this.locked(runId, async () => {
      await this.requireRun(runId);
      const count = uptoSeq === undefined ? undefined : Math.max(0, uptoSeq);
      const values = await this.log(runId, EVENTS_FILE).read(count);
      return values.filter((v) => v !== null) as RunEvent[];
    });
  }

  async putCheckpoint(checkpoint: Checkpoint): Promise<void> {
    const path = this.checkpointPath(checkpoint.runId, checkpoint.checkpointId);
    await this.locked(checkpoint.runId, async () => {
      await this.requireRun(checkpoint.runId);
      await this.claim(checkpoint.runId);
      await writeJsonAtomic(path, checkpoint);
      const runId = checkpoint.runId;
      await foldCheckpoints(this.checkpointDir(runId), this.log(runId, PACK_FILE), runId);
    });
  }

  async getCheckpoint(runId: string, checkpointId: string): Promise<Checkpoint | undefined> {
    const path = this.checkpointPath(runId, checkpointId);
    const file = await readCheckpointFile(path, runId, checkpointId);
    if (file !== undefined) return file;
    // Read after the file, so a fold running meanwhile (pack first, then the file) hides nothing.
    const packed = await readPack(this.log(runId, PACK_FILE).path, runId, () => undefined);
    return packed.find((cp) => cp.checkpointId === checkpointId);
  }

  async deleteCheckpointsAfter(runId: string, seq: number): Promise<void> {
    // A damaged checkpoint (seq unknown) is left where it is: every resume passes over it.
    const later = (await this.listCheckpoints(runId, () => undefined)).filter((cp) => cp.seq > seq);
    await this.locked(runId, async () => {
      await this.requireRun(runId);
      await this.claim(runId);
      for (const cp of later) {
        const path = this.checkpointPath(runId, cp.checkpointId);
        await rm(path, { force: true }).catch((error: unknown) => {
          throw toFileError(error, 'delete', path);
        });
      }
      await prunePackAfter(this.log(runId, PACK_FILE), runId, seq);
    });
  }

  async listCheckpoints(
    runId: string,
    onUnreadable?: (skipped: SkippedCheckpoint) => void,
  ): Promise<Checkpoint[]> {
    const files = await listCheckpointFiles(this.checkpointDir(runId), runId, onUnreadable);
    const packed = await readPack(this.log(runId, PACK_FILE).path, runId, onUnreadable);
    return mergeCheckpoints(files, packed);
  }

  /**
   * Releases the run locks this instance took (its first write to a run takes that run's lock,
   * so a second process writing the same run fails with `run_locked`). Call it when done.
   */
  close(): void {
    this.writers.releaseAll();
  }

  /** Makes this instance the run's one writer (see runLock.ts) unless it is already. */
  async claim(runId: string): Promise<void> {
    const runDir = this.runDir(runId);
    if (await this.writers.acquire(runId, join(runDir, LOCK_FILE))) {
      await removeStrayTemps([runDir, join(runDir, CHECKPOINTS_DIR)]);
    }
  }

  private async exists(runId: string): Promise<boolean> {
    return stat(this.runDir(runId)).then(
      () => true,
      () => false,
    );
  }

  private runDir(runId: string): string {
    checkSafeName(runId, 'run id');
    return join(this.dir, runId);
  }

  private checkpointDir(runId: string): string {
    return join(this.runDir(runId), CHECKPOINTS_DIR);
  }

  private checkpointPath(runId: string, checkpointId: string): string {
    checkSafeName(checkpointId, 'checkpoint id');
    return join(this.checkpointDir(runId), `${checkpointId}.json`);
  }

  private log(runId: string, file: string): LineLog {
    const key = `${runId}/${file}`;
    let log = this.logs.get(key);
    if (!log) this.logs.set(key, (log = new LineLog(join(this.runDir(runId), file))));
    return log;
  }

  private async requireRun(runId: string): Promise<void> {
    if (this.knownRuns.has(runId)) return;
    const path = join(this.runDir(runId), RUN_FILE);
    try {
      await stat(path);
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw toFileError(error, 'read', path);
      throw new HandoffStudioError(
        'run_not_found',
        `Run "${runId}" is not in the store ${this.dir}.`,
      );
    }
    this.knownRuns.add(runId);
  }

  /** Runs `op` after every earlier operation on the same run (of this instance) has settled. */
  private locked<T>(runId: string, op: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(runId) ?? Promise.resolve();
    const result = previous.then(op);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.locks.set(runId, tail);
    void tail.then(() => {
      if (this.locks.get(runId) === tail) this.locks.delete(runId);
    });
    return result;
  }
}

function checkPosition(value: number, min: number, what: string): void {
  if (!Number.isInteger(value) || value < min) {
    throw new HandoffStudioError('internal_error', `Invalid ${what}: ${value}.`);
  }
}
