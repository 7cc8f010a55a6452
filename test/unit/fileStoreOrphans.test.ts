import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/engine';
import { FileCheckpointStore } from '../../src/storage/fileStore';

const record = (runId: string, startedAt: string): RunRecord => ({
  runId,
  workflowName: 'w',
  docHash: 'h',
  document: '{}',
  provider: 'simulator',
  status: 'paused',
  startedAt,
  updatedAt: startedAt,
  eventCount: 0,
  itemCount: 0,
});

describe('file store: what a crash leaves behind', () => {
  it('lists the runs, and names the orphan and damaged folders instead of failing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-orphans-'));
    const store = new FileCheckpointStore(dir);
    await store.putRun(record('r1', '2025-01-01T00:00:00.000Z'));
    await store.putRun(record('r2', '2025-01-02T00:00:00.000Z'));
    store.close();
    mkdirSync(join(dir, 'orphan', 'checkpoints'), { recursive: true }); // killed before run.json
    mkdirSync(join(dir, 'torn'));
    writeFileSync(join(dir, 'torn', 'run.json'), '{"runId": "to');
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty', 'run.json'), '{}');
    const skipped: Array<[string, string]> = [];
    const runs = await store.listRuns((folder, reason) => skipped.push([folder, reason]));
    expect(runs.map((r) => r.runId)).toEqual(['r2', 'r1']);
    expect(skipped.sort()).toEqual([
      ['empty', expect.stringMatching(/not the record of run "empty"/)],
      ['orphan', expect.stringMatching(/no run\.json/)],
      ['torn', expect.stringMatching(/Corrupt JSON/)],
    ]);
    expect((await new FileCheckpointStore(dir).listRuns()).map((r) => r.runId)).toEqual([
      'r2',
      'r1',
    ]);
  });

  it('removes the stray .tmp files of a killed writer on the next write to that run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-orphans-'));
    const first = new FileCheckpointStore(dir);
    await first.putRun(record('r1', '2025-01-01T00:00:00.000Z'));
    first.close();
    const stray = [
      join(dir, 'r1', '.run.json.1b2c.tmp'),
      join(dir, 'r1', 'checkpoints', '.cp-3.json.9f8e.tmp'),
    ];
    for (const path of stray) writeFileSync(path, '{"half": ');
    const store = new FileCheckpointStore(dir);
    await store.putItems('r1', 0, [{ n: 0 }]);
    expect(readdirSync(join(dir, 'r1')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'r1', 'checkpoints'))).toEqual([]);
    store.close();
  });
});
