/**
 * The suite service of the app (no React): runs the open workflow's routing tests with the
 * app's provider settings through src/routing's `runSuite`, every sample an ordinary run in the
 * app's checkpoint store (stamped as a test sample and owned by the workflow), writes the result
 * after each finished sample, stops, and shows the latest result of the open workflow's version
 * (a suite cut off by a reload shows as interrupted) with its comparison to the one before.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { documentHash } from '../engine/hash';
import type { ModelProvider } from '../engine/provider';
import type { CheckpointStore } from '../engine/store';
import type { Workflow } from '../model';
import { compareSuites } from '../routing/compare';
import { runSuite as realRunSuite, type SuiteOptions } from '../routing/suite';
import type { SampleResult, SuiteComparison, SuiteResult } from '../routing/types';
import { ownerMeta } from '../runs/owner';
import { providerFor as realProviderFor } from '../runs/providers';
import type { ProviderSettings } from '../runs/settings';
import type { SuiteResultsRepository, SuiteRow } from '../storage/suiteResults';
import { recordOf, type SuiteRecord } from './suiteRecord';
import { TEST_SUITE } from './testSample';
import { TestView } from './testView';

export interface SuiteRunOptions {
  /** Samples per case (absent: 1 on the simulator, src/routing's default elsewhere). */
  samples?: number;
  /** Samples at the same time (default 1). */
  concurrency?: number;
}

export interface SuiteState {
  /** The suite running in this page: progress so far. */
  running: { id: string; done: number; total: number } | undefined;
  /** The result shown (the running one, else the latest of the open workflow's version). */
  shown: SuiteRecord | undefined;
  /** The canvas view of `shown` (grown as samples finish). */
  view: TestView | undefined;
  /** `shown` against the suite of the same workflow before it. */
  comparison: SuiteComparison | undefined;
  /** Why the last action failed, for people. */
  error: string | undefined;
}

export type SuiteStore = StoreApi<SuiteState>;

export interface TestSuiteOptions {
  results: SuiteResultsRepository;
  store: CheckpointStore;
  providerFor?: (settings: ProviderSettings, doc: Workflow) => ModelProvider;
  runSuite?: (doc: Workflow, options: SuiteOptions) => Promise<SuiteResult>;
  now?: () => string;
  newId?: () => string;
}

export class TestSuiteService {
  readonly state: SuiteStore = createStore<SuiteState>()(() => ({
    running: undefined,
    shown: undefined,
    view: undefined,
    comparison: undefined,
    error: undefined,
  }));
  private abort: AbortController | undefined;
  /** Which workflow and version `load` was last asked for (a late answer for another is dropped). */
  private loading = '';
  /** The open workflow as `load` or `start` last saw it (a suite's end shows only there). */
  private open: { id: string | undefined; hash: string } | undefined;
  private readonly results: SuiteResultsRepository;
  private readonly store: CheckpointStore;
  private readonly makeProvider: (settings: ProviderSettings, doc: Workflow) => ModelProvider;
  private readonly run: (doc: Workflow, options: SuiteOptions) => Promise<SuiteResult>;
  private readonly now: () => string;
  private readonly newId: () => string;

