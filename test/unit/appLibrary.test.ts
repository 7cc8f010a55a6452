/**
 * The app built as in the browser (src/app), in Node on fake-indexeddb: one database connection,
 * and the library session driven without a browser (start, create, open, rename, duplicate,
 * delete with undo).
 */
import { describe, expect, it, vi } from 'vitest';
import { updateWorkflowSettings } from '../../src/model/edit';
import { buildApp, testHost } from '../support/appHarness';
import { fakeIndexedDb } from '../support/fakeIndexedDb';

describe('createApp', () => {
  it('opens one database connection, shared by the workflows and the checkpoints', () => {
    const app = buildApp();
    expect(app.workflows.db).toBe(app.db);
    expect(app.checkpoints.db).toBe(app.db);
  });

  it('builds separate state for every app (nothing is a module singleton)', () => {
    const one = buildApp();
    const two = buildApp();
    expect(one.designer).not.toBe(two.designer);
    expect(one.library).not.toBe(two.library);
    one.ui.getState().set({ snapToGrid: false });
    one.library.getState().set({ dialogOpen: true });
    expect(two.ui.getState().snapToGrid).toBe(true);
    expect(two.library.getState().dialogOpen).toBe(false);
  });
});

describe('the library session', () => {
  it('stores the customer-support example on a first visit and reopens it after a reload', async () => {
    const profile = fakeIndexedDb();
    const first = buildApp({ indexedDB: profile });
    expect(await first.session.start()).toEqual([]);
    const { items, currentId, save } = first.library.getState();
    expect(items.map((i) => i.name)).toEqual([first.designer.getState().doc.name]);
    expect(currentId).toBe(items[0]!.id);
    expect(save.state).toBe('saved');
    expect(first.designer.getState().doc.agents.map((a) => a.name)).toContain('refund_agent');
    first.dispose();

    const reloaded = buildApp({ indexedDB: profile });
    expect(await reloaded.session.start()).toEqual([]);
    expect(reloaded.library.getState().currentId).toBe(currentId);
    expect(reloaded.designer.getState().doc.name).toBe(items[0]!.name);
  });

  it('shows a linked example in memory and stores it on the first edit', async () => {
    const app = buildApp({ host: testHost('ecommerce_returns.json') });
    await app.session.start();
    expect(app.library.getState().currentId).toBeUndefined();
    app.designer.getState().apply((d) => updateWorkflowSettings(d, { name: 'Returns, mine' }), {
      label: 'Rename',
    });
    expect(await app.autosave.flush()).toBe(true);
    const { currentId, items } = app.library.getState();
    expect(currentId).toBeDefined();
    expect(items.find((i) => i.id === currentId)?.name).toBe('Returns, mine');
  });

  it('creates, opens, renames, duplicates, deletes and restores workflows', async () => {
    const app = buildApp();
    const { session, library, designer } = app;
    await session.start();
    const support = library.getState().currentId!;

    expect(await session.newBlankWorkflow()).toBe(true);
    const blank = library.getState().currentId!;
    expect(blank).not.toBe(support);
    expect(designer.getState().doc.name).toBe('Untitled workflow');

    // The open workflow is renamed through the designer: one undo step, then saved.
    await session.renameWorkflow(blank, 'Draft');
    expect(designer.getState().doc.name).toBe('Draft');
    expect(designer.getState().undoLabel).toBe('Rename workflow');
    // Another one is renamed in the library only.
    await session.renameWorkflow(support, 'Support desk');
    expect(designer.getState().doc.name).toBe('Draft');
    expect(
      library
        .getState()
        .items.map((i) => i.name)
        .sort(),
    ).toEqual(['Draft', 'Support desk']);

    expect(await session.openWorkflow(support)).toBe(true);
    expect(library.getState().currentId).toBe(support);
    expect(designer.getState().doc.name).toBe('Support desk');
    expect(designer.getState().canUndo).toBe(false);

    await session.duplicateWorkflow(support);
    expect(
      library
        .getState()
        .items.map((i) => i.name)
        .sort(),
    ).toEqual(['Draft', 'Support desk', 'Support desk (copy)']);

    // Deleting the open workflow opens the most recent other one; undo brings it back, open.
    await session.deleteWorkflow(support);
    expect(library.getState().items.some((i) => i.id === support)).toBe(false);
    expect(library.getState().currentId).not.toBe(support);
    expect(library.getState().deleted?.row.id).toBe(support);
    await session.undoDelete();
    expect(library.getState().currentId).toBe(support);
    expect(designer.getState().doc.name).toBe('Support desk');
    expect(await app.workflows.getLastOpen()).toBe(support);
  });

  it('asks before leaving a workflow whose changes could not be saved', async () => {
    const app = buildApp();
    await app.session.start();
    const first = app.library.getState().currentId!;
    await app.session.newBlankWorkflow();
    const failing = vi.spyOn(app.workflows, 'save').mockRejectedValue(new Error('disk full'));
    app.designer.getState().apply((d) => updateWorkflowSettings(d, { name: 'Unsaved' }), {
      label: 'Rename',
    });
    app.host.answer = false;
    expect(await app.session.openWorkflow(first)).toBe(false);
    expect(app.host.asked).toHaveLength(1);
    expect(app.library.getState().save).toMatchObject({ state: 'error', message: 'disk full' });
    expect(app.host.leave?.mustAsk()).toBe(true);
    failing.mockRestore();
    expect(await app.autosave.flush()).toBe(true);
    expect(app.host.leave?.mustAsk()).toBe(false);
  });
});
