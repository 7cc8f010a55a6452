/** The file dialogs' state for components (`app.files`, see `src/store/filesState.ts`). */
import { useStore } from 'zustand';
import { useApp } from '../../app/appContext';
import type { FilesState } from '../../store/filesState';

export { importFile, MAX_IMPORT_BYTES, startCodeImport, startImport } from '../../store/filesState';
export type { CodeImportSource, FilesState, ImportSource } from '../../store/filesState';

export const useFiles = <T>(selector: (state: FilesState) => T): T =>
  useStore(useApp().files, selector);
