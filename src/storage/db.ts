/**
 * The app's IndexedDB database (docs/spec/run-semantics.md#checkpoints-and-resume; the library),
 * through dexie. One database holds the run checkpoints (read and written by
 * `DexieCheckpointStore`), the designer's saved workflows and the app settings.
 *
 * Schema version 1 (native IndexedDB version 10, dexie multiplies by 10):
 * - `runs`: `RunRecord`s, primary key `runId`, indexed on `startedAt` (run lists, newest first).
 * - `items`: `ItemRow`s, primary key `[runId+index]` (the run's append-only item log).
 * - `events`: `EventRow`s, primary key `[runId+seq]` (the run's event log).
 * - `checkpoints`: `Checkpoint`s, primary key `[runId+checkpointId]`, index `[runId+seq]`.
 * - `workflows`: `WorkflowRow`s, primary key `id`, indexed on `name` and `updatedAt`.
 * - `settings`: `SettingRow`s, primary key `key`.
 *
 * Schema version 2 (native 20) adds:
 * - `suites`: `SuiteRow`s (routing-test suite results), primary key `id`, indexed on
 *   `workflowId`, `[workflowId+workflowHash]` and `startedAt`.
 *
 * Changing a table's keys or indexes needs a new `this.version(n)` below, never an edit of an
 * existing one (browsers keep old databases).
 */
import { Dexie } from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { RunEvent } from '../engine/events';
import type { Checkpoint, RunRecord, StoredItem } from '../engine/store';

/** Default database name of the app. */
export const DEFAULT_DB_NAME = 'handoff-studio';

/** One entry of a run's item log, at position `index` (0, 1, 2 …). */
export interface ItemRow {
  runId: string;
  index: number;
  item: StoredItem;
}

/** One event of a run's event log, at its `seq` (1, 2, 3 …). */
export interface EventRow {
  runId: string;
  seq: number;
  event: RunEvent;
}

/** A workflow document saved by the designer. */
export interface WorkflowRow {
  id: string;
  /** The workflow's name, for lists and search. */
  name: string;
  /** ISO time of the last save. */
  updatedAt: string;
  /** The document text (canonical JSON). */
  document: string;
}

/** One app setting (a JSON value under a key). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * One routing-test suite run of a workflow (library id) at one version (`workflowHash`, the
 * engine's document hash, which leaves the tests out). Written after every finished sample, so
 * a reload mid-suite keeps what finished; `result` is the suite result as far as it got (plain
 * JSON, read back and checked by src/testing).
 */
export interface SuiteRow {
  id: string;
  /** The library id of the workflow ("" when it was not stored). */
  workflowId: string;
  workflowHash: string;
  startedAt: string;
  updatedAt: string;
  /** `running` until the suite ends; one still `running` after a reload was interrupted. */
  status: 'running' | 'finished' | 'stopped';
  result: unknown;
}

/** Where dexie finds IndexedDB: the browser's by default, fake-indexeddb in Node tests. */
export type IndexedDBDeps = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

/** The Handoff Studio database (see the module comment for the schema). */
export class HandoffStudioDB extends Dexie {
  declare runs: Table<RunRecord, string>;
  declare items: Table<ItemRow, [string, number]>;
  declare events: Table<EventRow, [string, number]>;
  declare checkpoints: Table<Checkpoint, [string, string]>;
  declare workflows: Table<WorkflowRow, string>;
  declare settings: Table<SettingRow, string>;
  declare suites: Table<SuiteRow, string>;

  constructor(name: string = DEFAULT_DB_NAME, deps: IndexedDBDeps = {}) {
    // Only the deps given: an explicit `undefined` would hide dexie's default (the browser's).
    super(name, Object.fromEntries(Object.entries(deps).filter(([, v]) => v !== undefined)));
    this.version(1).stores({
      runs: 'runId, startedAt',
      items: '[runId+index]',
      events: '[runId+seq]',
      checkpoints: '[runId+checkpointId], [runId+seq]',
      workflows: 'id, name, updatedAt',
      settings: 'key',
    });
    // Only the new table: dexie keeps the tables of version 1 as they are.
    this.version(2).stores({ suites: 'id, workflowId, [workflowId+workflowHash], startedAt' });
  }
}
