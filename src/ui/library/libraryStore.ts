/** The library's state for components (`app.library`, see `src/library/libraryStore.ts`). */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { LibraryState } from '../../library';

export type { LibraryState, SaveStatus } from '../../library';

/** A slice of the library state. */
export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useStore(useApp().library, selector);
}
