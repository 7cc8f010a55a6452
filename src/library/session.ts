/**
 * The library's operations on the open document: start (reopen the last workflow, or the
 * customer-support example on a first visit), open, new (blank or from an example), rename,
 * duplicate, delete and undo a deletion. Documents move between the library and the designer
 * store only here; autosave (./autosave) writes every later change back.
 */
import { newWorkflow, updateWorkflowSettings } from '../model/edit';
import { parseWorkflowText, type Problem, type Workflow } from '../model';
import type { LibrarySessionDeps } from './host';
import { wireLibrary } from './wiring';

/** The example opened on a first visit. */
export const FIRST_EXAMPLE = 'customer_support.json';

export type ExampleResult = { ok: true; doc: Workflow } | { ok: false; problems: Problem[] };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The library session of one app. */
export class LibrarySession {
  /** True while the library itself loads a document (other loads are new workflows). */
  private loading = false;
  private started: Promise<Problem[]> | undefined;
  /** Examples read so far (documents are immutable: each is fetched once per app). */
  private readonly examples = new Map<string, Workflow>();

  constructor(private readonly deps: LibrarySessionDeps) {}

  /** The examples read so far, by file name. */
  knownExamples(): ReadonlyMap<string, Workflow> {
    return new Map(this.examples);
  }

  /** Fetches and parses an example from public/examples (once: later calls reuse it). */
  async fetchExample(file: string): Promise<ExampleResult> {
    const known = this.examples.get(file);
    if (known) return { ok: true, doc: known };
    try {
      const parsed = parseWorkflowText(await this.deps.host.exampleText(file));
      if (parsed.ok) this.examples.set(file, parsed.doc);
      return parsed;
    } catch (error) {
      return { ok: false, problems: [{ path: '', message: messageOf(error) }] };
    }
  }

  /**
   * Starts the library once: autosave on every change, then the document to show first: the
   * example named by `?example=` (in memory until edited), else the last open workflow, else the
   * most recent one, else (a first visit) the customer-support example. Resolves with the
   * problems that kept it from opening anything (empty when something is open).
   */
  start(): Promise<Problem[]> {
    this.started ??= this.begin();
    return this.started;
  }

  private async begin(): Promise<Problem[]> {
    const { library, host } = this.deps;
    wireLibrary(this.deps, {
      loading: () => this.loading,
      refreshList: () => void this.refreshList(),
    });

    const requested = host.requestedExample();
    if (requested && /^[\w.-]+\.json$/.test(requested)) {
      // A link to an example (tests, benches): shown at once, stored on the first edit.
      const example = await this.fetchExample(requested);
      if (!example.ok) return example.problems;
      this.show(example.doc, undefined);
      void this.refreshList();
      return [];
    }
    const lib = this.deps.repository;
    let lastOpen: string | undefined;
    try {
      library.getState().set({ items: await lib.list() });
      lastOpen = await lib.getLastOpen();
    } catch (error) {
      this.unavailable(error);
    }
    for (const id of [lastOpen, library.getState().items[0]?.id]) {
      if (!id) continue;
      const stored = await lib.get(id).catch(() => undefined);
      if (stored?.ok) {
        this.show(stored.doc, id);
        library.getState().set({ save: { state: 'saved', at: stored.updatedAt } });
        return [];
      }
    }
    const example = await this.fetchExample(FIRST_EXAMPLE);
    if (!example.ok) return example.problems;
    if (library.getState().save.state !== 'unavailable') await this.createAndShow(example.doc);
    else this.show(example.doc, undefined);
    return [];
  }

  /** Opens a stored workflow. */
  async openWorkflow(id: string): Promise<boolean> {
    if (id === this.deps.autosave.currentId()) return true;
    if (!(await this.leaveCurrent())) return false;
    try {
      const stored = await this.deps.repository.get(id);
      if (!stored) throw new Error('This workflow is no longer in the library.');
      if (!stored.ok) {
        const first = stored.problems[0];
        throw new Error(
          `"${stored.name}" cannot be opened: ${first ? `${first.path || 'document'}: ${first.message}` : 'unreadable'}.`,
        );
      }
      this.show(stored.doc, id);
      this.deps.library.getState().set({ save: { state: 'saved', at: stored.updatedAt } });
      return true;
    } catch (error) {
      this.deps.say(messageOf(error), 'error');
      return false;
    }
  }

  /**
   * Loads the stored version of the open workflow (after another tab saved it), dropping this
   * tab's unsaved changes to it.
   */
  async loadStoredVersion(): Promise<boolean> {
    const id = this.deps.autosave.currentId();
    if (!id) return false;
    try {
      const stored = await this.deps.repository.get(id);
      if (!stored?.ok) throw new Error('The other version cannot be opened.');
      this.deps.autosave.drop(id);
      this.show(stored.doc, id);
      this.deps.library.getState().set({ save: { state: 'saved', at: stored.updatedAt } });
      this.deps.say('Loaded the version saved in the other tab.');
      return true;
    } catch (error) {
      this.deps.say(messageOf(error), 'error');
      return false;
    }
  }

