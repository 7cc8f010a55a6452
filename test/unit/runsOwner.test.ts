/**
 * Runs belong to a workflow by its library id (src/runs/owner.ts): every run record started,
 * forked, replayed or imported through the controller stores the id; the past runs of a
 * workflow are matched by it, never by name; records without an id match by document hash.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentHash } from '../../src/engine';
import { parseWorkflowText, type Workflow } from '../../src/model';
import {
  belongsTo,
  DEFAULT_PROVIDER_SETTINGS,
  RunController,
  runFileText,
  runOwner,
  workflowIdOf,
  type ProviderSettings,
  type RunView,
} from '../../src/runs';
import { DexieCheckpointStore } from '../../src/storage/dexieStore';
import { fakeIndexedDb } from '../support/fakeIndexedDb';
import { untilView } from '../support/until';

const simulator: ProviderSettings = { ...DEFAULT_PROVIDER_SETTINGS, simulator: { delayMs: 0 } };

function customerSupport(): Workflow {
  const parsed = parseWorkflowText(readFileSync('public/examples/customer_support.json', 'utf8'));
  if (!parsed.ok) throw new Error('example does not parse');
  return parsed.doc;
}

const controllerOn = () =>
  new RunController({
    store: new DexieCheckpointStore('owner-db', fakeIndexedDb()),
  });

const waiting = (v: RunView) => v.timeline.latest.status === 'waiting';
const ids = async (controller: RunController, id: string | undefined, doc: Workflow) =>
  (await controller.listRuns(runOwner(id, doc))).map((r) => r.runId).sort();

describe('belongsTo', () => {
  const doc = customerSupport();
  const hash = documentHash(doc);
  it('decides by id when both sides have one, whatever the document', () => {
    expect(belongsTo({ workflowId: 'a', docHash: hash }, runOwner('a', doc))).toBe(true);
    expect(belongsTo({ workflowId: 'a', docHash: hash }, runOwner('b', doc))).toBe(false);
    const renamed = { ...doc, name: 'renamed' };
    expect(belongsTo({ workflowId: 'a', docHash: hash }, runOwner('a', renamed))).toBe(true);
  });
  it('matches a run without an id, or a workflow not stored, by document hash', () => {
    expect(belongsTo({ workflowId: undefined, docHash: hash }, runOwner('a', doc))).toBe(true);
    expect(belongsTo({ workflowId: 'a', docHash: hash }, runOwner(undefined, doc))).toBe(true);
    const other = { ...doc, description: 'changed' };
    expect(belongsTo({ workflowId: undefined, docHash: hash }, runOwner('a', other))).toBe(false);
    expect(belongsTo({ workflowId: undefined, docHash: undefined }, runOwner('a', doc))).toBe(
      false,
    );
  });
});

describe('RunController and workflow ids', () => {
  it('stores the workflow id with a run and lists runs by id, not by name', async () => {
    const controller = controllerOn();
    const doc = customerSupport();
    expect(await controller.start(doc, 'Hello', simulator, 'wf-a')).toBe(true);
    const view = await untilView(controller, waiting);
    expect(view).toMatchObject({ workflowId: 'wf-a', docHash: documentHash(doc) });
    expect(workflowIdOf((await controller.store.getRun(view.runId!))!)).toBe('wf-a');
    controller.stop();
    await untilView(controller, (v) => !v.live);

    // Another library workflow with the same name and document: not its runs.
    expect(await ids(controller, 'wf-b', doc)).toEqual([]);
    expect(await ids(controller, 'wf-a', doc)).toEqual([view.runId]);
    // Renamed and edited, it is still the same workflow.
    const edited = { ...doc, name: 'support v2', description: 'edited' };
    expect(await ids(controller, 'wf-a', edited)).toEqual([view.runId]);
    // A resume keeps the id.
    expect(await controller.resume(view.runId!, simulator)).toBe(true);
    await untilView(controller, (v) => v.live && waiting(v));
    expect(workflowIdOf((await controller.store.getRun(view.runId!))!)).toBe('wf-a');
  });

  it('a fork, a replay and an import belong to the workflow they were made from', async () => {
    const controller = controllerOn();
    const doc = customerSupport();
    await controller.start(doc, 'Where is my order 5?', simulator, 'wf-a');
    let view = await untilView(controller, waiting);
    const original = view.runId!;
    controller.endRun(view.timeline.latest.pending[0]!.requestId);
    await untilView(controller, (v) => !v.live);

    // Forked with the open workflow (wf-b) and its document.
    const changed = { ...doc, description: 'changed' };
    expect(await controller.fork(original, undefined, simulator, changed, 'wf-b')).toBe(true);
    view = await untilView(controller, (v) => v.runId !== original && waiting(v));
    const fork = view.runId!;
    expect(view.workflowId).toBe('wf-b');
    controller.stop();
    await untilView(controller, (v) => !v.live);
    expect(await ids(controller, 'wf-b', changed)).toEqual([fork]);

    // A replay without an id goes with the run it replays.
    expect(await controller.replay(original, simulator)).toBe(true);
    view = await untilView(controller, (v) => !v.live && v.runId !== original && v.runId !== fork);
    const replay = view.runId!;
    expect(await ids(controller, 'wf-a', doc)).toEqual([original, replay].sort());

    // Imported elsewhere into workflow wf-x: listed there, whatever its name.
    const file = runFileText(await controller.exportRun(original));
    const elsewhere = controllerOn();
    await elsewhere.importRun(file, 'wf-x');
    expect(elsewhere.getView().workflowId).toBe('wf-x');
    expect(await ids(elsewhere, 'wf-x', { ...doc, name: 'other' })).toEqual([original]);
    expect(await ids(elsewhere, 'wf-a', doc)).toEqual([]);
  });

  it('a record without a workflow id (older runs) is listed by its document hash', async () => {
    const controller = controllerOn();
    const doc = customerSupport();
    await controller.start(doc, 'Hello', simulator);
    const view = await untilView(controller, waiting);
    controller.stop();
    await untilView(controller, (v) => !v.live);
    const record = (await controller.store.getRun(view.runId!))!;
    expect(record.meta).toBeUndefined();
    expect(await ids(controller, 'wf-a', doc)).toEqual([view.runId]);
    expect(await ids(controller, undefined, doc)).toEqual([view.runId]);
    expect(await ids(controller, 'wf-a', { ...doc, description: 'edited' })).toEqual([]);
  });
});
