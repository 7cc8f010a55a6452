/** Which file dialog is open, and the text being imported (with where it came from). */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface ImportSource {
  /** The text to import. */
  text: string;
  /** Where it came from: a file name, "the clipboard", or undefined (typed into the dialog). */
  origin: string | undefined;
  /** Why the file could not be read at all (too large, not text). */
  refused?: string;
  /** Distinguishes one import from the next (the dialog starts afresh). */
  key?: number;
}

export interface FilesState {
  importing: ImportSource | undefined;
  exportOpen: boolean;
  set(patch: Partial<Omit<FilesState, 'set'>>): void;
}

let imports = 0;

export const filesStore = createStore<FilesState>()((set) => ({
  importing: undefined,
  exportOpen: false,
  set: (patch) =>
    set(patch.importing ? { ...patch, importing: { ...patch.importing, key: ++imports } } : patch),
}));

export const useFiles = <T>(selector: (state: FilesState) => T): T =>
  useStore(filesStore, selector);

/** Opens the import dialog with `text` (empty: the paste box). */
export function startImport(text = '', origin?: string): void {
  filesStore.getState().set({ importing: { text, origin } });
}

/** The largest file the import reads (the model refuses larger documents anyway). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** Reads a dropped or picked file and opens the import dialog with it. */
export async function importFile(file: File): Promise<void> {
  const origin = file.name;
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    const refused = `${origin} is too large (${mb} MB) to be a workflow.`;
    filesStore.getState().set({ importing: { text: '', origin, refused } });
    return;
  }
  try {
    startImport(await file.text(), origin);
  } catch (error) {
    const refused = `${origin} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    filesStore.getState().set({ importing: { text: '', origin, refused } });
  }
}