  constructor(options: TestSuiteOptions) {
    this.results = options.results;
    this.store = options.store;
    this.makeProvider = options.providerFor ?? realProviderFor;
    this.run = options.runSuite ?? realRunSuite;
    this.now = options.now ?? (() => new Date().toISOString());
    this.newId =
      options.newId ??
      (() => `suite-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  }

  get busy(): boolean {
    return this.state.getState().running !== undefined;
  }

  /**
   * Runs every case of `doc` (the library workflow `workflowId`) and resolves with the record
   * when the suite ends (finished or stopped). Refused while a suite runs.
   */
  async start(
    doc: Workflow,
    workflowId: string | undefined,
    settings: ProviderSettings,
    options: SuiteRunOptions = {},
  ): Promise<SuiteRecord | undefined> {
    if (this.busy) return undefined;
    const tests = doc.tests ?? [];
    if (tests.length === 0) {
      this.state.setState({ error: 'This workflow has no test cases yet.' });
      return undefined;
    }
    let provider: ModelProvider;
    try {
      provider = this.makeProvider(settings, doc);
    } catch (error) {
      this.state.setState({ error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
    const id = this.newId();
    const owner = workflowId ?? '';
    const workflowHash = documentHash(doc);
    const startedAt = this.now();
    const samples: SampleResult[] = [];
    const view = new TestView(tests);
    const partial = (cases: SuiteResult['cases']): SuiteResult => ({
      workflowHash,
      workflowName: doc.name,
      provider: provider.id,
      samplesPerCase: options.samples ?? 1,
      startedAt,
      finishedAt: startedAt,
      stopped: false,
      cases,
      samples: samples.slice(),
    });
    const row = (status: SuiteRow['status'], result: SuiteResult): SuiteRow => ({
      id,
      workflowId: owner,
      workflowHash,
      startedAt,
      updatedAt: this.now(),
      status,
      result,
    });
    // Writes in order, one at a time; a failed write is said, the suite goes on.
    let writes = Promise.resolve();
    const write = (r: SuiteRow) => {
      writes = writes.then(
        () => this.results.put(r),
        () => this.results.put(r),
      );
      writes.catch((error: unknown) =>
        this.state.setState({ error: error instanceof Error ? error.message : String(error) }),
      );
    };
    this.open = { id: workflowId, hash: workflowHash };
    const previous = await this.previousOf(owner, id);
    const first = partial([]);
    write(row('running', first));
    this.abort = new AbortController();
    this.state.setState({
      running: { id, done: 0, total: 0 },
      shown: { id, workflowId: owner, workflowHash, startedAt, status: 'running', result: first },
      view,
      comparison: undefined,
      error: undefined,
    });
    let result: SuiteResult;
    try {
      result = await this.run(doc, {
        providerFor: () => this.makeProvider(settings, doc),
        ...(options.samples !== undefined ? { samples: options.samples } : {}),
        concurrency: options.concurrency ?? 1,
        signal: this.abort.signal,
        store: this.store,
        meta: { ...ownerMeta(workflowId), [TEST_SUITE]: id },
        now: this.now,
        onSample: (sample, progress) => {
          samples.push(sample);
          view.add(sample);
          const current = partial(progress.cases);
          write(row('running', current));
          const state = this.state.getState();
          if (state.running?.id !== id) return;
          // Another workflow may be open meanwhile: its result stays shown.
          const mine = state.shown?.id === id;
          this.state.setState({
            running: { id, done: progress.done, total: progress.total },
            ...(mine ? { shown: { ...state.shown!, result: current }, view } : {}),
          });
        },
      });
    } catch (error) {
      this.abort = undefined;
      const message = error instanceof Error ? error.message : String(error);
      write(
        row('stopped', {
          ...partial(this.state.getState().shown?.result.cases ?? []),
          stopped: true,
        }),
      );
      await writes.catch(() => undefined);
      this.state.setState({ running: undefined, error: message });
      return undefined;
    }
    this.abort = undefined;
    const status = result.stopped ? 'stopped' : 'finished';
    write(row(status, result));
    await writes.catch(() => undefined);
    const record: SuiteRecord = { id, workflowId: owner, workflowHash, startedAt, status, result };
    const open = this.open;
    const here =
      open && (open.id !== undefined ? open.id === workflowId : open.hash === workflowHash);
    this.state.setState({
      running: undefined,
      ...(here
        ? {
            shown: record,
            view,
            comparison: previous ? compareSuites(result, previous.result) : undefined,
          }
        : {}),
    });
    return record;
  }

  /** Stops the running suite: samples under way are stopped, what finished is kept. */
  stop(): void {
    this.abort?.abort();
  }

  /**
   * Shows the latest suite of workflow `workflowId` at `doc`'s version (the open workflow),
   * unless a suite of it runs here. A suite cut off by a reload shows as interrupted.
   */
  async load(workflowId: string | undefined, doc: Workflow): Promise<void> {
    const owner = workflowId ?? '';
    const hash = documentHash(doc);
    const key = `${owner}\u0000${hash}`;
    this.loading = key;
    this.open = { id: workflowId, hash };
    const running = this.state.getState().running;
    const shown = this.state.getState().shown;
    if (running && shown?.workflowId === owner && shown.workflowHash === hash) return;
    let rows: SuiteRow[];
    try {
      // A workflow not stored (opened from a link to an example) matches by its version, as
      // its runs do (src/runs/owner.ts).
      rows = await (workflowId === undefined
        ? this.results.listByHash(hash)
        : this.results.list(owner));
    } catch (error) {
      if (this.loading === key) {
        this.state.setState({ error: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    if (this.loading !== key) return;
    const records = rows
      .map((r) => recordOf(r, running?.id))
      .filter((r): r is SuiteRecord => r !== undefined);
    const latest = records.find((r) => r.workflowHash === hash);
    if (this.state.getState().running && running === undefined) return;
    const before =
      latest && records.find((r) => r.startedAt < latest.startedAt && r.status !== 'interrupted');
    this.state.setState({
      shown: latest,
      view: latest ? viewOf(doc, latest.result) : undefined,
      comparison: latest && before ? compareSuites(latest.result, before.result) : undefined,
    });
  }

  /** The last complete suite of the workflow before `id` (any version), for the comparison. */
  private async previousOf(owner: string, id: string): Promise<SuiteRecord | undefined> {
    try {
      const rows = await this.results.list(owner);
      return rows
        .map((r) => recordOf(r, undefined))
        .find((r) => r !== undefined && r.id !== id && r.status === 'finished');
    } catch {
      return undefined;
    }
  }

  dismissError(): void {
    this.state.setState({ error: undefined });
  }
}

function viewOf(doc: Workflow, result: SuiteResult): TestView {
  const view = new TestView(doc.tests ?? []);
  for (const sample of result.samples) view.add(sample);
  return view;
}
