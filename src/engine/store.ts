/**
 * The checkpoint store port (docs/spec/run-semantics.md#checkpoints-and-resume). The engine
 * persists through it; implementations: memoryStore.ts (here, for tests and the CLI without
 * --store), src/storage/dexieStore.ts (IndexedDB, the app) and src/storage/fileStore.ts (files, the
 * CLI's --store DIR).
 *
 * Everything stored is plain JSON. Logs are append-only and written at explicit positions
 * (`index`, `seq`), so a write repeated after a crash is idempotent. A write *ends* the log: what
 * lay beyond the last position written is discarded, so when a run resumes from an earlier
 * checkpoint, the abandoned future (written after that checkpoint) disappears with its first write.
 */
import type { RunEvent } from './events';
import type { StoredRunStatus } from './runStatus';

export interface RunRecord {
  runId: string;
  /** Workflow name, for run lists. */
  workflowName: string;
  /** Hash of the canonical document the run was started with. */
  docHash: string;
  /** The canonical document text itself (a run is replayable on its own). */
  document: string;
  provider: string;
  status: StoredRunStatus;
  startedAt: string;
  updatedAt: string;
  /** The run this one was forked from, and at which checkpoint. */
  forkOf?: { runId: string; checkpointId: string };
  /**
   * What the caller of `startRun` attached to the run (e.g. the run a replay replays). Kept by
   * every later write of the record and by a resume; a fork starts without it.
   */
  meta?: Readonly<Record<string, string>>;
  /** Latest checkpoint, for resume. */
  lastCheckpointId?: string;
  /** Number of events and of transcript items persisted so far. */
  eventCount: number;
  itemCount: number;
}

/** An entry of the run's append-only item log (shared transcript and private histories). */
export type StoredItem = { readonly [key: string]: unknown };

export interface Checkpoint {
  checkpointId: string;
  runId: string;
  parentId: string | null;
  createdAt: string;
  /** Last event seq covered. */
  seq: number;
  /** Number of log items covered. */
  itemCount: number;
  /** Engine state (counters, active agent, pending requests…): small, JSON. */
  state: { readonly [key: string]: unknown };
}

/** A checkpoint a resume passed over because it cannot be read, and why. */
export interface SkippedCheckpoint {
  checkpointId: string;
  reason: string;
}

export interface CheckpointStore {
  putRun(run: RunRecord): Promise<void>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(): Promise<RunRecord[]>;
  deleteRun(runId: string): Promise<void>;
  /** Writes `items` at positions `start`, `start + 1`, …; the log then ends after them. */
  putItems(runId: string, start: number, items: readonly StoredItem[]): Promise<void>;
  /** Items at positions [0, count). */
  getItems(runId: string, count: number): Promise<StoredItem[]>;
  /** Writes events (consecutive `seq`s) at their `seq`; the log then ends after the last. */
  putEvents(runId: string, events: readonly RunEvent[]): Promise<void>;
  /** Events with seq in [1, uptoSeq] (all when absent), in seq order. */
  getEvents(runId: string, uptoSeq?: number): Promise<RunEvent[]>;
  putCheckpoint(checkpoint: Checkpoint): Promise<void>;
  getCheckpoint(runId: string, checkpointId: string): Promise<Checkpoint | undefined>;
  /**
   * Oldest (lowest seq) first; the last one is where a resume continues by default. A stored
   * checkpoint that cannot be read (damaged file) is an error, unless `onUnreadable` is given:
   * then it is left out of the list and reported there.
   */
  listCheckpoints(
    runId: string,
    onUnreadable?: (skipped: SkippedCheckpoint) => void,
  ): Promise<Checkpoint[]>;
  /** Removes the checkpoints after `seq`: a resume from an earlier checkpoint abandons them. */
  deleteCheckpointsAfter(runId: string, seq: number): Promise<void>;
}
