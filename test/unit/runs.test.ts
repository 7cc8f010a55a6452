/**
 * The run session controller (src/runs) on dexie over fake-indexeddb, with the simulator and
 * script providers: start, answer, stop and resume, a "reload" (a new controller on the same
 * database) that finds the run interrupted and resumes it with nothing lost, fork, export and
 * import, replay, and provider settings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelProvider, RunEvent } from '../../src/engine';
import { parseWorkflowText, type Workflow } from '../../src/model';
import { createSimulatorProvider } from '../../src/providers/simulator';
import {
  DEFAULT_PROVIDER_SETTINGS,
  loadProviderSettings,
  RunController,
  runFileText,
  runOwner,
  saveProviderSettings,
  type ProviderSettings,
  type RunView,
} from '../../src/runs';
import { DexieCheckpointStore } from '../../src/storage/dexieStore';
import { chatItems, traceForEdge } from '../../src/trace';
import { fakeIndexedDb } from '../support/fakeIndexedDb';
import { untilView } from '../support/until';

const simulator: ProviderSettings = { ...DEFAULT_PROVIDER_SETTINGS, simulator: { delayMs: 0 } };

function customerSupport(): Workflow {
  const parsed = parseWorkflowText(readFileSync('public/examples/customer_support.json', 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed.doc;
}

function database() {
  const deps = fakeIndexedDb();
  return { open: () => new DexieCheckpointStore('test-db', deps) };
}

const latest = (view: RunView) => view.timeline.latest;
const types = (events: readonly RunEvent[]) => events.map((e) => e.type);

describe('RunController', () => {
  it('runs customer support on the simulator, with an approval and a reply', async () => {
    const controller = new RunController({ store: database().open() });
    expect(
      await controller.start(customerSupport(), 'I want a refund for order 123', simulator),
    ).toBe(true);
    let view = await untilView(controller, (v) =>
      latest(v).pending.some((r) => r.kind === 'approval'),
    );
    expect(view.live).toBe(true);
    expect(latest(view).activeAgent).toBe('refund_agent');
    expect(traceForEdge(latest(view), 'triage_agent', 'refund_agent').count).toBe(1);
    const approval = latest(view).pending[0]!;
    expect(approval).toMatchObject({ name: 'process_refund', arguments: { order_number: '123' } });
    controller.answerApproval(approval.requestId, true);

    view = await untilView(controller, (v) => latest(v).pending.some((r) => r.kind === 'input'));
    controller.answerInput(latest(view).pending[0]!.requestId, 'thanks, goodbye');
    view = await untilView(controller, (v) => !v.live);
    expect(latest(view).status).toBe('completed');
    const texts = chatItems(latest(view)).flatMap((i) => (i.kind === 'message' ? [i.text] : []));
    expect(texts.join(' ')).toContain('Refund processed for order 123.');

    const runs = await controller.listRuns(runOwner(undefined, customerSupport()));
    expect(runs).toEqual([
      expect.objectContaining({
        runId: view.runId,
        status: 'completed',
        provider: 'simulator',
        resumable: false,
      }),
    ]);
    expect(runs[0]!.events).toBe(view.timeline.length);
    expect(
      await controller.listRuns(
        runOwner(undefined, { ...customerSupport(), name: 'another_workflow' }),
      ),
    ).toEqual([]);
  });

  it('stops a run mid-stream and resumes it from its last checkpoint', async () => {
    const controller = new RunController({ store: database().open() });
    const slow = { ...simulator, simulator: { delayMs: 5 } };
    await controller.start(customerSupport(), 'Hello there', slow);
    await untilView(
      controller,
      (v) => latest(v).streaming !== undefined && latest(v).streaming!.text.length > 0,
    );
    controller.stop();
    let view = await untilView(controller, (v) => !v.live);
    expect(latest(view).status).toBe('stopped');
    expect(view.resumable).toBe(true);
    const cutAt = latest(view).checkpoints.chunks.flat().at(-1)!.seq;

    expect(await controller.resume(view.runId!, slow)).toBe(true);
    view = await untilView(controller, (v) => latest(v).status === 'waiting');
    // seq goes on over the whole life of the run: the stopped invocation's cut-off reply and
    // `stopped` stay in the log (they happened), and the resume's events follow them; the
    // resumed call streams the reply again in full.
    const seqs = view.timeline.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const all = types(view.timeline.events);
    expect(all.indexOf('stopped')).toBeGreaterThan(cutAt - 1);
    expect(all.indexOf('run_resumed')).toBe(all.indexOf('stopped') + 1);
    const messages = chatItems(latest(view)).filter((i) => i.kind === 'message');
    expect(messages.at(-1)).toEqual(
      expect.objectContaining({ agent: 'triage_agent', streaming: false }),
    );
    expect(messages.at(-1)).not.toHaveProperty('interrupted');
  });

  it('finds a run cut off by a reload interrupted, and resumes it with nothing lost', async () => {
    const db = database();
    // The first page: the refund agent's model call never returns (the page is "reloaded").
    const hanging: ModelProvider = { id: 'simulator', complete: () => new Promise(() => {}) };
    const first = new RunController({
      store: db.open(),
      providerFor: (_settings, doc) => {
        const sim = createSimulatorProvider({ document: doc });
        return {
          id: 'simulator',
          complete: (r) => (r.agent === 'refund_agent' ? hanging.complete(r) : sim.complete(r)),
        };
      },
    });
    await first.start(customerSupport(), 'I want a refund for order 123', simulator);
    const cut = await untilView(
      first,
      (v) => latest(v).activeAgent === 'refund_agent' && latest(v).streaming !== undefined,
    );
    const seen = [...cut.timeline.events];

    // The reloaded page: a new controller on the same database.
    const second = new RunController({ store: db.open() });
    const [summary] = await second.listRuns(runOwner(undefined, customerSupport()));
    expect(summary).toMatchObject({ runId: cut.runId, status: 'interrupted', resumable: true });
    expect(await second.open(cut.runId!)).toBe(true);
    expect(second.getView()).toMatchObject({ interrupted: true, live: false, resumable: true });
    // Everything up to the last checkpoint was stored: the opening, the handoff.
    const stored = second.getView().timeline.events;
    const lastCheckpoint = seen.filter((e) => e.type === 'checkpoint_saved').at(-1)!;
    expect(stored.slice(0, lastCheckpoint.seq)).toEqual(seen.slice(0, lastCheckpoint.seq));

    expect(await second.resume(cut.runId!, simulator)).toBe(true);
    const view = await untilView(second, (v) =>
      latest(v).pending.some((r) => r.kind === 'approval'),
    );
    const chat = chatItems(latest(view));
    expect(chat.filter((i) => i.kind === 'user').map((i) => i.kind === 'user' && i.text)).toEqual([
      'I want a refund for order 123',
    ]);
    expect(chat.some((i) => i.kind === 'handoff' && i.to === 'refund_agent')).toBe(true);
    expect(view.timeline.events.map((e) => e.seq)).toEqual(
      view.timeline.events.map((_, i) => i + 1),
    );
    const [again] = await second.listRuns(runOwner(undefined, customerSupport()));
    expect(again!.status).toBe('live');
  });

  it('forks from a checkpoint as a new run and leaves the original', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'Where is my order 55?', simulator);
    let view = await untilView(controller, (v) => latest(v).status === 'waiting');
    const original = view.runId!;
    controller.endRun(latest(view).pending[0]!.requestId);
    view = await untilView(controller, (v) => !v.live);
    const originalEvents = [...view.timeline.events];
    const checkpoint = latest(view).checkpoints.chunks.flat()[1]!;

    expect(await controller.fork(original, checkpoint.checkpointId, simulator)).toBe(true);
    view = await untilView(
      controller,
      (v) => v.runId !== original && latest(v).status === 'waiting',
    );
    expect(view.timeline.events.slice(0, checkpoint.seq)).toEqual(
      originalEvents.slice(0, checkpoint.seq),
    );
    const runs = await controller.listRuns(runOwner(undefined, customerSupport()));
    expect(runs.map((r) => r.runId).sort()).toEqual([original, view.runId].sort());
    expect(runs.find((r) => r.runId === view.runId)!.forkOf).toEqual({
      runId: original,
      checkpointId: checkpoint.checkpointId,
    });
    expect(await controller.store.getEvents(original)).toEqual(originalEvents);
  });

  it('forks a completed run from its latest checkpoint that does not end it', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'Hello', simulator);
    let view = await untilView(controller, (v) => latest(v).status === 'waiting');
    const original = view.runId!;
    controller.endRun(latest(view).pending[0]!.requestId);
    view = await untilView(controller, (v) => !v.live);
    expect(latest(view).status).toBe('completed');
    expect(await controller.resume(original, simulator)).toBe(false);
    expect(controller.getView().error).toMatch(/has completed/);

    expect(await controller.fork(original, undefined, simulator)).toBe(true);
    view = await untilView(
      controller,
      (v) => v.runId !== original && latest(v).status === 'waiting',
    );
    expect(latest(view).pending).toEqual([
      expect.objectContaining({ kind: 'input', agent: 'triage_agent' }),
    ]);
    expect((await controller.listRuns()).find((r) => r.runId === view.runId)!.forkOf?.runId).toBe(
      original,
    );
  });

  it('exports a run with no key, imports it elsewhere and replays it the same way', async () => {
    const secret = 'sk-test-SECRET-1234567890';
    const keyed: ProviderSettings = {
      ...simulator,
      openai: { apiKey: secret, model: 'gpt-x' },
      compatible: { baseURL: 'http://10.0.0.1/v1', apiKey: secret, model: 'm' },
    };
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'I want a refund for order 7', keyed);
    let view = await untilView(controller, (v) => latest(v).status === 'waiting');
    controller.answerApproval(latest(view).pending[0]!.requestId, false);
    view = await untilView(controller, (v) => latest(v).pending.some((r) => r.kind === 'input'));
    controller.endRun(latest(view).pending[0]!.requestId);
    view = await untilView(controller, (v) => !v.live);
    const text = runFileText(await controller.exportRun(view.runId!));
    expect(text).not.toContain(secret);
    expect(text).not.toContain('10.0.0.1');
    expect(JSON.parse(text)).toMatchObject({ format: 'handoff-run', version: 1 });

    // A fresh browser profile: another database.
    const elsewhere = new RunController({ store: database().open() });
    const record = await elsewhere.importRun(text);
    expect(record.runId).toBe(view.runId);
    const imported = elsewhere.getView();
    expect(imported).toMatchObject({ imported: true, resumable: false, live: false });
    expect(imported.timeline.events).toEqual(view.timeline.events);
    expect((await elsewhere.listRuns())[0]).toMatchObject({ imported: true, resumable: false });

    expect(await elsewhere.replay(record.runId, simulator)).toBe(true);
    const replayed = await untilView(elsewhere, (v) => !v.live && v.runId !== record.runId);
    expect(replayed.provider).toBe('script');
    // A replay measures its own call durations.
    const strip = (events: readonly RunEvent[]) =>
      events
        .filter((e) => e.type !== 'run_started')
        .map(({ seq: _seq, ...rest }) =>
          rest.type === 'usage' ? { ...rest, durationMs: 0 } : rest,
        );
    expect(strip(replayed.timeline.events)).toEqual(strip(view.timeline.events));
  });

  it('imports a stopped run with its checkpoints and resumes it elsewhere', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'I want a refund for order 9', simulator);
    let view = await untilView(controller, (v) =>
      latest(v).pending.some((r) => r.kind === 'approval'),
    );
    const requestId = latest(view).pending[0]!.requestId;
    controller.stop();
    view = await untilView(controller, (v) => !v.live);
    const file = await controller.exportRun(view.runId!);
    expect(file.checkpoints!.length).toBeGreaterThan(0);
    expect(file.items!.length).toBeGreaterThan(0);

    const elsewhere = new RunController({ store: database().open() });
    await elsewhere.importRun(runFileText(file));
    expect(elsewhere.getView()).toMatchObject({
      imported: true,
      resumable: true,
      continuable: true,
    });
    expect((await elsewhere.listRuns())[0]).toMatchObject({ resumable: true, continuable: true });
    expect(await elsewhere.resume(view.runId!, simulator)).toBe(true);
    // The same approval is asked again, with the same id, and the run goes on here.
    await untilView(elsewhere, (v) => latest(v).pending.some((r) => r.requestId === requestId));
    elsewhere.answerApproval(requestId, true);
    let resumed = await untilView(elsewhere, (v) =>
      latest(v).pending.some((r) => r.kind === 'input'),
    );
    elsewhere.endRun(latest(resumed).pending[0]!.requestId);
    resumed = await untilView(elsewhere, (v) => !v.live);
    expect(latest(resumed).status).toBe('completed');
    const texts = chatItems(latest(resumed)).flatMap((i) => (i.kind === 'message' ? [i.text] : []));
    expect(texts.join(' ')).toContain('Refund processed for order 9.');
  });

  it('a run file without checkpoints (an older one) imports for stepping and replay only', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'Where is order 5?', simulator);
    const view = await untilView(controller, (v) =>
      latest(v).pending.some((r) => r.kind === 'input'),
    );
    controller.stop();
    await untilView(controller, (v) => !v.live);
    const { checkpoints: _c, items: _i, ...old } = await controller.exportRun(view.runId!);
    const elsewhere = new RunController({ store: database().open() });
    await elsewhere.importRun(runFileText(old));
    expect(elsewhere.getView()).toMatchObject({ resumable: false, continuable: false });
    expect(await elsewhere.resume(view.runId!, simulator)).toBe(false);
    expect(elsewhere.getView().error).toMatch(/no checkpoint/);
  });

  it('a run file with damaged checkpoints imports, says so at once, and resumes from a readable one', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'Where is order 6?', simulator);
    const view = await untilView(controller, (v) =>
      latest(v).pending.some((r) => r.kind === 'input'),
    );
    controller.stop();
    await untilView(controller, (v) => !v.live);
    const file = await controller.exportRun(view.runId!);
    expect(file.checkpoints!.length).toBeGreaterThan(1);
    const oldestDamaged = {
      ...file,
      checkpoints: file.checkpoints!.map((c, i) =>
        i === 0 ? { ...c, state: { ...c.state, next: { kind: 'teleport' } } } : c,
      ),
    };
    const one = new RunController({ store: database().open() });
    await one.importRun(runFileText(oldestDamaged));
    expect(one.getView().error).toMatch(
      new RegExp(
        `1 checkpoint\\(s\\) could not be read.*${file.checkpoints![0]!.checkpointId}.*teleport`,
      ),
    );
    expect(await one.resume(view.runId!, simulator)).toBe(true);

    const allDamaged = {
      ...file,
      checkpoints: file.checkpoints!.map((c) => ({ ...c, state: { next: 'nonsense' } })),
    };
    const elsewhere = new RunController({ store: database().open() });
    await elsewhere.importRun(runFileText(allDamaged));
    expect(elsewhere.getView().error).toMatch(/could not be read/);
    expect(await elsewhere.resume(view.runId!, simulator)).toBe(false);
    expect(elsewhere.getView().error).toMatch(/no checkpoint/);
    // Nothing lost: the run is still there to step through and replay.
    expect(await elsewhere.open(view.runId!)).toBe(true);
    expect(elsewhere.getView().timeline.events).toEqual(view.timeline.events);
  });

  it('a run file whose events break the event schema is refused with invalid_run_file', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'Where is order 6?', simulator);
    const view = await untilView(controller, (v) =>
      latest(v).pending.some((r) => r.kind === 'input'),
    );
    controller.stop();
    await untilView(controller, (v) => !v.live);
    const file = await controller.exportRun(view.runId!);
    const broken = {
      ...file,
      events: file.events.map((e) => (e.type === 'handoff' ? { ...e, to: 42 } : e)),
    };
    await expect(controller.importRun(JSON.stringify(broken))).rejects.toMatchObject({
      code: 'invalid_run_file',
      message: expect.stringMatching(/events\.\d+\.to/),
    });
  });

  it('a stopped replay resumes on its script, giving the recorded answers it had not given', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'I want a refund for order 4', simulator);
    let view = await untilView(controller, (v) =>
      latest(v).pending.some((r) => r.kind === 'approval'),
    );
    controller.answerApproval(latest(view).pending[0]!.requestId, true);
    view = await untilView(controller, (v) => latest(v).pending.some((r) => r.kind === 'input'));
    const first = latest(view).pending[0]!.requestId;
    controller.answerInput(first, 'and order 5?');
    view = await untilView(controller, (v) =>
      latest(v).pending.some((r) => r.kind === 'input' && r.requestId !== first),
    );
    controller.endRun(latest(view).pending[0]!.requestId);
    const original = await untilView(controller, (v) => !v.live);

    const slow = { ...simulator, simulator: { delayMs: 3 } };
    expect(await controller.replay(original.runId!, slow)).toBe(true);
    // Stopped while the refund agent streams, after the approval was given again.
    await untilView(
      controller,
      (v) =>
        v.runId !== original.runId &&
        latest(v).streaming?.agent === 'refund_agent' &&
        latest(v).streaming!.text.length > 0,
    );
    controller.stop();
    const stopped = await untilView(controller, (v) => !v.live);
    expect(stopped.resumable).toBe(true);
    // Resumed with the simulator selected: the replay still replays.
    expect(await controller.resume(stopped.runId!, simulator)).toBe(true);
    const done = await untilView(controller, (v) => !v.live);
    expect(done.provider).toBe('script');
    expect(latest(done).status).toBe('completed');
    const said = (v: RunView) =>
      v.timeline.events.flatMap((e) =>
        e.type === 'message' || e.type === 'user_message' ? [e.text] : [],
      );
    // Every recorded reply and answer once, in order, as in the original run.
    expect(said(done)).toEqual(said(original));
  });

  it('refuses a second run while one is live, and reports a bad import', async () => {
    const controller = new RunController({ store: database().open() });
    await controller.start(customerSupport(), 'Hello', simulator);
    expect(await controller.start(customerSupport(), 'Again', simulator)).toBe(false);
    expect(controller.getView().error).toMatch(/in progress/);
    await expect(controller.importRun('{"format":"nope"}')).rejects.toThrow(/not a run file/);
  });
});

describe('provider settings', () => {
  it('are stored in the settings table and completed with defaults', async () => {
    const store = database().open();
    expect(await loadProviderSettings(store.db.settings)).toEqual(DEFAULT_PROVIDER_SETTINGS);
    const mine: ProviderSettings = {
      ...DEFAULT_PROVIDER_SETTINGS,
      kind: 'compatible',
      compatible: { baseURL: 'http://127.0.0.1:1234/v1', apiKey: 'k', model: 'llama' },
    };
    await saveProviderSettings(store.db.settings, mine);
    expect(await loadProviderSettings(store.db.settings)).toEqual(mine);
    await store.db.settings.put({ key: 'runs.provider', value: { kind: 'bogus', openai: 3 } });
    expect(await loadProviderSettings(store.db.settings)).toEqual(DEFAULT_PROVIDER_SETTINGS);
  });
});
