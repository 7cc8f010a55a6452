/**
 * One contract suite for every `CheckpointStore` (memory, dexie on fake-indexeddb, files in a temp
 * dir), then the file store's crash-safety and cost tests and the dexie store's error mapping.
 */
import { spawn } from 'node:child_process';
import {
  appendFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HandoffStudioError } from '../../src/engine/errors';
import type { RunEvent } from '../../src/engine/events';
import { MemoryCheckpointStore } from '../../src/engine/memoryStore';
import type { Checkpoint, CheckpointStore, RunRecord, StoredItem } from '../../src/engine/store';
import { DexieCheckpointStore } from '../../src/storage/dexieStore';
import { FileCheckpointStore } from '../../src/storage/fileStore';
import { fakeIndexedDb } from '../support/fakeIndexedDb';

/** Bytes written to files through node:fs/promises (the file store's only way to write). */
const io = vi.hoisted(() => ({ bytesWritten: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const size = (data: unknown): number =>
    typeof data === 'string'
      ? Buffer.byteLength(data)
      : ArrayBuffer.isView(data)
        ? data.byteLength
        : Array.isArray(data)
          ? data.reduce((n: number, d) => n + size(d), 0)
          : 0;
  const counted = new Set<PropertyKey>(['write', 'writev', 'writeFile', 'appendFile']);
  const open: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    return new Proxy(handle, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (!counted.has(prop)) return value.bind(target);
        return (...a: unknown[]) => {
          io.bytesWritten += prop === 'write' && typeof a[2] === 'number' ? a[2] : size(a[0]);
          return value.apply(target, a);
        };
      },
    });
  };
  const writeFile: typeof actual.writeFile = (path, data, options) => {
    io.bytesWritten += size(data);
    return actual.writeFile(path, data, options);
  };
  const appendFile: typeof actual.appendFile = (path, data, options) => {
    io.bytesWritten += size(data);
    return actual.appendFile(path, data, options);
  };
  return { ...actual, open, writeFile, appendFile, default: { ...actual, open, writeFile } };
});

