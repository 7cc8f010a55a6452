/** The Run panel's view state for components (`useRunUi`): the app's `runUi` store (createApp). */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { RunUiState } from '../../store/runPanelState';

export type { RunUiState } from '../../store/runPanelState';

export function useRunUi<T>(selector: (state: RunUiState) => T): T {
  return useStore(useApp().runUi, selector);
}
