/**
 * Traces in the app (src/runs/traceRuns.ts, built in createApp): an Agent Framework trace is kept
 * as an imported run — of a new workflow recovered from it, or of the open workflow it is matched
 * to — and shown like any run (its events on the timeline, listed with the workflow's runs, its
 * notes kept); any run exports as OTLP that reads back as the same events.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVIDER_SETTINGS, runOwner, type ProviderSettings } from '../../src/runs';
import { buildApp, until } from '../support/appHarness';

const AF = readFileSync('test/fixtures/traces/af/customer_support.otlp.json', 'utf8');
const NO_CONTENT = readFileSync(
  'test/fixtures/traces/af/customer_support.no-content.otlp.json',
  'utf8',
);
const simulator: ProviderSettings = { ...DEFAULT_PROVIDER_SETTINGS, simulator: { delayMs: 0 } };

describe('traces in the app', () => {
  it('opens a trace as a new workflow and shows its run like a run of ours', async () => {
    const app = buildApp();
    await app.session.start();
    const imported = app.traces.read(AF);
    expect(await app.session.openAsNew(imported.workflow)).toBe(true);
    const workflowId = app.library.getState().currentId!;
    expect(app.designer.getState().doc.agents.map((a) => a.name)).toEqual(
      imported.workflow.agents.map((a) => a.name),
    );
    const record = await app.traces.keep(imported, workflowId);
    const view = app.runs.getView();
    expect(view.runId).toBe(record.runId);
    expect(view.imported).toBe(true);
    expect(view.resumable).toBe(false);
    expect(view.timeline.events.map((e) => e.type)).toEqual(imported.events.map((e) => e.type));
    const owner = runOwner(workflowId, app.designer.getState().doc);
    expect((await app.runs.listRuns(owner)).map((r) => r.runId)).toEqual([record.runId]);
    expect(await app.traces.notesOf(record.runId)).toEqual(imported.notes);
    app.dispose();
  });

  it('matched to the open workflow, flags what it does not allow; twice is two runs', async () => {
    const app = buildApp();
    await app.session.start();
    const open = app.designer.getState().doc;
    const changed = { ...open, handoffs: open.handoffs.filter((h) => h.target !== 'refund_agent') };
    const imported = app.traces.read(NO_CONTENT, changed);
    expect(imported.workflow).toBe(changed);
    expect(imported.notes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['content_not_captured', 'handoff_not_allowed']),
    );
    const a = await app.traces.keep(imported);
    const b = await app.traces.keep(imported);
    expect(b.runId).toBe(`${a.runId}-2`);
    const shown = app.runs.getView();
    expect(shown.timeline.latest.agents.triage_agent?.forbidden.length ?? 0).toBeGreaterThan(0);
    app.dispose();
  });

  it('exports a run of ours as OTLP that reads back as the same events', async () => {
    const app = buildApp();
    await app.session.start();
    const doc = app.designer.getState().doc;
    const workflowId = app.library.getState().currentId!;
    await app.runs.start(doc, 'I want a refund for order 123', simulator, workflowId);
    const view = { getState: app.runs.getView, subscribe: app.runs.subscribe };
    const paused = await until(
      view,
      (v) => v.timeline.latest.pending.some((r) => r.kind === 'approval'),
      'the approval',
    );
    app.runs.stop();
    await until(view, (v) => !v.live, 'the stop');
    const file = await app.traces.otlpFile(paused.runId!);
    expect(file.name).toMatch(/\.otlp\.json$/);
    const back = app.traces.read(file.text);
    expect(back.format).toBe('otlp-handoff-studio');
    expect(back.events).toEqual(await app.checkpoints.getEvents(paused.runId!));
    app.dispose();
  });
});
