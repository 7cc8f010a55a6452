/**
 * The composition root: builds the app once — one IndexedDB connection, the repositories on it,
 * the state containers, the run controller, the library session with autosave and the link to
 * other tabs — and hands back one object. `main.tsx` builds the browser's and mounts it with
 * `<AppProvider>`; Node tests build the same app on fake-indexeddb. Nothing here is a module
 * singleton: two apps (two tabs in a test) share nothing but what they are given.
 */
import { newWorkflow } from '../model/editCommon';
import {
  Autosave,
  CrossTab,
  createLibraryStore,
  LibrarySession,
  type LibraryHost,
  type LibraryStore,
  type TabChannel,
} from '../library';
import {
  OpenRun,
  RunBreakpoints,
  RunController,
  TraceRuns,
  type RunControllerOptions,
} from '../runs';
import { ProviderModelsWatcher } from '../runs/providerModels';
import { DEFAULT_DB_NAME, HandoffStudioDB, type IndexedDBDeps } from '../storage/db';
import { DexieCheckpointStore } from '../storage/dexieStore';
import { WorkflowRepository } from '../storage/workflows';
import { createDesignerStore, type DesignerStore } from '../store';
import { CanvasPointer } from '../store/canvasPointer';
import { createFilesStore, type FilesStore } from '../store/filesState';
import { PasteOffset } from '../store/pasteOffset';
import { createPaneSizesStore, type PaneSizesStore } from '../store/paneSizes';
import { createPickerStore, type PickerStore } from '../store/pickerState';
import { memoryPrefs, type Prefs } from '../store/prefs';
import { createRunUiStore, type RunUiStore } from '../store/runPanelState';
import { createUiStore, type UiStore } from '../store/uiState';
import { createViewModeStore, type ViewModeStore } from '../store/viewMode';
import { createTestsUiStore, linkDock, type TestsUiStore } from '../testing/testsUi';
import { TestSuiteService } from '../testing/testSuite';
import { SuiteResultsRepository } from '../storage/suiteResults';

export interface AppOptions {
  /** The database's name (default "handoff-studio"). */
  dbName?: string;
  /** Where IndexedDB comes from: the browser's by default, fake-indexeddb in Node tests. */
  indexedDB?: IndexedDBDeps;
  /** The channel to the other tabs (none: this tab hears nobody). */
  channel?: TabChannel;
  /** This tab's id on the channel (default: a random one). */
  tabId?: string;
  /** The page the library runs in (examples, the address, confirm, page leaving). */
  host: LibraryHost;
  /** Choices kept between visits (default: in memory). */
  prefs?: Prefs;
  /** The window's width, for the panes' default widths (default 1280). */
  windowWidth?: number;
  /** Autosave's pause (tests shorten it). */
  saveDelayMs?: number;
  /** How provider settings become a provider, and the clock (tests inject theirs). */
  runs?: Omit<RunControllerOptions, 'store'>;
}

/** Everything the app is made of, built once by `createApp`. */
export interface App {
  /** The one connection to the app's IndexedDB database. */
  readonly db: HandoffStudioDB;
  readonly workflows: WorkflowRepository;
  readonly checkpoints: DexieCheckpointStore;
  readonly designer: DesignerStore;
  readonly ui: UiStore;
  readonly viewMode: ViewModeStore;
  readonly picker: PickerStore;
  readonly files: FilesStore;
  readonly library: LibraryStore;
  readonly runUi: RunUiStore;
  readonly panes: PaneSizesStore;
  /** The Tests panel's view state (it shares the Run dock: one folds the other). */
  readonly testsUi: TestsUiStore;
  /** Runs the open workflow's routing tests and keeps their results (src/testing). */
  readonly suites: TestSuiteService;
  readonly runs: RunController;
  /** Framework traces in (kept as imported runs) and runs out as OTLP. */
  readonly traces: TraceRuns;
  /** The open workflow's run and the trace shown for it (canvas and Run panel). */
  readonly openRun: OpenRun;
  /** The designer's breakpoints (their one owner), handed to the run controller. */
  readonly breakpoints: RunBreakpoints;
  readonly providerModels: ProviderModelsWatcher;
  readonly crossTab: CrossTab;
  readonly autosave: Autosave;
  readonly session: LibrarySession;
  readonly pointer: CanvasPointer;
  readonly paste: PasteOffset;
  /** Tells the person what happened (the status bar). */
  say(text: string, tone?: 'info' | 'error'): void;
  /** Stops timers, closes the channel and the database connection. */
  dispose(): void;
}

/** Builds the app. Nothing starts until `app.session.start()`. */
export function createApp(options: AppOptions): App {
  const db = new HandoffStudioDB(options.dbName ?? DEFAULT_DB_NAME, options.indexedDB ?? {});
  const prefs = options.prefs ?? memoryPrefs();
  const workflows = new WorkflowRepository(db);
  const checkpoints = new DexieCheckpointStore(db);
  const designer = createDesignerStore(newWorkflow());
  const ui = createUiStore(prefs);
  const library = createLibraryStore();
  const say = (text: string, tone?: 'info' | 'error') => ui.getState().say(text, tone);
  const crossTab = new CrossTab(options.channel, options.tabId);
  const autosave = new Autosave({
    repository: workflows,
    library,
    crossTab,
    ...(options.saveDelayMs === undefined ? {} : { delayMs: options.saveDelayMs }),
  });
  const session = new LibrarySession({
    designer,
    library,
    repository: workflows,
    autosave,
    crossTab,
    host: options.host,
    say,
  });
  const runs = new RunController({ ...options.runs, store: checkpoints });
  const traces = new TraceRuns({ store: checkpoints, open: (runId) => runs.open(runId) });
  const openRun = new OpenRun(runs, {
    current: () => ({ id: library.getState().currentId, doc: designer.getState().doc }),
    subscribe: (listener) => {
      const off = [library.subscribe(listener), designer.subscribe(listener)];
      return () => off.forEach((f) => f());
    },
  });
  const providerModels = new ProviderModelsWatcher(db.settings);
  const runUi = createRunUiStore(prefs);
  const testsUi = createTestsUiStore(prefs);
  const unlinkDock = linkDock(testsUi, runUi);
  const suites = new TestSuiteService({
    results: new SuiteResultsRepository(db),
    store: checkpoints,
    ...(options.runs?.providerFor ? { providerFor: options.runs.providerFor } : {}),
    ...(options.runs?.now ? { now: options.runs.now } : {}),
  });
  return {
    db,
    workflows,
    checkpoints,
    designer,
    ui,
    viewMode: createViewModeStore(prefs),
    picker: createPickerStore(),
    files: createFilesStore(),
    library,
    runUi,
    testsUi,
    suites,
    panes: createPaneSizesStore(prefs, options.windowWidth ?? 1280),
    runs,
    traces,
    openRun,
    breakpoints: new RunBreakpoints(runs),
    providerModels,
    crossTab,
    autosave,
    session,
    pointer: new CanvasPointer(),
    paste: new PasteOffset(),
    say,
    dispose() {
      unlinkDock();
      autosave.dispose();
      providerModels.dispose();
      crossTab.close();
      db.close();
    },
  };
}
