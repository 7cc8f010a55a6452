/**
 * Keep it held (issue 13, item 4, from the CLI): a checkpoint in the file store whose next step
 * this engine does not know (hand-edited, or written by a later version) makes `resume` neither
 * spin nor fail as a whole: without `--checkpoint` it continues from the newest readable one and
 * names the skipped one on stderr; with `--checkpoint` it is `checkpoint_unreadable`, exit 2.
 * (The same state in an imported run file: test/unit/runs.test.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine';
import { runCli } from '../../support/cli';
import { pausedCliRun } from '../../support/cliStore';

describe('a checkpoint with an unknown next step, resumed from the CLI', () => {
  it('is passed over (named on stderr), or refused when asked for by id', async () => {
    const { store, runId, dir, ids } = await pausedCliRun('hs-next-step-');
    const latest = ids.at(-1)!;
    const path = join(dir, `${latest}.json`);
    const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as { state: Record<string, unknown> };
    writeFileSync(
      path,
      JSON.stringify({ ...checkpoint, state: { ...checkpoint.state, next: { kind: 'teleport' } } }),
    );

    // Asked for by id first: the resume below abandons what lies after the one it takes.
    const explicit = await runCli(['resume', runId, '--store', store, '--checkpoint', latest]);
    expect(explicit.code).toBe(2);
    expect(explicit.stderr).toContain('(checkpoint_unreadable)');
    expect(explicit.stderr).not.toMatch(/^\s+at /m);

    const resumed = await runCli(['resume', runId, '--store', store]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`Skipped checkpoint "${latest}"`);
    const events = resumed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunEvent);
    expect(events[0]).toMatchObject({ type: 'run_resumed', checkpointId: ids.at(-2) });
  });
});
