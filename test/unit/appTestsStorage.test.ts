/**
 * The suites table (schema version 2): a database written by the version-1 app opens with its
 * runs and workflows intact and gains the table; suite rows list per workflow, newest first.
 */
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { HandoffStudioDB } from '../../src/storage/db';
import { SuiteResultsRepository, type SuiteRow } from '../../src/storage/suiteResults';
import { fakeIndexedDb } from '../support/fakeIndexedDb';

const row = (id: string, workflowId: string, startedAt: string): SuiteRow => ({
  id,
  workflowId,
  workflowHash: 'h1',
  startedAt,
  updatedAt: startedAt,
  status: 'finished',
  result: { samples: [], cases: [], workflowHash: 'h1' },
});

describe('suite results in IndexedDB', () => {
  it('upgrades a version-1 database, keeping what it held', async () => {
    const deps = fakeIndexedDb();
    const old = new Dexie('handoff-studio-upgrade', deps);
    old.version(1).stores({
      runs: 'runId, startedAt',
      items: '[runId+index]',
      events: '[runId+seq]',
      checkpoints: '[runId+checkpointId], [runId+seq]',
      workflows: 'id, name, updatedAt',
      settings: 'key',
    });
    await old.table('workflows').put({ id: 'w1', name: 'Support', updatedAt: '1', document: '{}' });
    old.close();
    const db = new HandoffStudioDB('handoff-studio-upgrade', deps);
    const repo = new SuiteResultsRepository(db);
    expect(await repo.list('w1')).toEqual([]);
    expect(db.verno).toBe(2);
    expect(await db.workflows.get('w1')).toMatchObject({ name: 'Support' });
    db.close();
  });

  it('lists the suites of one workflow, newest first', async () => {
    const db = new HandoffStudioDB('handoff-studio-suites', fakeIndexedDb());
    const repo = new SuiteResultsRepository(db);
    await repo.put(row('a', 'w1', '2026-01-01T00:00:00.000Z'));
    await repo.put(row('b', 'w1', '2026-01-02T00:00:00.000Z'));
    await repo.put(row('c', 'w2', '2026-01-03T00:00:00.000Z'));
    expect((await repo.list('w1')).map((r) => r.id)).toEqual(['b', 'a']);
    await repo.delete('b');
    expect((await repo.list('w1')).map((r) => r.id)).toEqual(['a']);
    expect((await repo.get('c'))?.workflowId).toBe('w2');
    db.close();
  });
});
