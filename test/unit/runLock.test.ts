/**
 * One writer per run across tabs (src/runs/runLock.ts): two run controllers ("tabs") on one
 * database and one lock manager (a fake of `navigator.locks`). The second tab's resume of a
 * run the first is writing is refused with run_locked and writes nothing; once the first
 * tab's invocation ends, the second may resume.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { RunHandle } from '../../src/engine';
import { parseWorkflowText, type Workflow } from '../../src/model';
import { DEFAULT_PROVIDER_SETTINGS, RunController, type ProviderSettings } from '../../src/runs';
import {
  holdLock,
  memoryRunLocks,
  runLockName,
  webRunLocks,
  whileLocked,
} from '../../src/runs/runLock';
import { DexieCheckpointStore } from '../../src/storage/dexieStore';
import { untilView } from '../support/until';

const simulator: ProviderSettings = { ...DEFAULT_PROVIDER_SETTINGS, simulator: { delayMs: 0 } };

function customerSupport(): Workflow {
  const parsed = parseWorkflowText(readFileSync('public/examples/customer_support.json', 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed.doc;
}

describe('one writer per run across tabs', () => {
  it('refuses a second tab resuming a run the first is writing, until it ends', async () => {
    const deps = { indexedDB: new IDBFactory(), IDBKeyRange };
    const locks = memoryRunLocks();
    const tab = () => new RunController({ store: new DexieCheckpointStore('db', deps), locks });
    const first = tab();
    const second = tab();

    expect(await first.start(customerSupport(), 'I want a refund for order 123', simulator)).toBe(
      true,
    );
    const waiting = await untilView(first, (v) => v.timeline.latest.pending.length > 0);
    const runId = waiting.runId!;
    expect(locks.held()).toEqual([runLockName(runId)]);
    // The first tab's writes of this pause have landed.
    let stored = 0;
    while (stored < waiting.timeline.length) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      stored = (await second.store.getEvents(runId)).length;
    }

    expect(await second.resume(runId, simulator)).toBe(false);
    expect(second.getView().error).toMatch(/being written in another tab/);
    expect(second.getView().live).toBe(false);
    expect((await second.store.getEvents(runId)).length).toBe(stored);

    first.stop();
    await untilView(first, (v) => !v.live);
    expect(locks.held()).toEqual([]);

    expect(await second.resume(runId, simulator)).toBe(true);
    await untilView(second, (v) => v.live && v.timeline.latest.pending.length > 0);
    expect(locks.held()).toEqual([runLockName(runId)]);
    expect(await first.resume(runId, simulator)).toBe(false);
    expect(first.getView().error).toMatch(/being written in another tab/);
  });

  it('whileLocked: run_locked for a held run; a failed open releases the lock', async () => {
    const locks = memoryRunLocks();
    const release = (await locks.tryAcquire(runLockName('r1')))!;
    const open = () => Promise.reject(new Error('no such run'));
    await expect(whileLocked(locks, 'r1', open)).rejects.toMatchObject({ code: 'run_locked' });
    release();
    await expect(whileLocked(locks, 'r1', open)).rejects.toThrow('no such run');
    expect(locks.held()).toEqual([]);
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const handle = { runId: 'r1', done } as unknown as RunHandle;
    await whileLocked(locks, 'r1', () => Promise.resolve(handle));
    expect(locks.held()).toEqual([runLockName('r1')]);
    finish();
    await done;
    await Promise.resolve();
    expect(locks.held()).toEqual([]);
  });

  it('webRunLocks holds a Web Lock until released; a second request with ifAvailable gets none', async () => {
    // A LockManager as the Web Locks API specifies it for `ifAvailable` requests.
    const held = new Set<string>();
    const manager = {
      request: async (
        name: string,
        options: { ifAvailable?: boolean },
        callback: (lock: { name: string } | null) => unknown,
      ) => {
        expect(options.ifAvailable).toBe(true);
        if (held.has(name)) return callback(null);
        held.add(name);
        try {
          return await callback({ name });
        } finally {
          held.delete(name);
        }
      },
    } as unknown as LockManager;
    const locks = webRunLocks(manager);
    const release = await locks.tryAcquire('a');
    expect(release).toBeTypeOf('function');
    expect(held.has('a')).toBe(true);
    expect(await locks.tryAcquire('a')).toBeUndefined();
    release!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(held.has('a')).toBe(false);
    expect(await locks.tryAcquire('a')).toBeTypeOf('function');
  });

  it('holdLock: a lock manager that fails does not fail a run that has started', async () => {
    const broken = { tryAcquire: () => Promise.reject(new Error('locks unavailable')) };
    const handle = { runId: 'r2', done: Promise.resolve() } as unknown as RunHandle;
    await expect(holdLock(broken, handle)).resolves.toBeUndefined();
  });
});
