/**
 * The suite service in the app built as in the browser (src/app) on fake-indexeddb: samples are
 * ordinary runs owned by the workflow and marked as test samples, results are stored per
 * workflow and version after every sample, a reload mid-suite shows what finished as
 * interrupted, and a new result is compared with the last.
 */
import { describe, expect, it } from 'vitest';
import { addTestCase, updateExpectations } from '../../src/model/editTests';
import type { Workflow } from '../../src/model/schema';
import { DEFAULT_PROVIDER_SETTINGS, type ProviderSettings } from '../../src/runs';
import { createSimulatorProvider } from '../../src/providers/simulator';
import { isTestSample, TEST_SUITE } from '../../src/testing/testSample';
import { buildApp, until } from '../support/appHarness';
import { fakeIndexedDb } from '../support/fakeIndexedDb';

const simulator: ProviderSettings = { ...DEFAULT_PROVIDER_SETTINGS, simulator: { delayMs: 0 } };

/** The document without the example's own cases. */
function bare(doc: Workflow): Workflow {
  const { tests: _own, ...rest } = doc;
  return rest as Workflow;
}

function withCases(doc: Workflow, n = 2): Workflow {
  let next = addTestCase(bare(doc), {
    id: 'refund',
    name: 'Refund goes to refunds',
    turns: ['I want a refund for order 123'],
    approvals: ['approve'],
    expect: { route: 'triage_agent > refund_agent', avoids: ['order_agent'] },
  }).doc;
  next = addTestCase(next, {
    id: 'order',
    name: 'Order status',
    turns: ['Where is my order 42?'],
    expect: { reaches: ['refund_agent'] },
  }).doc;
  for (let i = 2; i < n; i++) {
    next = addTestCase(next, {
      id: `more_${i}`,
      name: `More ${i}`,
      turns: ['I want a refund for order 7'],
      approvals: ['approve'],
    }).doc;
  }
  return next;
}

