/**
 * Routing-test suite results on IndexedDB (the `suites` table of `HandoffStudioDB`): one row per
 * suite run, rewritten after each finished sample. Failures surface as `HandoffStudioError`s
 * (`storage_quota`, `storage_error`) like every store on this database.
 */
import type { HandoffStudioDB, SuiteRow } from './db';
import { DatabaseAccess } from './dbAccess';

export type { SuiteRow } from './db';

export class SuiteResultsRepository {
  private readonly access: DatabaseAccess;

  constructor(readonly db: HandoffStudioDB) {
    this.access = new DatabaseAccess(
      db,
      'Another Handoff Studio tab holds an older version of the database open, so test results ' +
        'cannot be saved. Close the other tabs, then reload.',
    );
  }

  put(row: SuiteRow): Promise<void> {
    return this.access.run('save', 'the test results', async () => {
      await this.db.suites.put(row);
    });
  }

  get(id: string): Promise<SuiteRow | undefined> {
    return this.access.run('read', 'the test results', () => this.db.suites.get(id));
  }

  /** The suites of workflow `workflowId` (every version), newest first. */
  list(workflowId: string): Promise<SuiteRow[]> {
    return this.access.run('read', 'the test results', async () => {
      const rows = await this.db.suites.where('workflowId').equals(workflowId).toArray();
      return rows.sort(newestFirst);
    });
  }

  /** The suites of every workflow at version `workflowHash`, newest first. */
  listByHash(workflowHash: string): Promise<SuiteRow[]> {
    return this.access.run('read', 'the test results', async () => {
      const rows = await this.db.suites.filter((r) => r.workflowHash === workflowHash).toArray();
      return rows.sort(newestFirst);
    });
  }

  delete(id: string): Promise<void> {
    return this.access.run('delete', 'the test results', () => this.db.suites.delete(id));
  }
}

const newestFirst = (a: SuiteRow, b: SuiteRow) =>
  a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0;
