/**
 * The read-only corpus of run files from every shipped format version (test/fixtures/runs): each
 * must still import, conform to the event schema once upgraded, give its trace, and resume.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryCheckpointStore, resumeRun } from '../../src/engine';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { importRun, parseRunFile } from '../../src/runs/runFile';
import { reduceAll, traceForAgent } from '../../src/trace';
import { drive } from '../support/engineHarness';

const ROOT = 'test/fixtures/runs';
const files = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith('.run.json'))
      .map((f) => join(ROOT, d.name, f)),
  );

describe('run file corpus', () => {
  it('holds files of at least one shipped version', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s imports with every checkpoint readable', async (path) => {
    const text = readFileSync(path, 'utf8');
    const { file } = parseRunFile(text);
    const store = new MemoryCheckpointStore();
    const { record, unreadable } = await importRun(store, text);
    expect(unreadable).toEqual([]);
    expect(await store.getEvents(record.runId)).toHaveLength(file.events.length);
    expect(reduceAll(file.events).eventCount).toBe(file.events.length);
  });

  it('a session-2 run paused at an approval resumes and completes', async () => {
    const text = readFileSync(
      join(ROOT, 'v1-2026-11/customer-support-paused-approval.run.json'),
      'utf8',
    );
    const store = new MemoryCheckpointStore();
    const { record } = await importRun(store, text);
    const { doc } = parseRunFile(text);
    const handle = await resumeRun({
      runId: record.runId,
      store,
      document: doc,
      provider: createSimulatorProvider({ document: doc }),
    });
    const run = await drive(handle, { decisions: [true], inputs: [{ end: true }] });
    expect(run.events[0]).toMatchObject({ type: 'run_resumed', seq: record.eventCount + 1 });
    expect(run.events.map((e) => e.type)).toContain('approval_resolved');
    expect(run.outcome.status).toBe('completed');
  });

  it("a session-2 run's forbidden handoff is traced from its upgraded events", () => {
    const text = readFileSync(join(ROOT, 'v1-2026-11/warnings-paused-input.run.json'), 'utf8');
    const { file } = parseRunFile(text);
    const state = reduceAll(file.events);
    expect(traceForAgent(state, 'order_agent').forbidden).toEqual([
      expect.objectContaining({ tool: 'handoff_to_refund_agent', target: 'refund_agent' }),
    ]);
    expect(
      file.events.find((e) => e.type === 'warning' && e.code === 'extra_handoff'),
    ).toMatchObject({
      tool: 'handoff_to_refund_agent',
      target: 'refund_agent',
      callId: 'triage_agent-0-1',
    });
  });
});
