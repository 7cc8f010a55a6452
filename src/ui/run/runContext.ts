/**
 * The Run panel's view state for components (`useRunUi`). The app's controller and the panel's
 * store are built by `createApp` (`app.runs`, `app.runUi`); `appRunController` and `runUiStore`
 * are the installed app's, for the modules that read them outside React (see
 * `src/app/installed.ts`).
 */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { RunUiState } from '../../store/runPanelState';

export type { RunUiState } from '../../store/runPanelState';
export { appRunController, runUiStore } from '../../app/installed';

export function useRunUi<T>(selector: (state: RunUiState) => T): T {
  return useStore(useApp().runUi, selector);
}
