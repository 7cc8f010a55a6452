/**
 * One rule for the trace shown (issue 17): `app.openRun` (src/runs/openRun.ts) matches the run
 * controller's run to the open workflow by its library id and derives the trace at the timeline
 * cursor, for the canvas and the Run panel alike; breakpoints have one owner (`app.breakpoints`)
 * that hands them to the controller. Built as in the browser, in Node.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVIDER_SETTINGS, traceAt, type ProviderSettings } from '../../src/runs';
import type { App } from '../../src/app';
import { buildApp, until } from '../support/appHarness';

const simulator: ProviderSettings = { ...DEFAULT_PROVIDER_SETTINGS, simulator: { delayMs: 0 } };
const view = (app: App) => ({ getState: app.runs.getView, subscribe: app.runs.subscribe });

async function pausedRun(app: App) {
  await app.session.start();
  const id = app.library.getState().currentId!;
  await app.runs.start(app.designer.getState().doc, 'I want a refund for order 123', simulator, id);
  return until(
    view(app),
    (v) => v.timeline.latest.pending.some((r) => r.kind === 'approval'),
    'the approval',
  );
}

describe('the open run and the trace shown', () => {
  it('shows the open workflow run, live or at the cursor, computed once per change', async () => {
    const app = buildApp();
    const paused = await pausedRun(app);
    const { openRun } = app;
    expect(openRun.view()).toBe(paused);
    expect(openRun.shownTrace(null)).toBe(paused.timeline.latest);
    const at = openRun.shownTrace(3);
    expect(at).toEqual(paused.timeline.stateAt(3));
    expect(at.status).toBe('running');
    expect(openRun.shownTrace(3)).toBe(at); // one computation for every node that asks
    expect(traceAt(paused, null)).toBe(paused.timeline.latest);
  });

  it('never shows another workflow run: its trace is empty here, and it is the background run', async () => {
    const app = buildApp();
    await pausedRun(app);
    const first = app.library.getState().currentId;
    expect(app.openRun.background()).toBeUndefined();
    await app.session.newBlankWorkflow();
    expect(app.library.getState().currentId).not.toBe(first);
    const shown = app.openRun.view();
    expect(shown.runId).toBeUndefined();
    expect(app.openRun.shownTrace(null).status).not.toBe('waiting');
    expect(app.openRun.shownTrace(null).agents).toEqual({});
    expect(app.openRun.background()).toBe(app.runs.getView());
  });

  it('wakes its subscribers when the shown run changes, not on every document edit', async () => {
    const app = buildApp();
    await pausedRun(app);
    let woken = 0;
    const off = app.openRun.subscribe(() => woken++);
    app.designer.getState().apply((doc) => ({ ...doc, description: 'edited' }), {
      label: 'edit',
    });
    expect(woken).toBe(0);
    app.runs.stop();
    await until(view(app), (v) => !v.live, 'the stop');
    expect(woken).toBeGreaterThan(0);
    off();
  });
});

describe('breakpoints', () => {
  it('have one owner that hands every change to the run controller', () => {
    const app = buildApp();
    const given: unknown[] = [];
    const setBreakpoints = app.runs.setBreakpoints.bind(app.runs);
    app.runs.setBreakpoints = (b) => {
      given.push(b);
      setBreakpoints(b);
    };
    app.breakpoints.toggleAgent('triage_agent');
    app.breakpoints.toggleEdge('triage_agent', 'refund_agent');
    expect(app.breakpoints.hasAgent('triage_agent')).toBe(true);
    expect(app.breakpoints.hasEdge('triage_agent', 'refund_agent')).toBe(true);
    expect(app.breakpoints.hasEdge('refund_agent', 'triage_agent')).toBe(false);
    app.breakpoints.toggleAgent('triage_agent');
    expect(app.breakpoints.hasAgent('triage_agent')).toBe(false);
    expect(given.at(-1)).toEqual({
      agents: [],
      edges: [{ source: 'triage_agent', target: 'refund_agent' }],
    });
    expect(given).toHaveLength(3);
  });
});
