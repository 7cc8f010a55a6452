/** The Tests panel's view state for components (`app.testsUi`, see `src/testing/testsUi.ts`). */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { TestsUiState } from '../../testing/testsUi';

export function useTestsUi<T>(selector: (state: TestsUiState) => T): T {
  return useStore(useApp().testsUi, selector);
}
