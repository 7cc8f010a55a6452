/**
 * `DexieCheckpointStore` on Chromium's real IndexedDB (the contract of the engine's
 * `CheckpointStore` port: runs, items, events, checkpoints, the log cut by a rewrite), and the
 * data still there after a reload. The store module is bundled for the page with esbuild.
 */
import type { Page } from '@playwright/test';
import { browserBundle } from '../support/browserBundle';
import { expect, test } from './fixtures';

let bundle = '';

test.beforeAll(async () => {
  bundle = await browserBundle(
    "import { DexieCheckpointStore } from './src/storage/dexieStore';\n" +
      'globalThis.DexieCheckpointStore = DexieCheckpointStore;',
  );
});

/** Runs `body` in the page with a store on the database "contract" (its result is returned). */
async function inPage<T>(page: Page, body: string): Promise<T> {
  await page.addScriptTag({ content: bundle });
  return page.evaluate(`(async () => {
    const store = new globalThis.DexieCheckpointStore('contract');
    const run = (runId, status = 'running') => ({
      runId, workflowName: 'wf', docHash: 'h', document: '{}', provider: 'simulator', status,
      startedAt: '2025-01-0' + (runId === 'b' ? '2' : '1') + 'T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z', eventCount: 0, itemCount: 0,
    });
    const result = await (async () => { ${body} })();
    store.close();
    return result;
  })()`) as Promise<T>;
}

test('DexieCheckpointStore keeps runs, items, events and checkpoints in IndexedDB across a reload', async ({
  page,
}) => {
  await page.goto('/');
  const written = await inPage<Record<string, unknown>>(
    page,
    `
    await store.putRun(run('a'));
    await store.putRun(run('b', 'paused'));
    await store.putItems('a', 0, [{ kind: 'user', text: 'hi' }, { kind: 'assistant', text: 'yo' }]);
    const events = [1, 2, 3, 4].map((seq) => ({ seq, type: 'checkpoint_saved', checkpointId: 'cp-' + seq }));
    await store.putEvents('a', events);
    for (const seq of [1, 3]) {
      await store.putCheckpoint({ checkpointId: 'cp-' + seq, runId: 'a', parentId: seq === 1 ? null : 'cp-1',
        createdAt: 'now', seq, itemCount: seq === 1 ? 1 : 2, state: { activeAgent: 'x', seq } });
    }
    // A rewrite from seq 3 cuts the log there (a resume from an earlier checkpoint).
    await store.putEvents('a', [{ seq: 3, type: 'stopped' }]);
    let refused = '';
    try { await store.putEvents('nope', events); } catch (e) { refused = e.code; }
    return {
      runs: (await store.listRuns()).map((r) => r.runId),
      events: (await store.getEvents('a')).map((e) => e.seq + ':' + e.type),
      upto: (await store.getEvents('a', 2)).length,
      items: await store.getItems('a', 2),
      refused,
    };
  `,
  );
  expect(written).toEqual({
    runs: ['b', 'a'],
    events: ['1:checkpoint_saved', '2:checkpoint_saved', '3:stopped'],
    upto: 2,
    items: [
      { kind: 'user', text: 'hi' },
      { kind: 'assistant', text: 'yo' },
    ],
    refused: 'run_not_found',
  });

  await page.reload();
  const reread = await inPage<Record<string, unknown>>(
    page,
    `
    const cp = await store.getCheckpoint('a', 'cp-3');
    const listed = (await store.listCheckpoints('a')).map((c) => c.checkpointId);
    await store.deleteCheckpointsAfter('a', 1);
    const after = (await store.listCheckpoints('a')).map((c) => c.checkpointId);
    await store.deleteRun('b');
    return {
      run: (await store.getRun('a')).status,
      cp: cp && { parentId: cp.parentId, state: cp.state },
      listed, after,
      events: (await store.getEvents('a')).length,
      items: (await store.getItems('a', 1)).length,
      runs: (await store.listRuns()).map((r) => r.runId),
    };
  `,
  );
  expect(reread).toEqual({
    run: 'running',
    cp: { parentId: 'cp-1', state: { activeAgent: 'x', seq: 3 } },
    listed: ['cp-1', 'cp-3'],
    after: ['cp-1'],
    events: 3,
    items: 1,
    runs: ['a'],
  });
});
