/**
 * Autosave and the link between tabs, on the app built as in the browser (src/app): a burst of
 * changes is one write after the pause; a save in another tab of the open workflow holds this
 * tab's changes until the person chooses (load theirs, or keep mine).
 */
import { describe, expect, it, vi } from 'vitest';
import { addAgent, updateWorkflowSettings } from '../../src/model/edit';
import type { Workflow } from '../../src/model';
import type { App } from '../../src/app';
import { buildApp, tabChannel, until } from '../support/appHarness';
import { fakeIndexedDb } from '../support/fakeIndexedDb';

const rename = (app: App, name: string) =>
  app.designer.getState().apply((d: Workflow) => updateWorkflowSettings(d, { name }), {
    label: 'Rename',
  });

describe('autosave', () => {
  it('writes a burst of changes once, after the pause', async () => {
    const app = buildApp({ saveDelayMs: 30 });
    await app.session.start();
    const id = app.library.getState().currentId!;
    const save = vi.spyOn(app.workflows, 'save');
    for (const name of ['A', 'AB', 'ABC']) rename(app, name);
    expect(app.library.getState().save.state).toBe('pending');
    expect(save).not.toHaveBeenCalled();
    await until(app.library, (s) => s.save.state === 'saved', 'the save');
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0]).toBe(id);
    expect((await app.workflows.get(id))?.name).toBe('ABC');
  });

  it('never writes a change into a workflow opened after it was made', async () => {
    const app = buildApp({ saveDelayMs: 10_000 });
    await app.session.start();
    const first = app.library.getState().currentId!;
    rename(app, 'Edited first');
    // Opening another one writes the waiting change to the workflow it was made in.
    await app.session.newBlankWorkflow();
    const second = app.library.getState().currentId!;
    rename(app, 'Edited second');
    await app.autosave.flush();
    expect((await app.workflows.get(first))?.name).toBe('Edited first');
    expect((await app.workflows.get(second))?.name).toBe('Edited second');
  });
});

describe('two tabs on one library', () => {
  async function twoTabs() {
    const profile = fakeIndexedDb();
    const channel = tabChannel();
    const one = buildApp({ indexedDB: profile, channel: channel(), tabId: 'one' });
    await one.session.start();
    const two = buildApp({ indexedDB: profile, channel: channel(), tabId: 'two' });
    await two.session.start();
    return { one, two };
  }

  it('holds this tab’s changes when the other tab saves the open workflow, until loaded', async () => {
    const { one, two } = await twoTabs();
    const id = one.library.getState().currentId!;
    expect(two.library.getState().currentId).toBe(id);

    rename(one, 'Saved in tab one');
    await one.autosave.flush();
    await until(two.library, (s) => s.conflict !== undefined, 'the conflict');

    // Tab two's own change is held, not written over tab one's version.
    const save = vi.spyOn(two.workflows, 'save');
    two.designer
      .getState()
      .apply((d: Workflow) => addAgent(d, { name: 'extra', position: { x: 0, y: 0 } }), {
        label: 'Add',
      });
    expect(await two.autosave.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    expect(two.autosave.hasUnsavedChanges()).toBe(true);
    expect(two.host.leave?.mustAsk()).toBe(true);

    // "Load theirs": tab one's version replaces tab two's held change.
    expect(await two.session.loadStoredVersion()).toBe(true);
    expect(two.library.getState().conflict).toBeUndefined();
    expect(two.designer.getState().doc.name).toBe('Saved in tab one');
    expect(two.designer.getState().doc.agents.some((a) => a.name === 'extra')).toBe(false);
    expect(two.autosave.hasUnsavedChanges()).toBe(false);
  });

  it('"keep mine" writes this tab’s version over the other', async () => {
    const { one, two } = await twoTabs();
    const id = one.library.getState().currentId!;
    rename(one, 'From one');
    await one.autosave.flush();
    await until(two.library, (s) => s.conflict !== undefined, 'the conflict');
    rename(two, 'From two');
    expect(await two.autosave.retry(two.designer.getState().doc)).toBe(true);
    expect(two.library.getState().conflict).toBeUndefined();
    expect((await two.workflows.get(id))?.name).toBe('From two');
    // Tab one hears of it in turn.
    await until(one.library, (s) => s.conflict !== undefined, 'the conflict in tab one');
  });

  it('ignores its own announcements and saves of workflows it does not have open', async () => {
    const { one, two } = await twoTabs();
    await two.session.newBlankWorkflow();
    const blank = two.library.getState().currentId!;
    rename(two, 'Only in two');
    await two.autosave.flush();
    // Tab one lists it, without a conflict (it has another workflow open).
    await until(one.library, (s) => s.items.some((i) => i.id === blank), 'the list');
    expect(one.library.getState().conflict).toBeUndefined();
    expect(two.library.getState().conflict).toBeUndefined();
  });
});
