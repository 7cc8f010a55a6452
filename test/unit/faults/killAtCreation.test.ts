/**
 * Keep it held (issue 13): SIGKILL while the CLI creates a run in its store — as soon as the
 * run's folder appears, and at seeded random moments around its first writes. Whatever the kill
 * left (a folder without run.json, a stray .tmp, a lock of a dead pid, a torn log line), the
 * store stays usable: it lists (naming what it skips), the run, when listed, resumes, and a new
 * run in the same store works; nothing prints a stack trace.
 *
 * Kills later in a run, and hand-corrupted stores: test/unit/killResume.test.ts,
 * checkpointStore.test.ts ("survives SIGKILL mid-run"), fileStoreDamaged, fileStoreOrphans,
 * fileStoreLock, fileStorePack and cliErrors (see test/unit/faults/README.md).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCheckpointStore } from '../../../src/storage/fileStore';

const SUPPORT = 'public/examples/customer_support.json';
const CLI = ['--import', 'tsx', 'src/cli.ts'];
const RUN = ['--input', 'I want a refund for order 7', '--decision', 'approve'];

interface Proc {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `killWhen` gets a kill function once the child runs, and uses it when it likes. */
function cli(args: string[], killWhen?: (kill: () => void) => void): Promise<Proc> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    killWhen?.(() => child.kill('SIGKILL'));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Kills as soon as `store` holds a run folder, plus `extraMs` (the store folder exists). */
function onRunFolder(store: string, extraMs: number) {
  return (kill: () => void) => {
    const watcher = watch(store, () => {
      watcher.close();
      if (extraMs === 0) kill();
      else setTimeout(kill, extraMs);
    });
  };
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** The store after a kill: listed (skips named), each run resumed, a new run started. */
async function checkUsable(store: string): Promise<void> {
  const skipped: string[] = [];
  const runs = await new FileCheckpointStore(store).listRuns((folder) => skipped.push(folder));
  for (const run of runs) {
    const resumed = await cli(['resume', run.runId, '--store', store, ...RUN]);
    // A run killed before its first checkpoint cannot resume: a message and exit 2, no trace.
    expect([0, 2], resumed.stderr).toContain(resumed.code);
    expect(resumed.stderr).not.toMatch(/^\s+at /m);
    if (resumed.code === 0) expect(resumed.stdout).toContain('"run_resumed"');
  }
  const fresh = await cli(['run', SUPPORT, '--store', store, ...RUN]);
  expect(fresh.code, fresh.stderr).toBe(0);
  expect(fresh.stderr).not.toMatch(/^\s+at /m);
  const after = await new FileCheckpointStore(store).listRuns(() => undefined);
  expect(after.length).toBe(runs.length + 1);
}

describe('SIGKILL during store creation', () => {
  const seeds = [0, 1, 2];
  it.each(seeds)(
    'killed around the first writes of a run (seed %i), the store stays usable',
    async (seed) => {
      const store = join(mkdtempSync(join(tmpdir(), 'hs-kill-create-')), 'store');
      mkdirSync(store);
      // Seed 0 kills the moment the folder appears; the others up to 30 ms later.
      const extraMs = seed === 0 ? 0 : Math.floor(random(seed)() * 30);
      const killed = await cli(
        ['run', SUPPORT, '--store', store, '--delay-ms', '5', ...RUN],
        onRunFolder(store, extraMs),
      );
      expect(killed.code).toBeNull();
      await checkUsable(store);
    },
    30_000,
  );
});
