/**
 * The open workflow's run in React: hooks over the app's `OpenRun` (src/runs/openRun.ts), which
 * matches the controller's run to the open workflow and derives the trace shown.
 */
import { useSyncExternalStore } from 'react';
import type { App } from '../../app';
import { useApp } from '../../app/appContext';
import type { RunView } from '../../runs';

/** The run view of the open workflow; re-renders on every event of that run. */
export function useOpenRunView(): RunView {
  const { openRun } = useApp();
  return useSyncExternalStore(openRun.subscribe, openRun.view);
}

/** The live run of another workflow (re-renders when one starts or ends). */
export function useBackgroundRun(): RunView | undefined {
  const { openRun } = useApp();
  return useSyncExternalStore(openRun.subscribe, openRun.background);
}

/** Changes when the open workflow's runs must be listed again (its id, or its hash). */
export function useOpenOwnerKey(): string {
  const { openRun } = useApp();
  return useSyncExternalStore(openRun.subscribeOwner, openRun.ownerKey);
}

/**
 * The library id of the open workflow, storing it first when it is not stored yet (a link to
 * an example shows one in memory until it is edited): a run belongs to a stored workflow, so it
 * stays with it across edits. Undefined when the library cannot store it.
 */
export async function storedWorkflowId(app: App): Promise<string | undefined> {
  const id = app.autosave.currentId();
  if (id !== undefined) return id;
  if (app.library.getState().save.state === 'unavailable') return undefined;
  app.autosave.schedule(app.designer.getState().doc);
  await app.autosave.flush();
  return app.autosave.currentId();
}
