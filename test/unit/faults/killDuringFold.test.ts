/**
 * Keep it held (issue 13): SIGKILL during a long CLI run, where the file store folds older
 * checkpoints into `checkpoints.jsonl` (src/storage/checkpointPack.ts). Killed at seeded random
 * events and resumed until it completes, the run ends with the events of an uninterrupted one,
 * every checkpoint still listed, and the folder holding at most FOLD_AT checkpoint files.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine';
import { FOLD_AT } from '../../../src/storage/checkpointPack';
import { FileCheckpointStore } from '../../../src/storage/fileStore';

const HANDOFFS = 120;
const dir = mkdtempSync(join(tmpdir(), 'hs-kill-fold-'));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const agent = (name: string) => ({
  name,
  description: `The ${name} desk.`,
  instructions: `You are ${name}.`,
});
const WORKFLOW = write('workflow.json', {
  format: 'handoff-workflow',
  version: 1,
  name: 'kill_fold',
  startAgent: 'ping',
  agents: [agent('ping'), agent('pong')],
  handoffs: [
    { source: 'ping', target: 'pong' },
    { source: 'pong', target: 'ping' },
  ],
  tools: [],
  termination: { keywords: ['all done'], maxHandoffsPerTurn: HANDOFFS + 10 },
});
const hand = (to: string) => ({
  text: `Over to ${to}.`,
  toolCalls: [{ name: `handoff_to_${to}`, arguments: {} }],
});
const SCRIPT = write('script.json', {
  ping: [...Array.from({ length: HANDOFFS / 2 }, () => hand('pong')), { text: 'All done.' }],
  pong: Array.from({ length: HANDOFFS / 2 }, () => hand('ping')),
});
const CLI = ['--import', 'tsx', 'src/cli.ts'];

/** Runs the CLI; SIGKILLs it once it has printed `killAt` events. */
function cli(args: string[], killAt?: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let printed = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString().split('\n').length - 1;
      if (killAt !== undefined && printed >= killAt) child.kill('SIGKILL');
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

function random(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

/** What happened, without seq and resume bookkeeping. */
const story = (events: RunEvent[]) =>
  events
    .filter((e) =>
      ['agent_started', 'message', 'tool_call', 'handoff', 'completed'].includes(e.type),
    )
    .map(({ seq: _seq, ...rest }) => rest);

async function final(store: string) {
  const files = new FileCheckpointStore(store);
  const [run] = await files.listRuns();
  const events = await files.getEvents(run!.runId);
  const checkpoints = await files.listCheckpoints(run!.runId);
  const onDisk = readdirSync(join(store, run!.runId, 'checkpoints')).length;
  return { run: run!, events, checkpoints, onDisk };
}

describe('SIGKILL while the file store folds checkpoints', () => {
  it('killed at random events and resumed: the events of an uninterrupted run', async () => {
    const baseline = join(dir, 'baseline');
    const clean = await cli([
      'run',
      WORKFLOW,
      '--script',
      SCRIPT,
      '--store',
      baseline,
      '--input',
      'go',
    ]);
    expect(clean.code, clean.stderr).toBe(0);
    const expected = await final(baseline);
    expect(expected.run.status).toBe('completed');
    expect(expected.onDisk).toBeLessThanOrEqual(FOLD_AT);
    const total = expected.events.length;

    const next = random(7);
    const store = join(dir, 'killed');
    let proc = await cli(
      ['run', WORKFLOW, '--script', SCRIPT, '--store', store, '--input', 'go'],
      Math.floor(total * (0.3 + 0.4 * next())),
    );
    let kills = 0;
    while (proc.code !== 0) {
      kills++;
      expect(proc.stderr).not.toMatch(/^\s+at /m);
      const [run] = await new FileCheckpointStore(store).listRuns();
      // Two kills, then a resume left to finish.
      const killAt = kills < 3 ? Math.floor(total * 0.1 * (1 + next())) : undefined;
      proc = await cli(['resume', run!.runId, '--script', SCRIPT, '--store', store], killAt);
    }
    expect(kills).toBeGreaterThanOrEqual(1);
    const got = await final(store);
    expect(got.run.status).toBe('completed');
    expect(story(got.events)).toEqual(story(expected.events));
    expect(got.events.map((e) => e.seq)).toEqual(got.events.map((_, i) => i + 1));
    expect(got.onDisk).toBeLessThanOrEqual(FOLD_AT + 1);
    expect(got.checkpoints.length).toBeGreaterThanOrEqual(expected.checkpoints.length);
  }, 60_000);
});
