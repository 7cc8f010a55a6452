/**
 * The designer's workflow library on IndexedDB (the `workflows` and `settings` tables of
 * `HandoffStudioDB`): list, open, save (autosave), rename, duplicate, delete with undo, and the
 * "last open workflow" setting. Documents are stored as canonical text, so a reload gives back
 * exactly what was saved. Every storage failure surfaces as a `HandoffStudioError`
 * (`storage_quota` or `storage_error`, mapped by `toStorageError`) that names what was not
 * saved; an upgrade blocked by another tab fails at once instead of hanging.
 */
import { nanoid } from 'nanoid';
import { HandoffStudioError } from '../engine/errors';
import { parseWorkflowText, serializeWorkflow } from '../model';
import type { Problem, Workflow } from '../model';
import { DEFAULT_DB_NAME, HandoffStudioDB } from './db';
import type { IndexedDBDeps, WorkflowRow } from './db';
import { DatabaseAccess } from './dbAccess';

/** A library entry as lists show it. */
export interface WorkflowSummary {
  id: string;
  name: string;
  /** ISO time of the last save. */
  updatedAt: string;
}

/** A stored workflow, opened: its document, or the problems that keep it from opening. */
export type StoredWorkflow = WorkflowSummary &
  ({ ok: true; doc: Workflow } | { ok: false; problems: Problem[] });

/** A deleted row, kept by the caller so that `restore` can undo the deletion. */
export interface DeletedWorkflow {
  row: WorkflowRow;
  /** Whether it was the last open workflow (restoring it makes it so again). */
  wasLastOpen: boolean;
}

/** The settings key of the last open workflow's id. */
export const LAST_OPEN_KEY = 'library.lastOpen';

/** The workflow library. One instance per database connection. */
export class WorkflowRepository {
  readonly db: HandoffStudioDB;
  private readonly access: DatabaseAccess;
  /** Clock for `updatedAt` (tests pin it). */
  now: () => Date = () => new Date();

  /**
   * @param source - the app's shared connection (`src/app` opens one), or a database name to
   *   open a connection of its own (tests, default "handoff-studio").
   * @param deps - with a name: `indexedDB` and `IDBKeyRange` (fake-indexeddb in Node tests).
   */
  constructor(source: HandoffStudioDB | string = DEFAULT_DB_NAME, deps: IndexedDBDeps = {}) {
    this.db = typeof source === 'string' ? new HandoffStudioDB(source, deps) : source;
    this.access = new DatabaseAccess(
      this.db,
      'Another Handoff Studio tab holds an older version of the database open, so workflows ' +
        'cannot be saved. Close the other tabs, then reload.',
    );
  }

  /** Every workflow, most recently changed first. */
  async list(): Promise<WorkflowSummary[]> {
    const rows = await this.access.run('read', 'the workflow list', () =>
      this.db.workflows.orderBy('updatedAt').reverse().toArray(),
    );
    return rows.map(summary);
  }

  /** One workflow with its parsed document, or undefined when there is no such id. */
  async get(id: string): Promise<StoredWorkflow | undefined> {
    const row = await this.access.run('read', `workflow ${id}`, () => this.db.workflows.get(id));
    if (!row) return undefined;
    const parsed = parseWorkflowText(row.document);
    return parsed.ok
      ? { ...summary(row), ok: true, doc: parsed.doc }
      : { ...summary(row), ok: false, problems: parsed.problems };
  }

  /** Adds a document as a new workflow. */
  async create(doc: Workflow): Promise<WorkflowSummary> {
    const row = this.row(nanoid(12), doc);
    await this.access.run('save', `the new workflow "${doc.name}"`, () =>
      this.db.workflows.add(row),
    );
    return summary(row);
  }

  /** Writes a workflow's document (autosave). Creates the row when it is missing. */
  async save(id: string, doc: Workflow): Promise<WorkflowSummary> {
    const row = this.row(id, doc);
    await this.access.run('save', `the workflow "${doc.name}"`, () => this.db.workflows.put(row));
    return summary(row);
  }