const runRecord = (runId: string, startedAt: string, over: Partial<RunRecord> = {}): RunRecord => ({
  runId,
  workflowName: 'Support desk',
  docHash: 'sha256-abc',
  document: '{"version":1}',
  provider: 'simulator',
  status: 'running',
  startedAt,
  updatedAt: startedAt,
  eventCount: 0,
  itemCount: 0,
  ...over,
});
const item = (n: number, text = `item ${n}`): StoredItem => ({ kind: 'message', n, text });
const event = (seq: number, text = `event ${seq}`): RunEvent => ({
  type: 'message',
  agent: 'triage_agent',
  text,
  seq,
});
const checkpoint = (runId: string, id: string, seq: number, itemCount = 0): Checkpoint => ({
  checkpointId: id,
  runId,
  parentId: null,
  createdAt: `2025-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
  seq,
  itemCount,
  state: { activeAgent: 'triage_agent', counters: { handoffs: seq } },
});
const events = (from: number, to: number, text?: string): RunEvent[] =>
  Array.from({ length: to - from + 1 }, (_, i) => event(from + i, text && `${text} ${from + i}`));

interface Harness {
  store: CheckpointStore;
  /** A new store instance on the same storage (absent when the store cannot persist). */
  reopen?: () => CheckpointStore;
  cleanup?: () => Promise<void>;
}

/** The `CheckpointStore` contract, run against the store `makeStore` creates (fresh per test). */
function describeStoreContract(
  name: string,
  makeStore: () => Promise<Harness>,
  { persistent }: { persistent: boolean },
): void {
  describe(`CheckpointStore contract: ${name}`, () => {
    let harness: Harness;
    const setup = async (): Promise<CheckpointStore> => (harness = await makeStore()).store;
    afterEach(async () => harness?.cleanup?.());

    it('creates, updates, lists (newest first) and deletes runs', async () => {
      const store = await setup();
      expect(await store.getRun('r1')).toBeUndefined();
      expect(await store.listRuns()).toEqual([]);
      await store.putRun(runRecord('r2', '2025-01-02T00:00:00.000Z'));
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      await store.putRun(runRecord('r3', '2025-01-03T00:00:00.000Z'));
      const updated = runRecord('r1', '2025-01-01T00:00:00.000Z', { status: 'paused' });
      await store.putRun({ ...updated, lastCheckpointId: 'c1', eventCount: 4, itemCount: 2 });
      expect(await store.getRun('r1')).toEqual({
        ...updated,
        lastCheckpointId: 'c1',
        eventCount: 4,
        itemCount: 2,
      });
      expect((await store.listRuns()).map((r) => r.runId)).toEqual(['r3', 'r2', 'r1']);
      await store.deleteRun('r2');
      expect(await store.getRun('r2')).toBeUndefined();
      expect((await store.listRuns()).map((r) => r.runId)).toEqual(['r3', 'r1']);
      await store.deleteRun('never-stored');
    });

    it('writes items at positions and overwrites what lies beyond a checkpoint', async () => {
      const store = await setup();
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      await store.putItems('r1', 0, [item(0), item(1), item(2)]);
      await store.putItems('r1', 3, [item(3), item(4)]);
      expect(await store.getItems('r1', 5)).toEqual([0, 1, 2, 3, 4].map((n) => item(n)));
      expect(await store.getItems('r1', 2)).toEqual([item(0), item(1)]);
      expect(await store.getItems('r1', 0)).toEqual([]);
      await store.putCheckpoint(checkpoint('r1', 'c1', 1, 3));
      // Resuming from c1 (3 items) writes a different future over positions 3 and 4.
      await store.putItems('r1', 3, [item(3, 'other'), item(4, 'other')]);
      expect(await store.getItems('r1', 5)).toEqual([
        ...[0, 1, 2].map((n) => item(n)),
        item(3, 'other'),
        item(4, 'other'),
      ]);
      await store.putItems('r1', 5, []);
      expect(await store.getItems('r1', 5)).toHaveLength(5);
    });

    it('ends each log at the last position written (an abandoned future disappears)', async () => {
      const store = await setup();
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      await store.putItems(
        'r1',
        0,
        [0, 1, 2, 3, 4].map((n) => item(n)),
      );
      await store.putEvents('r1', events(1, 6));
      // a resume from a checkpoint at 2 items / seq 3 writes its first new entries
      await store.putItems('r1', 2, [item(2, 'resumed')]);
      await store.putEvents('r1', [event(4, 'resumed 4')]);
      await expect(store.getItems('r1', 4)).rejects.toThrow(/4 items expected, 3 stored/);
      expect(await store.getItems('r1', 3)).toEqual([item(0), item(1), item(2, 'resumed')]);
      expect(await store.getEvents('r1')).toEqual([...events(1, 3), event(4, 'resumed 4')]);
    });

    it('refuses to return fewer items than asked for, and logs of unknown runs', async () => {
      const store = await setup();
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      await expect(store.getItems('r1', 1)).rejects.toThrow(/1 items expected, 0 stored/);
      await store.putItems('r1', 0, [item(0), item(1)]);
      await expect(store.getItems('r1', 3)).rejects.toThrow(/3 items expected, 2 stored/);
      await expect(store.putItems('nope', 0, [item(0)])).rejects.toThrow(/nope/);
      await expect(store.getItems('nope', 0)).rejects.toThrow(/nope/);
      await expect(store.putEvents('nope', [event(1)])).rejects.toThrow(/nope/);
    });

    it('writes events at their seq and reads them up to a seq, in order', async () => {
      const store = await setup();
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      expect(await store.getEvents('r1')).toEqual([]);
      await store.putEvents('r1', events(1, 3));
      await store.putEvents('r1', [event(5), event(4)]);
      expect(await store.getEvents('r1')).toEqual(events(1, 5));
      expect(await store.getEvents('r1', 3)).toEqual(events(1, 3));
      expect(await store.getEvents('r1', 0)).toEqual([]);
      await store.putEvents('r1', events(4, 6, 'resumed'));
      expect(await store.getEvents('r1')).toEqual([...events(1, 3), ...events(4, 6, 'resumed')]);
      expect(await store.getEvents('r1', 4)).toEqual([...events(1, 3), event(4, 'resumed 4')]);
    });

    it('stores checkpoints, gets them by id and lists them oldest first', async () => {
      const store = await setup();
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      expect(await store.listCheckpoints('r1')).toEqual([]);
      const [c5, c1, c3] = [
        checkpoint('r1', 'c5', 5),
        checkpoint('r1', 'c1', 1),
        checkpoint('r1', 'c3', 3),
      ];
      for (const cp of [c5, c1, c3]) await store.putCheckpoint(cp);
      expect(await store.getCheckpoint('r1', 'c3')).toEqual(c3);
      expect(await store.getCheckpoint('r1', 'c4')).toBeUndefined();
      expect(await store.getCheckpoint('other', 'c3')).toBeUndefined();
      expect(await store.listCheckpoints('r1')).toEqual([c1, c3, c5]);
      expect(await store.listCheckpoints('other')).toEqual([]);
      const c3b = { ...c3, parentId: 'c1', state: { activeAgent: 'refund_agent' } };
      await store.putCheckpoint(c3b);
      expect(await store.listCheckpoints('r1')).toEqual([c1, c3b, c5]);
    });

    it('deletes the checkpoints after a seq (an abandoned future), keeping the rest', async () => {
      const store = await setup();
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      await store.putRun(runRecord('r2', '2025-01-01T00:00:00.000Z'));
      for (const seq of [3, 7, 12, 20])
        await store.putCheckpoint(checkpoint('r1', `c${seq}`, seq, 1));
      await store.putCheckpoint(checkpoint('r2', 'c20', 20, 1));
      await store.deleteCheckpointsAfter('r1', 7);
      expect((await store.listCheckpoints('r1')).map((c) => c.checkpointId)).toEqual(['c3', 'c7']);
      expect(await store.getCheckpoint('r1', 'c12')).toBeUndefined();
      expect(await store.listCheckpoints('r2')).toHaveLength(1);
      await store.deleteCheckpointsAfter('r1', 100);
      expect(await store.listCheckpoints('r1')).toHaveLength(2);
    });

    it("deletes a run's items, events and checkpoints with it", async () => {
      const store = await setup();
      for (const id of ['r1', 'r2']) {
        await store.putRun(runRecord(id, '2025-01-01T00:00:00.000Z'));
        await store.putItems(id, 0, [item(0), item(1)]);
        await store.putEvents(id, events(1, 2));
        await store.putCheckpoint(checkpoint(id, 'c1', 2, 2));
      }
      await store.deleteRun('r1');
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
      await expect(store.getItems('r1', 1)).rejects.toThrow(/expected/);
      expect(await store.getEvents('r1')).toEqual([]);
      expect(await store.listCheckpoints('r1')).toEqual([]);
      expect(await store.getCheckpoint('r1', 'c1')).toBeUndefined();
      expect(await store.getItems('r2', 2)).toEqual([item(0), item(1)]);
      expect(await store.getEvents('r2')).toEqual(events(1, 2));
      expect(await store.listCheckpoints('r2')).toHaveLength(1);
    });

    it('keeps JSON values intact and shares no mutable references', async () => {
      const store = await setup();
      const tricky = {
        text: 'line 1\nline 2\r\n\t"quoted" \\ \u2028 \u0000 é 🚀',
        numbers: [0, -1.5, 1e21, Number.MAX_SAFE_INTEGER],
        nested: { deep: { list: [null, true, false, { x: [] }] as unknown[] } },
      };
      const run = runRecord('r1', '2025-01-01T00:00:00.000Z', {
        forkOf: { runId: 'r0', checkpointId: 'c9' },
      });
      const cp = { ...checkpoint('r1', 'c1', 1, 1), state: { tricky } };
      const ev: RunEvent = {
        type: 'tool_call',
        agent: 'a',
        callId: 'k',
        name: 't',
        arguments: tricky,
        seq: 1,
      };
      const expected = JSON.parse(JSON.stringify({ run, item: tricky, ev, cp })) as unknown;
      await store.putRun(run);
      await store.putItems('r1', 0, [tricky]);
      await store.putEvents('r1', [ev]);
      await store.putCheckpoint(cp);
      tricky.nested.deep.list.push('mutated');
      run.forkOf!.runId = 'mutated';
      const read = async (): Promise<unknown> => ({
        run: await store.getRun('r1'),
        item: (await store.getItems('r1', 1))[0],
        ev: (await store.getEvents('r1'))[0],
        cp: await store.getCheckpoint('r1', 'c1'),
      });
      const first = (await read()) as { run: RunRecord; item: { nested: unknown } };
      expect(first).toEqual(expected);
      first.run.forkOf!.runId = 'mutated again';
      first.item.nested = 'mutated';
      expect(await read()).toEqual(expected);
    });

    // Only stores that outlive their instance can be reopened (not the memory store).
    it.runIf(persistent)('keeps everything when the store is reopened', async () => {
      const store = await setup();
      if (!harness.reopen) throw new Error(`${name} is persistent but has no reopen()`);
      await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z', { status: 'paused' }));
      await store.putItems('r1', 0, [item(0), item(1), item(2)]);
      await store.putEvents('r1', events(1, 4));
      await store.putCheckpoint(checkpoint('r1', 'c1', 2, 1));
      await store.putCheckpoint(checkpoint('r1', 'c2', 4, 3));
      const again = harness.reopen();
      expect(await again.getRun('r1')).toEqual(await store.getRun('r1'));
      expect(await again.listRuns()).toHaveLength(1);
      expect(await again.getItems('r1', 3)).toEqual([0, 1, 2].map((n) => item(n)));
      expect(await again.getEvents('r1')).toEqual(events(1, 4));
      expect(await again.listCheckpoints('r1')).toEqual(await store.listCheckpoints('r1'));
      await again.putItems('r1', 3, [item(3)]);
      expect(await again.getItems('r1', 4)).toHaveLength(4);
    });
  });
}

describeStoreContract(
  'MemoryCheckpointStore',
  async () => ({ store: new MemoryCheckpointStore() }),
  { persistent: false },
);

describeStoreContract(
  'DexieCheckpointStore (fake-indexeddb)',
  async () => {
    const deps = fakeIndexedDb();
    const stores = [new DexieCheckpointStore('handoff-studio-test', deps)];
    return {
      store: stores[0]!,
      reopen: () => {
        stores.push(new DexieCheckpointStore('handoff-studio-test', deps));
        return stores.at(-1)!;
      },
      cleanup: async () => stores.forEach((s) => s.close()),
    };
  },
  { persistent: true },
);

describeStoreContract(
  'FileCheckpointStore (temp dir)',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'handoff-store-'));
    const store = new FileCheckpointStore(dir);
    return {
      store,
      // One instance writes a run at a time: the first lets go of its runs' locks.
      reopen: () => (store.close(), new FileCheckpointStore(dir)),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  },
  { persistent: true },
);

describe('FileCheckpointStore: files, crashes and cost', () => {
  let dir: string;
  afterEach(async () => rm(dir, { recursive: true, force: true }));
  const setup = async (): Promise<FileCheckpointStore> => {
    dir = await mkdtemp(join(tmpdir(), 'handoff-files-'));
    const store = new FileCheckpointStore(dir);
    await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
    return store;
  };
  const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

  it('lays a run out as run.json, items.jsonl, events.jsonl and checkpoints/*.json', async () => {
    const store = await setup();
    await store.putItems('r1', 0, [item(0), item(1)]);
    await store.putEvents('r1', events(1, 2));
    await store.putCheckpoint(checkpoint('r1', 'c1', 2, 2));
    expect((await readdir(join(dir, 'r1'))).sort()).toEqual([
      'checkpoints',
      'events.jsonl',
      'items.jsonl',
      'run.json',
      'writer.lock',
    ]);
    store.close();
    expect(await readdir(join(dir, 'r1'))).not.toContain('writer.lock');
    expect(await readdir(join(dir, 'r1', 'checkpoints'))).toEqual(['c1.json']);
    expect(await readFile(join(dir, 'r1', 'items.jsonl'), 'utf8')).toBe(
      line(item(0)) + line(item(1)),
    );
  });

  it('drops the lines beyond a rewritten position, and sees writes of another instance', async () => {
    const store = await setup();
    const itemsPath = join(dir, 'r1', 'items.jsonl');
    await store.putItems(
      'r1',
      0,
      [0, 1, 2, 3, 4].map((n) => item(n, 'long '.repeat(20))),
    );
    await store.putItems('r1', 2, [item(2)]);
    const expected = [item(0, 'long '.repeat(20)), item(1, 'long '.repeat(20)), item(2)];
    expect(await readFile(itemsPath, 'utf8')).toBe(expected.map(line).join(''));
    store.close(); // one writer at a time
    const other = new FileCheckpointStore(dir);
    await other.putItems('r1', 3, [item(3)]);
    other.close();
    await store.putItems('r1', 4, [item(4)]); // its cached offsets are stale: it must notice
    expect(await store.getItems('r1', 5)).toEqual([...expected, item(3), item(4)]);
  });

  it('ignores a torn last line, and the next write replaces it', async () => {
    const store = await setup();
    const itemsPath = join(dir, 'r1', 'items.jsonl');
    await store.putItems('r1', 0, [item(0), item(1)]);
    await store.putEvents('r1', events(1, 2));
    await appendFile(itemsPath, `{"kind":"message","n":2,"text":"${'torn '.repeat(50)}`);
    await appendFile(join(dir, 'r1', 'events.jsonl'), '{"type":"mess');
    const fresh = new FileCheckpointStore(dir);
    expect(await fresh.getItems('r1', 2)).toEqual([item(0), item(1)]);
    await expect(fresh.getItems('r1', 3)).rejects.toThrow(/3 items expected, 2 stored/);
    expect(await fresh.getEvents('r1')).toEqual(events(1, 2));
    // The first instance's cached offsets are stale (the file grew behind its back).
    await store.putItems('r1', 2, [item(2)]);
    expect(await readFile(itemsPath, 'utf8')).toBe([0, 1, 2].map((n) => line(item(n))).join(''));
    expect(await fresh.getItems('r1', 3)).toEqual([0, 1, 2].map((n) => item(n)));
  });

  it('is not confused by the leftovers of a crashed atomic write or run creation', async () => {
    const store = await setup();
    await store.putCheckpoint(checkpoint('r1', 'c1', 1));
    await writeFile(join(dir, 'r1', '.run.json.1234.tmp'), '{"runId":"r1","sta');
    await writeFile(join(dir, 'r1', 'checkpoints', '.c2.json.5678.tmp'), '{"checkpointId":"c');
    await mkdir(join(dir, 'r2', 'checkpoints'), { recursive: true }); // crashed before run.json
    await mkdir(join(dir, '.deleted-r3-0000'), { recursive: true }); // crashed mid-delete
    const fresh = new FileCheckpointStore(dir);
    expect(await fresh.getRun('r1')).toEqual(runRecord('r1', '2025-01-01T00:00:00.000Z'));
    expect((await fresh.listRuns()).map((r) => r.runId)).toEqual(['r1']);
    expect(await fresh.listCheckpoints('r1')).toEqual([checkpoint('r1', 'c1', 1)]);
    expect(await fresh.getCheckpoint('r1', 'c2')).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(['r1', 'r2']);
  });

  it('reports a corrupt complete line with the file path', async () => {
    const store = await setup();
    await store.putItems('r1', 0, [item(0)]);
    await appendFile(join(dir, 'r1', 'items.jsonl'), 'garbage\n');
    const error = await new FileCheckpointStore(dir).getItems('r1', 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffStudioError);
    expect(error).toMatchObject({ code: 'storage_error' });
    expect((error as Error).message).toContain(join(dir, 'r1', 'items.jsonl'));
  });

  it('refuses run and checkpoint ids that are not safe file names', async () => {
    const store = await setup();
    const bad = [
      '../evil',
      '..',
      '.',
      '',
      'a/b',
      'a\\b',
      '.hidden',
      '/etc',
      'x'.repeat(129),
      'CON',
    ];
    for (const id of bad) {
      const error = await store.putRun(runRecord(id, '2025')).catch((e: unknown) => e);
      expect(error, id).toMatchObject({ code: 'storage_error' });
      expect((error as Error).message, id).toMatch(/not a safe file name/);
      await expect(store.getRun(id), id).rejects.toThrow(/not a safe file name/);
    }
    await expect(store.putCheckpoint(checkpoint('r1', '../../c1', 1))).rejects.toThrow(
      /not a safe file name/,
    );
    expect(await readdir(dir)).toEqual(['r1']);
    expect(await readdir(join(dir, '..'))).not.toContain('evil');
  });

  it('writes only the new lines when appending to a 10,000-item log', async () => {
    const store = await setup();
    const itemsPath = join(dir, 'r1', 'items.jsonl');
    await store.putItems(
      'r1',
      0,
      Array.from({ length: 10_000 }, (_, n) => item(n)),
    );
    const before = await stat(itemsPath);
    expect(before.size).toBeGreaterThan(300_000);
    // Once with the offsets cached, once from a fresh instance (which scans the file first).
    for (const [s, at] of [
      [store, 10_000],
      [new FileCheckpointStore(dir), 10_001],
    ] as const) {
      await s.claim('r1'); // the writer's lock, taken once per instance, is not the log's cost
      io.bytesWritten = 0;
      await s.putItems('r1', at, [item(at)]);
      expect(io.bytesWritten).toBe(line(item(at)).length);
      s.close();
    }
    const after = await stat(itemsPath);
    expect(after.ino).toBe(before.ino);
    expect(after.size).toBe(before.size + line(item(10_000)).length + line(item(10_001)).length);
    await store.claim('r1');
    io.bytesWritten = 0;
    await store.putCheckpoint(checkpoint('r1', 'c1', 1, 10_002));
    expect(io.bytesWritten).toBe(line(checkpoint('r1', 'c1', 1, 10_002)).length);
    expect((await store.getItems('r1', 10_002)).at(-1)).toEqual(item(10_001));
  });

  it('survives SIGKILL mid-run: every checkpoint still finds its items and events', async () => {
    dir = await mkdtemp(join(tmpdir(), 'handoff-crash-'));
    const storeUrl = new URL('../../src/storage/fileStore.ts', import.meta.url).href;
    const script = `
      import { FileCheckpointStore } from ${JSON.stringify(storeUrl)};
      const store = new FileCheckpointStore(process.env.STORE_DIR);
      const at = '2025-01-01T00:00:00.000Z';
      await store.putRun({ runId: 'crash', workflowName: 'w', docHash: 'h', document: '{}',
        provider: 'simulator', status: 'running', startedAt: at, updatedAt: at,
        eventCount: 0, itemCount: 0 });
      let items = 0, seq = 0;
      for (let i = 0; ; i++) {
        const batch = Array.from({ length: 1 + (i % 5) }, (_, k) => ({ i, k, pad: 'x'.repeat(50000) }));
        await store.putItems('crash', items, batch);
        items += batch.length;
        const evs = Array.from({ length: 1 + (i % 3) }, () =>
          ({ type: 'message', agent: 'a', text: 'y'.repeat(20000), seq: ++seq }));
        await store.putEvents('crash', evs);
        await store.putCheckpoint({ checkpointId: 'c' + i, runId: 'crash',
          parentId: i ? 'c' + (i - 1) : null, createdAt: at, seq, itemCount: items, state: { i } });
        if (i === 3) process.stdout.write('ready\\n');
      }`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        env: { ...process.env, STORE_DIR: dir },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
    await new Promise((wait) => setTimeout(wait, 150));
    child.kill('SIGKILL');
    await new Promise((exit) => child.once('exit', exit));

    const store = new FileCheckpointStore(dir);
    const checkpoints = await store.listCheckpoints('crash');
    expect(checkpoints.length).toBeGreaterThan(3);
    for (const cp of checkpoints) {
      expect(await store.getItems('crash', cp.itemCount)).toHaveLength(cp.itemCount);
      expect((await store.getEvents('crash', cp.seq)).map((e) => e.seq)).toEqual(
        Array.from({ length: cp.seq }, (_, k) => k + 1),
      );
    }
    // Resuming from the last checkpoint writes over whatever the crash left beyond it.
    const last = checkpoints.at(-1)!;
    await store.putItems('crash', last.itemCount, [item(0)]);
    expect((await store.getItems('crash', last.itemCount + 1)).at(-1)).toEqual(item(0));
  });
});

