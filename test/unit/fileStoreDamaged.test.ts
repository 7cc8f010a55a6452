import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resumeRun, type RunEvent, type SkippedCheckpoint } from '../../src/engine';
import { parseWorkflowText } from '../../src/model';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { FileCheckpointStore } from '../../src/storage/fileStore';
import { runCli } from '../support/cli';
import { pausedCliRun } from '../support/cliStore';

/** A paused run of the example in a new store: its id, store and checkpoint ids (oldest first). */
async function pausedRun() {
  const { store, runId, dir, ids } = await pausedCliRun('hs-damaged-');
  expect(ids.length).toBeGreaterThanOrEqual(3);
  const damage = (id: string, text: string) => writeFileSync(join(dir, `${id}.json`), text);
  return { store, runId, ids, damage };
}

const resumedFrom = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RunEvent)
    .find((e) => e.type === 'run_resumed');

describe('file store: damaged checkpoints', () => {
  it('a damaged oldest checkpoint neither blocks resume nor an explicit --checkpoint', async () => {
    const { store, runId, ids, damage } = await pausedRun();
    damage(ids[0]!, '{"checkpointId": "cp-');
    const latest = await runCli(['resume', runId, '--store', store]);
    expect(latest.code, latest.stderr).toBe(0);
    expect(resumedFrom(latest.stdout)).toMatchObject({ checkpointId: ids.at(-1) });
    expect(latest.stderr).toMatch(new RegExp(`Skipped checkpoint "${ids[0]}": .*not valid JSON`));
    const explicit = await runCli(['resume', runId, '--store', store, '--checkpoint', ids[1]!]);
    expect(explicit.code, explicit.stderr).toBe(0);
    expect(resumedFrom(explicit.stdout)).toMatchObject({ checkpointId: ids[1] });
  });

  it('a damaged latest checkpoint: resume continues from the newest readable one', async () => {
    const { store, runId, ids, damage } = await pausedRun();
    damage(ids.at(-1)!, '{}');
    const result = await runCli(['resume', runId, '--store', store]);
    expect(result.code, result.stderr).toBe(0);
    expect(resumedFrom(result.stdout)).toMatchObject({ checkpointId: ids.at(-2) });
    expect(result.stderr).toContain(`Skipped checkpoint "${ids.at(-1)}"`);
  });

  it('reports the skipped checkpoints to the API caller, newest readable state intact', async () => {
    const { store, runId, ids, damage } = await pausedRun();
    damage(ids.at(-1)!, '');
    const file = new FileCheckpointStore(store);
    const record = (await file.getRun(runId))!;
    const parsed = parseWorkflowText(record.document);
    if (!parsed.ok) throw new Error('bad document');
    const skipped: SkippedCheckpoint[] = [];
    const run = await resumeRun({
      runId,
      store: file,
      document: parsed.doc,
      provider: createSimulatorProvider({ document: parsed.doc }),
      onCheckpointSkipped: (s) => skipped.push(s),
    });
    run.stop();
    await run.done;
    expect(skipped).toEqual([{ checkpointId: ids.at(-1), reason: expect.any(String) }]);
  });

  it('an explicit unreadable checkpoint is checkpoint_unreadable; all damaged is too', async () => {
    const { store, runId, ids, damage } = await pausedRun();
    damage(ids[0]!, 'garbage');
    const explicit = await runCli(['resume', runId, '--store', store, '--checkpoint', ids[0]!]);
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toContain('(checkpoint_unreadable)');
    for (const id of ids) damage(id, 'garbage');
    const none = await runCli(['resume', runId, '--store', store]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/\(checkpoint_unreadable\).*no readable checkpoint/);
  });
});
