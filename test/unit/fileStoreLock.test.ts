import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/engine';
import { FileCheckpointStore } from '../../src/storage/fileStore';
import { runCli } from '../support/cli';

const record = (runId: string): RunRecord => ({
  runId,
  workflowName: 'w',
  docHash: 'h',
  document: '{}',
  provider: 'simulator',
  status: 'running',
  startedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  eventCount: 0,
  itemCount: 0,
});

describe('file store: one writer per run', () => {
  it('a second instance writing the same run gets run_locked until the first closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-lock-'));
    const first = new FileCheckpointStore(dir);
    await first.putRun(record('r1'));
    const second = new FileCheckpointStore(dir);
    const error = await second.putItems('r1', 0, [{ n: 0 }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'run_locked', fault: 'user' });
    expect((error as Error).message).toMatch(
      new RegExp(`Run "r1" is being written by process ${process.pid} since \\d{4}-`),
    );
    expect(await second.getRun('r1')).toMatchObject({ runId: 'r1' }); // reading is free
    first.close();
    expect(existsSync(join(dir, 'r1', 'writer.lock'))).toBe(false);
    await second.putItems('r1', 0, [{ n: 0 }]);
    second.close();
  });

  it('takes over the lock of a killed writer (its pid no longer alive)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-lock-'));
    const first = new FileCheckpointStore(dir);
    await first.putRun(record('r1'));
    first.close();
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = dead.pid!;
    await new Promise((resolve) => dead.on('exit', resolve));
    const lock = { pid, token: 'x', since: '2025-01-01T00:00:00.000Z' };
    writeFileSync(join(dir, 'r1', 'writer.lock'), JSON.stringify(lock));
    const store = new FileCheckpointStore(dir);
    await store.putItems('r1', 0, [{ n: 0 }]);
    expect(await store.getItems('r1', 1)).toEqual([{ n: 0 }]);
    store.close();
  });

  it('two CLI processes resuming one run: the second is refused with run_locked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-lock-cli-'));
    const ran = await runCli([
      'run',
      'public/examples/customer_support.json',
      '--input',
      'I want a refund for order 7',
      '--store',
      dir,
    ]);
    const runId = (JSON.parse(ran.stdout.split('\n')[0]!) as { runId: string }).runId;
    // The first resume answers the approval and then waits on a slow provider, still writing
    // the run, when the second one starts.
    const spawnResume = (extra: string[]) => {
      const child = spawn(
        'npm',
        ['run', '--silent', 'cli', '--', 'resume', runId, '--store', dir, ...extra],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const started = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
        child.on('exit', (code) => resolve({ code, stdout, stderr })),
      );
      return { started, done };
    };
    const first = spawnResume(['--decision', 'approve', '--delay-ms', '1500']);
    await first.started;
    const second = await spawnResume([]).done;
    expect(second.code, second.stderr).toBe(2);
    expect(second.stderr).toMatch(/\(run_locked\).*is being written by process \d+ since \d{4}-/);
    expect(second.stdout).toBe('');
    const firstResult = await first.done;
    expect(firstResult.code, firstResult.stderr).toBe(0);
    expect(existsSync(join(dir, runId, 'writer.lock'))).toBe(false);
    const again = await runCli(['resume', runId, '--store', dir]);
    expect(again.code, again.stderr).toBe(0);
  }, 60_000);
});