describe('DexieCheckpointStore: schema and storage errors', () => {
  const fresh = (name = 'handoff-studio', factory = new IDBFactory()): DexieCheckpointStore =>
    new DexieCheckpointStore(name, fakeIndexedDb(factory));
  afterEach(() => vi.restoreAllMocks());

  it('declares the schema: runs, items, events, checkpoints, workflows, settings, suites (version 2)', async () => {
    const store = fresh();
    await store.listRuns();
    const { db } = store;
    expect(db.name).toBe('handoff-studio');
    expect(db.verno).toBe(2);
    const keys = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]),
    );
    expect(keys).toEqual({
      runs: ['runId', 'startedAt'],
      items: ['[runId+index]'],
      events: ['[runId+seq]'],
      checkpoints: ['[runId+checkpointId]', '[runId+seq]'],
      workflows: ['id', 'name', 'updatedAt'],
      settings: ['key'],
      suites: ['id', 'workflowId', '[workflowId+workflowHash]', 'startedAt'],
    });
    await db.workflows.put({ id: 'w1', name: 'Support', updatedAt: '2025', document: '{}' });
    await db.settings.put({ key: 'provider', value: { kind: 'simulator' } });
    expect(await db.workflows.get('w1')).toMatchObject({ name: 'Support' });
    expect(await db.settings.get('provider')).toEqual({
      key: 'provider',
      value: { kind: 'simulator' },
    });
    store.close();
  });

  it('maps a QuotaExceededError to storage_quota, saying what was not saved', async () => {
    const store = fresh();
    await store.putRun(runRecord('r1', '2025-01-01T00:00:00.000Z'));
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(store.db.items, 'bulkPut').mockRejectedValue(quota);
    const error = await store.putItems('r1', 4, [item(4), item(5)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffStudioError);
    expect(error).toMatchObject({ code: 'storage_quota', fault: 'storage' });
    expect((error as Error).message).toMatch(/storage is full/i);
    expect((error as Error).message).toContain('2 item(s) of run "r1" (positions 4–5)');
    expect((error as Error).cause).toBeDefined();
    vi.restoreAllMocks();
    await expect(store.getItems('r1', 1)).rejects.toThrow(/1 items expected, 0 stored/);
    store.close();
  });

  it('fails with storage_error when IndexedDB is missing', async () => {
    const store = new DexieCheckpointStore('no-idb', {});
    const error = await store.listRuns().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'storage_error' });
    expect((error as Error).message).toMatch(/IndexedDB is not available/);
    expect((error as Error).cause).toBeDefined();
  });

  it('fails fast with storage_error while another connection blocks the upgrade', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const factory = new IDBFactory();
    const request = factory.open('blocked', 1); // an "old tab" that ignores versionchange
    const old = await new Promise<IDBDatabase>(
      (ok) => (request.onsuccess = () => ok(request.result)),
    );
    const store = fresh('blocked', factory);
    const error = await store.listRuns().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoffStudioError);
    expect(error).toMatchObject({ code: 'storage_error' });
    expect((error as Error).message).toMatch(
      /blocked: another tab or window holds an older version/,
    );
    await expect(store.getRun('r1')).rejects.toThrow(/blocked/);
    old.close();
    await vi.waitFor(() => expect(store.db.isOpen()).toBe(true));
    expect(await store.listRuns()).toEqual([]);
    store.close();
  });
});
