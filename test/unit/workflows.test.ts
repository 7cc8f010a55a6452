/** The workflow library (src/storage/workflows.ts) on fake-indexeddb. */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HandoffStudioError } from '../../src/engine/errors';
import { parseWorkflowText, serializeWorkflow } from '../../src/model';
import type { Workflow } from '../../src/model';
import { copyName, WorkflowRepository } from '../../src/storage/workflows';
import { fakeIndexedDb } from '../support/fakeIndexedDb';

const example = (file: string): Workflow => {
  const parsed = parseWorkflowText(readFileSync(`public/examples/${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.doc;
};
const support = example('customer_support.json');
const returns = example('ecommerce_returns.json');

const open: WorkflowRepository[] = [];
let clock = Date.parse('2026-01-01T00:00:00.000Z');
/** A repository on its own fake IndexedDB, with a clock that ticks a second per save. */
function fresh(factory = new IDBFactory()): WorkflowRepository {
  const repo = new WorkflowRepository('test', fakeIndexedDb(factory));
  repo.now = () => new Date((clock += 1000));
  open.push(repo);
  return repo;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const repo of open.splice(0)) repo.close();
});

describe('WorkflowRepository', () => {
  it('creates, lists (newest change first) and gets documents back exactly', async () => {
    const repo = fresh();
    const a = await repo.create(support);
    const b = await repo.create(returns);
    expect((await repo.list()).map((w) => w.name)).toEqual([returns.name, support.name]);
    const got = await repo.get(a.id);
    expect(got).toMatchObject({ id: a.id, name: support.name, ok: true });
    expect(got?.ok && serializeWorkflow(got.doc)).toBe(serializeWorkflow(support));
    // an autosave moves the workflow to the top and keeps its id
    await repo.save(a.id, { ...support, description: 'changed' });
    const list = await repo.list();
    expect(list.map((w) => w.id)).toEqual([a.id, b.id]);
    expect(list[0]!.updatedAt > list[1]!.updatedAt).toBe(true);
    const saved = await repo.get(a.id);
    expect(saved?.ok && saved.doc.description).toBe('changed');
    expect(await repo.get('missing')).toBeUndefined();
  });

  it('survives reopening the database (a reload)', async () => {
    const factory = new IDBFactory();
    const first = fresh(factory);
    const { id } = await first.create(support);
    await first.setLastOpen(id);
    first.close();
    const second = fresh(factory);
    expect(await second.getLastOpen()).toBe(id);
    const got = await second.get(id);
    expect(got?.ok && serializeWorkflow(got.doc)).toBe(serializeWorkflow(support));
  });

  it('renames the row and the document name', async () => {
    const repo = fresh();
    const { id } = await repo.create(support);
    const doc = await repo.rename(id, '  Support desk  ');
    expect(doc.name).toBe('Support desk');
    expect((await repo.list())[0]!.name).toBe('Support desk');
    const got = await repo.get(id);
    expect(got?.ok && got.doc.name).toBe('Support desk');
    await expect(repo.rename(id, '   ')).rejects.toThrow(/1 to 200 characters/);
  });

  it('duplicates under an unused name', async () => {
    const repo = fresh();
    const { id } = await repo.create(support);
    const copy = await repo.duplicate(id);
    const copy2 = await repo.duplicate(id);
    const copy3 = await repo.duplicate(copy.id);
    expect([copy.name, copy2.name, copy3.name]).toEqual([
      `${support.name} (copy)`,
      `${support.name} (copy 2)`,
      `${support.name} (copy 3)`,
    ]);
    const got = await repo.get(copy.id);
    expect(got?.ok && got.doc.agents).toEqual(support.agents);
    expect(new Set((await repo.list()).map((w) => w.id)).size).toBe(4);
  });

  it('deletes and restores a workflow exactly, with the last-open setting', async () => {
    const repo = fresh();
    const { id } = await repo.create(support);
    const other = await repo.create(returns);
    await repo.setLastOpen(id);
    const before = await repo.db.workflows.get(id);
    const deleted = await repo.delete(id);
    expect(deleted?.wasLastOpen).toBe(true);
    expect((await repo.list()).map((w) => w.id)).toEqual([other.id]);
    expect(await repo.getLastOpen()).toBeUndefined();
    await repo.restore(deleted!);
    expect(await repo.db.workflows.get(id)).toEqual(before);
    expect(await repo.getLastOpen()).toBe(id);
    expect(await repo.delete('missing')).toBeUndefined();
  });

  it('reports a stored document that no longer parses instead of throwing', async () => {
    const repo = fresh();
    await repo.db.workflows.put({
      id: 'bad',
      name: 'broken',
      updatedAt: '2026-01-01T00:00:00.000Z',
      document: '{"format": "handoff-workflow", "version": 99}',
    });
    const got = await repo.get('bad');
    expect(got?.ok).toBe(false);
    expect(got && !got.ok && got.problems[0]?.path).toBe('version');
    await expect(repo.duplicate('bad')).rejects.toThrow(/can no longer be read \(version: /);
  });

  it('maps a full disk to storage_quota, naming the workflow that was not saved', async () => {
    const repo = fresh();
    const { id } = await repo.create(support);
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(repo.db.workflows, 'put').mockRejectedValue(quota);
    const error = await repo.save(id, support).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffStudioError);
    expect(error).toMatchObject({ code: 'storage_quota', fault: 'storage' });
    expect((error as Error).message).toMatch(/storage is full/i);
    expect((error as Error).message).toContain(`the workflow "${support.name}"`);
    expect((error as Error).cause).toBe(quota);
    // nothing was half-written: the stored document is the old one, and a retry works
    vi.restoreAllMocks();
    const changed = { ...support, description: 'after the retry' };
    await repo.save(id, changed);
    const got = await repo.get(id);
    expect(got?.ok && got.doc.description).toBe('after the retry');
  });

  it('fails with storage_error when IndexedDB is missing', async () => {
    const repo = new WorkflowRepository('no-idb', {});
    const error = await repo.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage_error' });
    expect((error as Error).message).toMatch(/IndexedDB is not available/);
  });

  it('fails fast while another tab blocks the upgrade', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const factory = new IDBFactory();
    // an "old tab": version 1 open, ignoring versionchange (dexie opens version 10)
    const request = factory.open('test', 1);
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const repo = fresh(factory);
    const error = await repo.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage_error' });
    expect((error as Error).message).toMatch(/Another Handoff Studio tab/);
    old.close();
    // once the other tab lets go, the library works
    await vi.waitFor(async () => expect(await repo.list()).toEqual([]));
  });
});

describe('copyName', () => {
  it('counts copies and stays within 200 characters', () => {
    expect(copyName('a', new Set())).toBe('a (copy)');
    expect(copyName('a (copy)', new Set(['a (copy)']))).toBe('a (copy 2)');
    const long = copyName('x'.repeat(200), new Set());
    expect(long).toHaveLength(200);
    expect(long.endsWith(' (copy)')).toBe(true);
  });
});
