/**
 * A run of the customer-support example through the CLI into a new file store, paused at its
 * refund approval: the starting point of the tests that damage a store and resume from it.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli';

export const SUPPORT = 'public/examples/customer_support.json';

export interface PausedCliRun {
  store: string;
  runId: string;
  /** The run's checkpoint folder. */
  dir: string;
  /** Its checkpoint ids, oldest first. */
  ids: string[];
}

/** Runs the example with `--store` in a new temporary folder until it pauses. */
export async function pausedCliRun(prefix: string): Promise<PausedCliRun> {
  const store = mkdtempSync(join(tmpdir(), prefix));
  const result = await runCli([
    'run',
    SUPPORT,
    '--input',
    'I want a refund for order 7',
    '--store',
    store,
  ]);
  expect(result.code, result.stderr).toBe(0);
  const runId = (JSON.parse(result.stdout.split('\n')[0]!) as { runId: string }).runId;
  const dir = join(store, runId, 'checkpoints');
  const ids = readdirSync(dir)
    .map((n) => n.replace(/\.json$/, ''))
    .sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  return { store, runId, dir, ids };
}
