/** Which file dialog is open, and the text being imported (with where it came from). */
import { createStore, type StoreApi } from 'zustand/vanilla';

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
  /** How many imports were started (the next one's `key`). */
  imports: number;
  set(patch: Partial<Omit<FilesState, 'set' | 'imports'>>): void;
}

export type FilesStore = StoreApi<FilesState>;

export function createFilesStore(): FilesStore {
  return createStore<FilesState>()((set, get) => ({
    importing: undefined,
    exportOpen: false,
    imports: 0,
    set: (patch) => {
      if (!patch.importing) return set(patch);
      const imports = get().imports + 1;
      set({ ...patch, imports, importing: { ...patch.importing, key: imports } });
    },
  }));
}

/** Opens the import dialog with `text` (empty: the paste box). */
export function startImport(files: FilesStore, text = '', origin?: string): void {
  files.getState().set({ importing: { text, origin } });
}

/** The largest file the import reads (the model refuses larger documents anyway). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** Reads a dropped or picked file and opens the import dialog with it. */
export async function importFile(
  files: FilesStore,
  file: Pick<File, 'name' | 'size' | 'text'>,
): Promise<void> {
  const origin = file.name;
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    const refused = `${origin} is too large (${mb} MB) to be a workflow.`;
    files.getState().set({ importing: { text: '', origin, refused } });
    return;
  }
  try {
    startImport(files, await file.text(), origin);
  } catch (error) {
    const refused = `${origin} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    files.getState().set({ importing: { text: '', origin, refused } });
  }
}
