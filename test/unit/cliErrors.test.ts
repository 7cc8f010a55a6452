/** Bad input to the CLI's store and output: a message and exit 2 (or a quiet 0), never a stack trace. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

const SUPPORT = 'public/examples/customer_support.json';
const STACK = /\n\s+at |Internal error/;

async function pausedRun(): Promise<{ store: string; runId: string }> {
  const store = mkdtempSync(join(tmpdir(), 'hs-cli-err-'));
  const first = await runCli([
    'run',
    SUPPORT,
    '--input',
    'I want a refund for order 7',
    '--store',
    store,
  ]);
  expect(first.code).toBe(0);
  return { store, runId: readdirSync(store).find((n) => n.startsWith('run-'))! };
}

describe('cli errors', () => {
  it.each([
    ['not JSON', 'garbage'],
    ['an array', '[]'],
    ['another run', '{"runId":"run-other","document":"{}","docHash":"x","status":"paused"}'],
  ])('a run.json that is %s: a message naming the file, exit 2', async (_what, content) => {
    const { store, runId } = await pausedRun();
    writeFileSync(join(store, runId, 'run.json'), content);
    for (const args of [
      ['resume', runId, '--store', store],
      ['script', runId, '--store', store],
    ]) {
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('run.json');
      expect(result.stderr).not.toMatch(STACK);
    }
  });

  it('--store pointing at a file, and an unsafe run id: a message, exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hs-cli-err-')), 'plain');
    writeFileSync(file, 'x');
    const run = await runCli(['run', SUPPORT, '--input', 'hi', '--store', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--store must be a directory');
    const { store } = await pausedRun();
    const unsafe = await runCli(['resume', '../x', '--store', store]);
    expect(unsafe.code).toBe(2);
    expect(unsafe.stderr).toMatch(/Refusing run id "\.\.\/x"/);
    expect(unsafe.stderr).not.toMatch(STACK);
  });

  it('script on an event log with a corrupt line: the line and file named, exit 2', async () => {
    const { store, runId } = await pausedRun();
    writeFileSync(join(store, runId, 'events.jsonl'), '{"seq":1,"type":"stopped"}\n{oops\n');
    const result = await runCli(['script', runId, '--store', store]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Corrupt line 2 in .*events\.jsonl/);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('a reader that closes stdout early (| head -1) ends the CLI quietly with exit 0', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; npm run --silent cli -- run ${SUPPORT} --input "refund for 7" --delay-ms 0 | head -1`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout.trim()).toMatch(/^\{"seq":1,"type":"run_started"/);
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(result.status).toBe(0);
  });
});
