/**
 * A run in the app built as in the browser (src/app), without a browser: the open workflow on
 * the simulator, paused at an approval (checkpointed), then — after a "reload", a second app on
 * the same database — found interrupted, resumed and finished, tied to its workflow's id.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVIDER_SETTINGS, runOwner, type ProviderSettings } from '../../src/runs';
import type { App } from '../../src/app';
import { buildApp, until } from '../support/appHarness';
import { fakeIndexedDb } from '../support/fakeIndexedDb';

const simulator: ProviderSettings = { ...DEFAULT_PROVIDER_SETTINGS, simulator: { delayMs: 0 } };
const view = (app: App) => ({ getState: app.runs.getView, subscribe: app.runs.subscribe });

describe('a run in the app', () => {
  it('starts on the simulator, checkpoints at an approval, and resumes after a reload', async () => {
    const profile = fakeIndexedDb();
    const first = buildApp({ indexedDB: profile });
    await first.session.start();
    const workflowId = first.library.getState().currentId!;
    const doc = first.designer.getState().doc;

    expect(
      await first.runs.start(doc, 'I want a refund for order 123', simulator, workflowId),
    ).toBe(true);
    const paused = await until(
      view(first),
      (v) => v.timeline.latest.pending.some((r) => r.kind === 'approval'),
      'the approval',
    );
    const runId = paused.runId!;
    expect(paused.timeline.events.some((e) => e.type === 'checkpoint_saved')).toBe(true);
    first.runs.stop();
    await until(view(first), (v) => !v.live, 'the stop');
    first.dispose();

    // The reloaded page: the same workflow reopens, and its run is listed by the workflow's id.
    const second = buildApp({ indexedDB: profile });
    await second.session.start();
    expect(second.library.getState().currentId).toBe(workflowId);
    const owner = runOwner(workflowId, second.designer.getState().doc);
    const [summary] = await second.runs.listRuns(owner);
    expect(summary).toMatchObject({ runId, resumable: true });
    expect(await second.runs.open(runId)).toBe(true);

    expect(await second.runs.resume(runId, simulator)).toBe(true);
    const again = await until(
      view(second),
      (v) => v.live && v.timeline.latest.pending.some((r) => r.kind === 'approval'),
      'the approval after the resume',
    );
    second.runs.answerApproval(again.timeline.latest.pending[0]!.requestId, true);
    const input = await until(
      view(second),
      (v) => v.timeline.latest.pending.some((r) => r.kind === 'input'),
      'the next question',
    );
    second.runs.answerInput(input.timeline.latest.pending[0]!.requestId, 'thanks, goodbye');
    const done = await until(view(second), (v) => !v.live, 'the end');
    expect(done.timeline.latest.status).toBe('completed');
    const seqs = done.timeline.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect((await second.checkpoints.getRun(runId))?.meta?.workflowId).toBe(workflowId);
  });
});
