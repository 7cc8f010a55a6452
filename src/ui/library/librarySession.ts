/**
 * The library's operations on the open document: start (reopen the last workflow, or the
 * customer-support example on a first visit), open, new (blank or from an example), rename,
 * duplicate, delete and undo a deletion. Documents move between the library and the designer
 * store only here; autosave (./autosave) writes every later change back.
 */
import { newWorkflow, updateWorkflowSettings } from '../../model/edit';
import { parseWorkflowText, type Problem, type Workflow } from '../../model';
import { designerStore, onDocumentChange } from '../../store';
import { WorkflowRepository } from '../../storage/workflows';
import { exampleUrl } from '../examples';
import { uiStore } from '../uiStore';
import {
  currentTargetId,
  dropPendingSave,
  flushSave,
  hasUnsavedChanges,
  scheduleSave,
  setRepository,
  setSaveTarget,
} from './autosave';
import { listenToOtherTabs } from './crossTab';
import { libraryStore } from './libraryStore';

export const FIRST_EXAMPLE = 'customer_support.json';

let repo: WorkflowRepository | undefined;
/** True while the library itself loads a document (other loads are new workflows). */
let loading = false;

const say = (text: string, tone?: 'info' | 'error') => uiStore.getState().say(text, tone);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The library's repository (created on first use). */
export function repository(): WorkflowRepository {
  if (!repo) {
    repo = new WorkflowRepository();
    setRepository(repo);
  }
  return repo;
}

/** Opens `doc` in the designer as the workflow `id` (undefined: not stored yet). */
function show(doc: Workflow, id: string | undefined): void {
  libraryStore.getState().set({ conflict: undefined });
  setSaveTarget(id);
  loading = true;
  try {
    designerStore.getState().loadDocument(doc);
  } finally {
    loading = false;
  }
  if (id)
    void repository()
      .setLastOpen(id)
      .catch(() => {});
}

/** Marks the library unusable for this page (the database could not be opened). */
function unavailable(error: unknown): void {
  libraryStore.getState().set({ save: { state: 'unavailable', message: messageOf(error) } });
}

/** Fetches and parses an example from public/examples. */
export async function fetchExample(
  file: string,
): Promise<{ ok: true; doc: Workflow } | { ok: false; problems: Problem[] }> {
  try {
    const response = await fetch(exampleUrl(file));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return parseWorkflowText(await response.text());
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: messageOf(error) }] };
  }
}

let started: Promise<Problem[]> | undefined;

/**
 * Starts the library once: autosave on every change, then the document to show first: the
 * example named by `?example=` (in memory until edited), else the last open workflow, else the
 * most recent one, else (a first visit) the customer-support example. Resolves with the
 * problems that kept it from opening anything (empty when something is open).
 */
export function startLibrary(): Promise<Problem[]> {
  started ??= start();
  return started;
}

async function start(): Promise<Problem[]> {
  onDocumentChange(designerStore, (doc, kind) => {
    if (kind !== 'load') scheduleSave(doc);
    else if (!loading) {
      // Someone else opened a document (the toolbar's example menu): it becomes a new workflow.
      void flushSave().then(() => {
        setSaveTarget(undefined);
        scheduleSave(designerStore.getState().doc);
      });
    }
  });
  listenToOtherTabs(() => void refreshList());
  window.addEventListener('pagehide', () => void flushSave());
  window.addEventListener('beforeunload', (event) => {
    void flushSave();
    const { save } = libraryStore.getState();
    // Changes that are not stored (a failed save, or held while another tab saved this
    // workflow): the browser asks before the page goes.
    const held = libraryStore.getState().conflict !== undefined && hasUnsavedChanges();
    if (save.state === 'error' || save.state === 'unavailable' || held) event.preventDefault();
  });

  const requested = new URLSearchParams(window.location.search).get('example');
  if (requested && /^[\w.-]+\.json$/.test(requested)) {
    // A link to an example (tests, benches): shown at once, stored on the first edit.
    const example = await fetchExample(requested);
    if (!example.ok) return example.problems;
    show(example.doc, undefined);
    void refreshList();
    return [];
  }
  const lib = repository();
  let lastOpen: string | undefined;
  try {
    libraryStore.getState().set({ items: await lib.list() });
    lastOpen = await lib.getLastOpen();
  } catch (error) {
    unavailable(error);
  }
  for (const id of [lastOpen, libraryStore.getState().items[0]?.id]) {
    if (!id) continue;
    const stored = await lib.get(id).catch(() => undefined);
    if (stored?.ok) {
      show(stored.doc, id);
      libraryStore.getState().set({ save: { state: 'saved', at: stored.updatedAt } });
      return [];
    }
  }
  const example = await fetchExample(FIRST_EXAMPLE);
  if (!example.ok) return example.problems;
  if (libraryStore.getState().save.state !== 'unavailable') await createAndShow(example.doc);
  else show(example.doc, undefined);
  return [];
}