  /** Adds `doc` to the library as a new workflow and opens it. */
  async openAsNew(doc: Workflow): Promise<boolean> {
    if (!(await this.leaveCurrent())) return false;
    return this.createAndShow(doc);
  }

  /** A new blank workflow. */
  newBlankWorkflow(): Promise<boolean> {
    return this.openAsNew(newWorkflow('Untitled workflow'));
  }

  /** Renames a workflow (the open one through the designer, so it is one undo step). */
  async renameWorkflow(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      if (id === this.deps.autosave.currentId()) {
        this.deps.designer
          .getState()
          .apply((d) => updateWorkflowSettings(d, { name: trimmed }), { label: 'Rename workflow' });
        await this.deps.autosave.flush();
      } else {
        await this.deps.repository.rename(id, trimmed);
        await this.refreshList();
      }
    } catch (error) {
      this.deps.say(messageOf(error), 'error');
    }
  }

  /** Copies a workflow (the open one with its latest changes). */
  async duplicateWorkflow(id: string): Promise<void> {
    try {
      if (id === this.deps.autosave.currentId()) await this.deps.autosave.flush();
      const copy = await this.deps.repository.duplicate(id);
      await this.refreshList();
      this.deps.say(`Duplicated as "${copy.name}".`);
    } catch (error) {
      this.deps.say(messageOf(error), 'error');
    }
  }

  /** Deletes a workflow, offering undo; deleting the open one opens the next (or a blank one). */
  async deleteWorkflow(id: string): Promise<void> {
    const { autosave, library } = this.deps;
    try {
      const wasOpen = id === autosave.currentId();
      if (wasOpen) await autosave.flush();
      autosave.drop(id);
      const deleted = await this.deps.repository.delete(id);
      if (!deleted) return;
      await this.refreshList();
      // Undo reopens it if it was open, whatever the stored setting said.
      library
        .getState()
        .set({ deleted: { ...deleted, wasLastOpen: deleted.wasLastOpen || wasOpen } });
      if (wasOpen) {
        const next = library.getState().items[0];
        if (!(next && (await this.openWorkflow(next.id))))
          await this.createAndShow(newWorkflow('Untitled workflow'));
      }
    } catch (error) {
      this.deps.say(messageOf(error), 'error');
    }
  }

  /** Brings back the last deleted workflow (and reopens it if it was open). */
  async undoDelete(): Promise<void> {
    const { deleted } = this.deps.library.getState();
    if (!deleted) return;
    this.deps.library.getState().set({ deleted: undefined });
    try {
      await this.deps.repository.restore(deleted);
      await this.refreshList();
      if (deleted.wasLastOpen) await this.openWorkflow(deleted.row.id);
      this.deps.say(`Restored "${deleted.row.name}".`);
    } catch (error) {
      this.deps.say(messageOf(error), 'error');
    }
  }

  /** Reads the list again. */
  async refreshList(): Promise<void> {
    try {
      this.deps.library.getState().set({ items: await this.deps.repository.list() });
    } catch (error) {
      this.unavailable(error);
    }
  }

  /** Opens `doc` in the designer as the workflow `id` (undefined: not stored yet). */
  private show(doc: Workflow, id: string | undefined): void {
    this.deps.library.getState().set({ conflict: undefined });
    this.deps.autosave.setTarget(id);
    this.loading = true;
    try {
      this.deps.designer.getState().loadDocument(doc);
    } finally {
      this.loading = false;
    }
    if (id) void this.deps.repository.setLastOpen(id).catch(() => {});
  }

  /** Marks the library unusable for this page (the database could not be opened). */
  private unavailable(error: unknown): void {
    this.deps.library.getState().set({ save: { state: 'unavailable', message: messageOf(error) } });
  }

  /** Stores `doc` as a new workflow and opens it (kept in memory if it cannot be stored). */
  private async createAndShow(doc: Workflow): Promise<boolean> {
    const { library } = this.deps;
    try {
      const summary = await this.deps.repository.create(doc);
      library.getState().set({ items: [summary, ...library.getState().items] });
      this.show(doc, summary.id);
      library.getState().set({ save: { state: 'saved', at: summary.updatedAt } });
      return true;
    } catch (error) {
      this.show(doc, undefined);
      library.getState().set({ save: { state: 'error', message: messageOf(error) } });
      return false;
    }
  }

  /**
   * Saves the open workflow before another one replaces it. When that fails, asks before
   * dropping the unsaved changes (the banner offers Download JSON).
   */
  private async leaveCurrent(): Promise<boolean> {
    const { autosave, host } = this.deps;
    if (await autosave.flush()) return true;
    if (!autosave.hasUnsavedChanges()) return true;
    const ok = host.confirm(
      'The open workflow could not be saved (see the banner). Continue and lose its latest ' +
        'changes? Cancel, then use "Download JSON" to keep them.',
    );
    if (ok) autosave.drop();
    return ok;
  }
}
