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

/** Framework code being imported (docs/spec/import-code.md): its text and where it came from. */
export interface CodeImportSource {
  text: string;
  origin: string | undefined;
  key?: number;
}

export interface FilesState {
  importing: ImportSource | undefined;
  /** The "Import code" dialog's source, when it is open. */
  codeImport: CodeImportSource | undefined;
  exportOpen: boolean;
  /** How many imports were started (the next one's `key`). */
  imports: number;
  set(patch: Partial<Omit<FilesState, 'set' | 'imports'>>): void;
}

export type FilesStore = StoreApi<FilesState>;

export function createFilesStore(): FilesStore {
  return createStore<FilesState>()((set, get) => ({
    importing: undefined,
    codeImport: undefined,
    exportOpen: false,
    imports: 0,
    set: (patch) => {
      if (!patch.importing && !patch.codeImport) return set(patch);
      const imports = get().imports + 1;
      set({
        ...patch,
        imports,
        ...(patch.importing ? { importing: { ...patch.importing, key: imports } } : {}),
        ...(patch.codeImport ? { codeImport: { ...patch.codeImport, key: imports } } : {}),
      });
    },
  }));
}

/** Opens the import dialog with `text` (empty: the paste box). */
export function startImport(files: FilesStore, text = '', origin?: string): void {
  files.getState().set({ importing: { text, origin } });
}

/** Opens the "Import code" dialog with `text` (empty: the paste box). */
export function startCodeImport(files: FilesStore, text = '', origin?: string): void {
  files.getState().set({ codeImport: { text, origin } });
}

/** File names the code import reads (Python, TypeScript/JavaScript, C#). */
export const CODE_FILE_PATTERN = /\.(py|ts|mts|cts|js|mjs|cjs|cs)$/i;

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
    const text = await file.text();
    if (CODE_FILE_PATTERN.test(origin)) startCodeImport(files, text, origin);
    else startImport(files, text, origin);
  } catch (error) {
    const refused = `${origin} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    files.getState().set({ importing: { text: '', origin, refused } });
  }
}