/** Stores `doc` as a new workflow and opens it (kept in memory if it cannot be stored). */
async function createAndShow(doc: Workflow): Promise<boolean> {
  try {
    const summary = await repository().create(doc);
    libraryStore.getState().set({ items: [summary, ...libraryStore.getState().items] });
    show(doc, summary.id);
    libraryStore.getState().set({ save: { state: 'saved', at: summary.updatedAt } });
    return true;
  } catch (error) {
    show(doc, undefined);
    libraryStore.getState().set({ save: { state: 'error', message: messageOf(error) } });
    return false;
  }
}

/**
 * Saves the open workflow before another one replaces it. When that fails, asks before
 * dropping the unsaved changes (the banner offers Download JSON).
 */
async function leaveCurrent(): Promise<boolean> {
  if (await flushSave()) return true;
  if (!hasUnsavedChanges()) return true;
  const ok = window.confirm(
    'The open workflow could not be saved (see the banner). Continue and lose its latest ' +
      'changes? Cancel, then use "Download JSON" to keep them.',
  );
  if (ok) dropPendingSave();
  return ok;
}

/** Opens a stored workflow. */
export async function openWorkflow(id: string): Promise<boolean> {
  if (id === currentTargetId()) return true;
  if (!(await leaveCurrent())) return false;
  try {
    const stored = await repository().get(id);
    if (!stored) throw new Error('This workflow is no longer in the library.');
    if (!stored.ok) {
      const first = stored.problems[0];
      throw new Error(
        `"${stored.name}" cannot be opened: ${first ? `${first.path || 'document'}: ${first.message}` : 'unreadable'}.`,
      );
    }
    show(stored.doc, id);
    libraryStore.getState().set({ save: { state: 'saved', at: stored.updatedAt } });
    return true;
  } catch (error) {
    say(messageOf(error), 'error');
    return false;
  }
}

/**
 * Loads the stored version of the open workflow (after another tab saved it), dropping this
 * tab's unsaved changes to it.
 */
export async function loadStoredVersion(): Promise<boolean> {
  const id = currentTargetId();
  if (!id) return false;
  try {
    const stored = await repository().get(id);
    if (!stored?.ok) throw new Error('The other version cannot be opened.');
    dropPendingSave(id);
    show(stored.doc, id);
    libraryStore.getState().set({ save: { state: 'saved', at: stored.updatedAt } });
    say('Loaded the version saved in the other tab.');
    return true;
  } catch (error) {
    say(messageOf(error), 'error');
    return false;
  }
}

/** Adds `doc` to the library as a new workflow and opens it. */
export async function openAsNew(doc: Workflow): Promise<boolean> {
  if (!(await leaveCurrent())) return false;
  return createAndShow(doc);
}

/** A new blank workflow. */
export const newBlankWorkflow = (): Promise<boolean> => openAsNew(newWorkflow('Untitled workflow'));

/** Renames a workflow (the open one through the designer, so it is one undo step). */
export async function renameWorkflow(id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (!trimmed) return;
  try {
    if (id === currentTargetId()) {
      designerStore
        .getState()
        .apply((d) => updateWorkflowSettings(d, { name: trimmed }), { label: 'Rename workflow' });
      await flushSave();
    } else {
      await repository().rename(id, trimmed);
      await refreshList();
    }
  } catch (error) {
    say(messageOf(error), 'error');
  }
}

/** Copies a workflow (the open one with its latest changes). */
export async function duplicateWorkflow(id: string): Promise<void> {
  try {
    if (id === currentTargetId()) await flushSave();
    const copy = await repository().duplicate(id);
    await refreshList();
    say(`Duplicated as "${copy.name}".`);
  } catch (error) {
    say(messageOf(error), 'error');
  }
}

/** Deletes a workflow, offering undo; deleting the open one opens the next (or a blank one). */
export async function deleteWorkflow(id: string): Promise<void> {
  try {
    const wasOpen = id === currentTargetId();
    if (wasOpen) await flushSave();
    dropPendingSave(id);
    const deleted = await repository().delete(id);
    if (!deleted) return;
    await refreshList();
    // Undo reopens it if it was open, whatever the stored setting said.
    libraryStore
      .getState()
      .set({ deleted: { ...deleted, wasLastOpen: deleted.wasLastOpen || wasOpen } });
    if (wasOpen) {
      const next = libraryStore.getState().items[0];
      if (!(next && (await openWorkflow(next.id))))
        await createAndShow(newWorkflow('Untitled workflow'));
    }
  } catch (error) {
    say(messageOf(error), 'error');
  }
}

/** Brings back the last deleted workflow (and reopens it if it was open). */
export async function undoDelete(): Promise<void> {
  const { deleted } = libraryStore.getState();
  if (!deleted) return;
  libraryStore.getState().set({ deleted: undefined });
  try {
    await repository().restore(deleted);
    await refreshList();
    if (deleted.wasLastOpen) await openWorkflow(deleted.row.id);
    say(`Restored "${deleted.row.name}".`);
  } catch (error) {
    say(messageOf(error), 'error');
  }
}

/** Reads the list again. */
export async function refreshList(): Promise<void> {
  try {
    libraryStore.getState().set({ items: await repository().list() });
  } catch (error) {
    unavailable(error);
  }
}
