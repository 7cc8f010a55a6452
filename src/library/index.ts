/**
 * The workflow library in the app, without React: the library's state, the session (start,
 * open, new, rename, duplicate, delete), autosave, and the link to other tabs. `src/app` builds
 * one of each; components reach them through `useApp()`.
 */
export { Autosave, SAVE_DELAY_MS, type AutosaveDeps } from './autosave';
export { CrossTab, CROSS_TAB_CHANNEL, openTabChannel, type TabChannel } from './crossTab';
export type { LibraryHost, LibrarySessionDeps } from './host';
export {
  createLibraryStore,
  upsertItem,
  type LibraryState,
  type LibraryStore,
  type SaveStatus,
} from './libraryStore';
export { FIRST_EXAMPLE, LibrarySession, type ExampleResult } from './session';