  /** Renames a workflow: its document's `name` changes too. Returns the renamed document. */
  async rename(id: string, name: string): Promise<Workflow> {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 200) {
      throw new HandoffStudioError('invalid_document', 'A workflow name has 1 to 200 characters.');
    }
    const stored = await this.require(id);
    const doc = { ...stored.doc, name: trimmed };
    await this.save(id, doc);
    return doc;
  }

  /** Copies a workflow under a new, unused name ("name (copy)", "name (copy 2)" …). */
  async duplicate(id: string): Promise<WorkflowSummary> {
    const stored = await this.require(id);
    const names = new Set((await this.list()).map((w) => w.name));
    return this.create({ ...stored.doc, name: copyName(stored.doc.name, names) });
  }

  /** Deletes a workflow; keep the result to `restore` it (an undo toast). */
  async delete(id: string): Promise<DeletedWorkflow | undefined> {
    return this.access.run('delete', `workflow ${id}`, () =>
      this.db.transaction('rw', [this.db.workflows, this.db.settings], async () => {
        const row = await this.db.workflows.get(id);
        if (!row) return undefined;
        const last = await this.db.settings.get(LAST_OPEN_KEY);
        const wasLastOpen = last?.value === id;
        await this.db.workflows.delete(id);
        if (wasLastOpen) await this.db.settings.delete(LAST_OPEN_KEY);
        return { row, wasLastOpen };
      }),
    );
  }

  /** Undoes a deletion: the row comes back exactly as it was. */
  async restore(deleted: DeletedWorkflow): Promise<WorkflowSummary> {
    const { row, wasLastOpen } = deleted;
    await this.access.run('save', `the workflow "${row.name}"`, () =>
      this.db.transaction('rw', [this.db.workflows, this.db.settings], async () => {
        await this.db.workflows.put(row);
        if (wasLastOpen) await this.db.settings.put({ key: LAST_OPEN_KEY, value: row.id });
      }),
    );
    return summary(row);
  }

  /** The id of the workflow that was open last (to reopen it after a reload). */
  async getLastOpen(): Promise<string | undefined> {
    const setting = await this.access.run('read', 'the last open workflow', () =>
      this.db.settings.get(LAST_OPEN_KEY),
    );
    return typeof setting?.value === 'string' ? setting.value : undefined;
  }

  async setLastOpen(id: string): Promise<void> {
    await this.access.run('save', 'the last open workflow', () =>
      this.db.settings.put({ key: LAST_OPEN_KEY, value: id }),
    );
  }

  /** Closes the connection (a later call reopens it). */
  close(): void {
    this.db.close({ disableAutoOpen: false });
  }

  private row(id: string, doc: Workflow): WorkflowRow {
    return {
      id,
      name: doc.name,
      updatedAt: this.now().toISOString(),
      document: serializeWorkflow(doc),
    };
  }

  private async require(id: string): Promise<StoredWorkflow & { ok: true }> {
    const stored = await this.get(id);
    if (!stored) throw new HandoffStudioError('storage_error', `Workflow ${id} is not stored.`);
    if (!stored.ok) {
      const first = stored.problems[0];
      throw new HandoffStudioError(
        'invalid_document',
        `The stored workflow "${stored.name}" can no longer be read` +
          (first ? ` (${first.path || 'document'}: ${first.message})` : '') +
          '.',
      );
    }
    return stored;
  }
}

function summary(row: WorkflowRow): WorkflowSummary {
  return { id: row.id, name: row.name, updatedAt: row.updatedAt };
}

/** "name (copy)", then "name (copy 2)" … — the first not in `taken`, at most 200 characters. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? ' (copy)' : ` (copy ${n})`;
    const candidate = base.slice(0, 200 - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
