/**
 * The file store folds a long run's older checkpoints into one file (src/storage/checkpointPack.ts):
 * a few dozen files instead of one per checkpoint, every checkpoint still listed, readable and
 * resumable; a fold cut by a crash (copy in both places, torn last line) loses nothing; a store
 * written before the pack existed (one file per checkpoint) reads as before.
 */
import { appendFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Checkpoint, RunRecord, SkippedCheckpoint } from '../../src/engine/store';
import { FOLD_AT, KEEP_FILES, PACK_FILE } from '../../src/storage/checkpointPack';
import { FileCheckpointStore } from '../../src/storage/fileStore';

const RUN = 'run-1';
const record: RunRecord = {
  runId: RUN,
  workflowName: 'wf',
  docHash: 'h',
  document: '{}',
  provider: 'simulator',
  status: 'running',
  startedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  eventCount: 0,
  itemCount: 0,
};
const checkpoint = (seq: number): Checkpoint => ({
  checkpointId: `cp-${seq}`,
  runId: RUN,
  parentId: seq === 1 ? null : `cp-${seq - 1}`,
  createdAt: `2026-01-01T00:00:00.${String(seq).padStart(3, '0')}Z`,
  seq,
  itemCount: seq,
  state: { activeAgent: `agent_${seq % 3}`, seq },
});
const ids = (cps: Checkpoint[]) => cps.map((c) => c.checkpointId);
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `cp-${from + i}`);

async function storeWith(count: number) {
  const dir = await mkdtemp(join(tmpdir(), 'hs-pack-'));
  const store = new FileCheckpointStore(dir);
  await store.putRun(record);
  for (let seq = 1; seq <= count; seq++) await store.putCheckpoint(checkpoint(seq));
  const cpDir = join(dir, RUN, 'checkpoints');
  const files = async () => (await readdir(cpDir)).filter((n) => n.endsWith('.json'));
  return { dir, store, cpDir, files, pack: join(dir, RUN, PACK_FILE) };
}

describe('file store: checkpoint folding', () => {
  it('200 checkpoints keep at most FOLD_AT files; all 200 are listed and readable', async () => {
    const { store, files, dir } = await storeWith(200);
    expect((await files()).length).toBeLessThanOrEqual(FOLD_AT);
    expect((await files()).length).toBeGreaterThanOrEqual(KEEP_FILES);
    expect(ids(await store.listCheckpoints(RUN))).toEqual(range(1, 200));
    expect(await store.getCheckpoint(RUN, 'cp-3')).toEqual(checkpoint(3));
    expect(await store.getCheckpoint(RUN, 'cp-200')).toEqual(checkpoint(200));
    expect(await store.getCheckpoint(RUN, 'cp-201')).toBeUndefined();
    store.close();
    // Another process (a later CLI invocation) reads the same.
    const again = new FileCheckpointStore(dir);
    expect(ids(await again.listCheckpoints(RUN))).toEqual(range(1, 200));
  });

  it('a resume from a folded checkpoint drops the later ones, in the pack and in files', async () => {
    const { store } = await storeWith(150);
    await store.deleteCheckpointsAfter(RUN, 40);
    expect(ids(await store.listCheckpoints(RUN))).toEqual(range(1, 40));
    expect(await store.getCheckpoint(RUN, 'cp-41')).toBeUndefined();
    for (let seq = 41; seq <= 120; seq++) await store.putCheckpoint(checkpoint(seq));
    expect(ids(await store.listCheckpoints(RUN))).toEqual(range(1, 120));
  });

  it('a fold cut by a crash: a copy in both places and a torn last line lose nothing', async () => {
    const { store, cpDir, pack } = await storeWith(100);
    const packed = (await readFile(pack, 'utf8')).trim().split('\n');
    const first = JSON.parse(packed[0]!) as Checkpoint;
    // Killed after the append, before the files went: the file is back beside its pack line.
    await writeFile(join(cpDir, `${first.checkpointId}.json`), JSON.stringify(first));
    // Killed mid-append: half a line.
    await appendFile(pack, packed[1]!.slice(0, 20));
    const listed = await store.listCheckpoints(RUN);
    expect(ids(listed)).toEqual(range(1, 100));
    for (let seq = 101; seq <= 180; seq++) await store.putCheckpoint(checkpoint(seq));
    expect(ids(await store.listCheckpoints(RUN))).toEqual(range(1, 180));
  });

  it('a damaged pack line is skipped and reported, or unreadable without a callback', async () => {
    const { store, pack } = await storeWith(100);
    const lines = (await readFile(pack, 'utf8')).split('\n');
    lines[2] = '{"checkpointId": "cp-';
    await writeFile(pack, lines.join('\n'));
    const skipped: SkippedCheckpoint[] = [];
    const listed = await store.listCheckpoints(RUN, (s) => skipped.push(s));
    expect(listed).toHaveLength(99);
    expect(skipped).toEqual([{ checkpointId: `${PACK_FILE}:3`, reason: expect.any(String) }]);
    await expect(store.listCheckpoints(RUN)).rejects.toMatchObject({
      code: 'checkpoint_unreadable',
    });
  });

  it('a store written before the pack (one file per checkpoint) reads as before', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hs-pack-old-'));
    const store = new FileCheckpointStore(dir);
    await store.putRun(record);
    store.close();
    for (let seq = 1; seq <= 120; seq++) {
      const cp = checkpoint(seq);
      await writeFile(join(dir, RUN, 'checkpoints', `${cp.checkpointId}.json`), JSON.stringify(cp));
    }
    const old = new FileCheckpointStore(dir);
    expect(ids(await old.listCheckpoints(RUN))).toEqual(range(1, 120));
    expect(await old.getCheckpoint(RUN, 'cp-7')).toEqual(checkpoint(7));
    // Its next checkpoint folds it like any other.
    await old.putCheckpoint(checkpoint(121));
    expect((await readdir(join(dir, RUN, 'checkpoints'))).length).toBeLessThanOrEqual(FOLD_AT);
    expect(ids(await old.listCheckpoints(RUN))).toEqual(range(1, 121));
  });
});
