/**
 * The app installed in this page, for the few modules that derive run views outside React and
 * do not take the app as a parameter yet (`ui/run/openRun.ts`, `ui/canvas/useTraceOverlay.ts`,
 * `ui/canvas/breakpoints.ts`: their `useSyncExternalStore` sources are module functions). They
 * read it through the delegates below, which throw until `main.tsx` (or a test) calls
 * `installApp`. Everything else gets the app from `useApp()` or as an argument; new code must
 * not import this module.
 */
import type { StoreApi } from 'zustand/vanilla';
import { HandoffStudioError } from '../engine/errors';
import type { Workflow } from '../model';
import type { RunController } from '../runs';
import type { DesignerState } from '../store';
import type { LibraryState } from '../library';
import type { RunUiState } from '../store/runPanelState';
import type { App } from './createApp';

const slot: { app: App | undefined } = { app: undefined };

/** Makes `app` the page's app; returns the undo (tests). */
export function installApp(app: App): () => void {
  slot.app = app;
  return () => {
    if (slot.app === app) slot.app = undefined;
  };
}

/** The installed app; throws when none is. */
export function installedApp(): App {
  if (!slot.app) {
    throw new HandoffStudioError(
      'internal_error',
      'No app is installed: main.tsx builds it with createApp() and calls installApp() first.',
    );
  }
  return slot.app;
}

/** A store that forwards every call to the installed app's store of that kind. */
function delegate<T>(pick: (app: App) => StoreApi<T>): StoreApi<T> {
  const store = (): StoreApi<T> => pick(installedApp());
  return {
    getState: () => store().getState(),
    getInitialState: () => store().getInitialState(),
    setState: ((...args: Parameters<StoreApi<T>['setState']>) =>
      store().setState(...args)) as StoreApi<T>['setState'],
    subscribe: (listener) => store().subscribe(listener),
  };
}

export const designerStore: StoreApi<DesignerState> = delegate((app) => app.designer);
export const libraryStore: StoreApi<LibraryState> = delegate((app) => app.library);
export const runUiStore: StoreApi<RunUiState> = delegate((app) => app.runUi);
export const appRunController = (): RunController => installedApp().runs;
export const currentTargetId = (): string | undefined => installedApp().autosave.currentId();
export const flushSave = (): Promise<boolean> => installedApp().autosave.flush();
export const scheduleSave = (doc: Workflow): void => installedApp().autosave.schedule(doc);