describe('the suite service', () => {
  it('runs the cases as stored test samples of the workflow and keeps the result', async () => {
    const app = buildApp();
    await app.session.start();
    const workflowId = app.library.getState().currentId!;
    const doc = withCases(app.designer.getState().doc);
    const record = await app.suites.start(doc, workflowId, simulator);
    expect(record?.status).toBe('finished');
    const cases = record!.result.cases;
    expect(cases.map((c) => [c.caseId, c.ok, c.total])).toEqual([
      ['refund', true, 1],
      ['order', false, 1],
    ]);
    // Every sample is an ordinary stored run, owned by the workflow and marked as a sample.
    for (const sample of record!.result.samples) {
      const run = await app.checkpoints.getRun(sample.runId);
      expect(run?.meta).toMatchObject({ workflowId, [TEST_SUITE]: record!.id });
      expect(isTestSample(run!)).toBe(true);
      expect((await app.checkpoints.getEvents(sample.runId)).length).toBeGreaterThan(3);
    }
    // The Run panel's lists tell samples from ordinary runs.
    await app.runs.start(doc, 'Where is my order 42?', simulator, workflowId);
    const runView = { getState: app.runs.getView, subscribe: app.runs.subscribe };
    await until(runView, (v) => v.timeline.latest.pending.length > 0, 'the question');
    app.runs.stop();
    await until(runView, (v) => !v.live, 'the stop');
    const listed = await app.runs.listRuns(app.openRun.owner());
    expect(listed.map((r) => r.testSample).sort()).toEqual([false, true, true]);
    // The canvas view was grown from the samples.
    const view = app.suites.state.getState().view!;
    expect(view.samples).toBe(2);
    expect(view.edge('triage_agent', 'refund_agent').taken).toBe(1);
    expect(view.failedRunIds()).toEqual([record!.result.samples.find((s) => !s.passed)!.runId]);
    // Stored under the workflow and its version (tests are not part of the hash).
    const rows = await app.db.suites.where('workflowId').equals(workflowId).toArray();
    expect(rows.map((r) => [r.id, r.status, r.workflowHash])).toEqual([
      [record!.id, 'finished', record!.result.workflowHash],
    ]);
  });

  it('compares a new result with the last one', async () => {
    const app = buildApp();
    await app.session.start();
    const workflowId = app.library.getState().currentId!;
    const doc = withCases(app.designer.getState().doc);
    await app.suites.start(doc, workflowId, simulator);
    // The failing case now expects what happens; the passing one expects what does not.
    let changed = updateExpectations(doc, 'order', { reaches: ['order_agent'] });
    changed = updateExpectations(changed, 'refund', { route: 'triage_agent > order_agent' });
    await app.suites.start(changed, workflowId, simulator);
    const comparison = app.suites.state.getState().comparison!;
    expect(comparison.better).toEqual(['order']);
    expect(comparison.worse).toEqual(['refund']);
    expect(comparison.workflowChanged).toBe(false);
  });

  it('keeps the samples that finished when the page reloads mid-suite', async () => {
    const profile = fakeIndexedDb();
    const first = buildApp({ indexedDB: profile });
    await first.session.start();
    const workflowId = first.library.getState().currentId!;
    const doc = withCases(first.designer.getState().doc, 12);
    const slow: ProviderSettings = { ...simulator, simulator: { delayMs: 2 } };
    const running = first.suites.start(doc, workflowId, slow);
    await until(first.suites.state, (s) => (s.running?.done ?? 0) >= 2, 'two samples');
    // A second page on the same database: the first one's suite is not running there.
    const second = buildApp({ indexedDB: profile });
    await second.suites.load(workflowId, doc);
    const shown = second.suites.state.getState().shown!;
    expect(shown.status).toBe('interrupted');
    expect(shown.result.samples.length).toBeGreaterThanOrEqual(2);
    expect(shown.result.samples.length).toBeLessThan(12);
    // A page that has the workflow only in memory (a link to an example) finds it by version.
    const third = buildApp({ indexedDB: profile });
    await third.suites.load(undefined, doc);
    expect(third.suites.state.getState().shown?.id).toBe(shown.id);
    await third.suites.load(undefined, updateExpectations(doc, 'refund', { route: 'x' }));
    expect(third.suites.state.getState().shown?.id).toBe(shown.id);
    const other = {
      ...doc,
      agents: doc.agents.map((a, i) => (i === 0 ? { ...a, description: 'changed' } : a)),
    };
    await third.suites.load(undefined, other);
    expect(third.suites.state.getState().shown).toBeUndefined();
    first.suites.stop();
    const stopped = await running;
    expect(stopped?.status).toBe('stopped');
    expect(stopped!.result.samples.length).toBeLessThan(12);
    // The page that ran it shows its own suite as stopped, not interrupted.
    await first.suites.load(workflowId, doc);
    expect(first.suites.state.getState().shown?.status).toBe('stopped');
  });

  it('leaves another workflow opened mid-suite alone, and shows the suite on coming back', async () => {
    const app = buildApp();
    await app.session.start();
    const workflowId = app.library.getState().currentId!;
    const doc = withCases(app.designer.getState().doc, 6);
    const slow: ProviderSettings = { ...simulator, simulator: { delayMs: 2 } };
    const running = app.suites.start(doc, workflowId, slow);
    await until(app.suites.state, (s) => (s.running?.done ?? 0) >= 1, 'a sample');
    await app.suites.load('another-workflow', bare(doc));
    expect(app.suites.state.getState().shown).toBeUndefined();
    await until(app.suites.state, (s) => (s.running?.done ?? 0) >= 2, 'one more sample');
    expect(app.suites.state.getState().shown).toBeUndefined();
    expect(app.suites.state.getState().view).toBeUndefined();
    const record = await running;
    expect(app.suites.state.getState().shown).toBeUndefined();
    await app.suites.load(workflowId, doc);
    expect(app.suites.state.getState().shown?.id).toBe(record!.id);
    expect(app.suites.state.getState().view?.samples).toBe(6);
  });

  it('runs N samples per case, K at a time, on a provider that is not deterministic', async () => {
    let live = 0;
    let most = 0;
    const app = buildApp({
      runs: {
        // The simulator's replies under another id: src/routing samples it like a real model.
        providerFor: (_settings, doc) => {
          const inner = createSimulatorProvider({ document: doc, delayMs: 1 });
          return {
            id: 'openai',
            async complete(request) {
              most = Math.max(most, ++live);
              try {
                return await inner.complete(request);
              } finally {
                live--;
              }
            },
          };
        },
      },
    });
    await app.session.start();
    const workflowId = app.library.getState().currentId!;
    const doc = withCases(app.designer.getState().doc);
    const openai: ProviderSettings = { ...simulator, kind: 'openai' };
    const record = await app.suites.start(doc, workflowId, openai, { samples: 3, concurrency: 2 });
    expect(record!.result.samplesPerCase).toBe(3);
    expect(record!.result.samples).toHaveLength(6);
    expect(record!.result.cases.map((c) => c.total)).toEqual([3, 3]);
    expect(most).toBe(2);
  });

  it('refuses a workflow without cases and says why', async () => {
    const app = buildApp();
    await app.session.start();
    const result = await app.suites.start(bare(app.designer.getState().doc), undefined, simulator);
    expect(result).toBeUndefined();
    expect(app.suites.state.getState().error).toMatch(/no test cases/);
  });
});
