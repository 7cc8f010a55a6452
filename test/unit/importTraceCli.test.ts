/**
 * The CLI's trace commands (docs/spec/cli.md#import-trace, #trace): `import-trace` prints a
 * framework's trace as our NDJSON events and writes the recovered workflow; `trace` exports a
 * stored run as OTLP/JSON that `import-trace` reads back as the same events.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../src/import/trace';
import { parseWorkflowText, serializeWorkflow } from '../../src/model';
import { runCli } from '../support/cli';
import { SUPPORT } from '../support/cliStore';

const AF = 'test/fixtures/traces/af/customer_support.otlp.json';
const lines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('cli import-trace', () => {
  it('prints the run as NDJSON events, the notes on stderr, and writes the workflow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-import-trace-'));
    const out = join(dir, 'recovered.json');
    const result = await runCli(['import-trace', AF, '--workflow-out', out]);
    expect(result.code, result.stderr).toBe(0);
    const expected = importTrace(readFileSync(AF, 'utf8'));
    expect(lines(result.stdout)).toEqual(expected.events);
    expect(result.stderr).toContain('missing agent_never_answered: order_agent');
    const written = parseWorkflowText(readFileSync(out, 'utf8'));
    expect(written.ok && serializeWorkflow(written.doc)).toBe(serializeWorkflow(expected.workflow));
  });

  it('matches the trace to --workflow and flags what it does not allow', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-import-trace-'));
    const doc = JSON.parse(readFileSync(SUPPORT, 'utf8')) as {
      handoffs: Array<{ source: string; target: string }>;
    };
    doc.handoffs = doc.handoffs.filter((h) => h.target !== 'refund_agent');
    const open = join(dir, 'open.json');
    writeFileSync(open, JSON.stringify(doc));
    const result = await runCli(['import-trace', AF, '--workflow', open]);
    expect(result.code, result.stderr).toBe(0);
    expect(lines(result.stdout).filter((e) => e.type === 'warning')).toEqual([
      expect.objectContaining({ code: 'unknown_tool', target: 'refund_agent' }),
    ]);
    expect(result.stderr).toContain('flagged handoff_not_allowed');
  });

  it.each([
    ['a missing file', ['import-trace', 'no/such/trace.json'], /does not exist/],
    ['a workflow, not a trace', ['import-trace', SUPPORT], /Error \(invalid_trace\)/],
    ['no file', ['import-trace'], /needs one trace FILE/],
  ])('refuses %s with exit 2', async (_name, args, why) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(why);
  });
});

describe('cli trace', () => {
  it('exports a stored run as OTLP/JSON that imports back as the same events', async () => {
    const store = mkdtempSync(join(tmpdir(), 'hs-trace-'));
    const run = await runCli([
      'run',
      SUPPORT,
      '--input',
      'I want a refund for order 123',
      '--decision',
      'approve',
      '--input',
      'thanks, goodbye',
      '--store',
      store,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const events = lines(run.stdout);
    const runId = String(events[0]!.runId);
    const traced = await runCli(['trace', runId, '--store', store]);
    expect(traced.code, traced.stderr).toBe(0);
    const file = join(store, 'run.otlp.json');
    writeFileSync(file, traced.stdout);
    const back = await runCli(['import-trace', file]);
    expect(back.code, back.stderr).toBe(0);
    expect(lines(back.stdout)).toEqual(events);
  });

  it('says so for an unknown run (exit 2)', async () => {
    const store = mkdtempSync(join(tmpdir(), 'hs-trace-'));
    const result = await runCli(['trace', 'run-nope', '--store', store]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No run "run-nope"/);
  });
});
