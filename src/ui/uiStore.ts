/** The designer's view state for components (`app.ui`, see `src/store/uiState.ts`). */
import { useStore } from 'zustand';
import { useApp } from '../app/appContext';
import type { UiState } from '../store/uiState';

export type { ThemeChoice, UiState } from '../store/uiState';

/** A slice of the view state. */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useApp().ui, selector);
}
