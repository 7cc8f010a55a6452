/**
 * The run session controller (no React): starts a run from a document and provider settings,
 * keeps the live `RunHandle`, folds its events into a `TraceTimeline`, answers requests, and
 * stops, resumes, forks, replays, opens, lists, exports and imports runs through the checkpoint
 * store. The UI renders `getView()` and re-renders on `subscribe`.
 */
import type { Breakpoints } from '../engine/breakpoints';
import { documentHash } from '../engine/hash';
import type { RunEvent } from '../engine/events';
import type { ModelProvider } from '../engine/provider';
import { resumeRun, startRun, type RunHandle } from '../engine/run';
import { runToScript, type Script } from '../engine/script';
import type { CheckpointStore, RunRecord } from '../engine/store';
import type { Workflow } from '../model';
import { TraceTimeline } from '../trace';
import { upgradeEvents } from './eventUpgrade';
import { providerFor, replayProvider } from './providers';
import { recordedAnswers, type RecordedAnswers } from './replay';
import { exportRun, importRun, type RunFile } from './runFile';
import { EMPTY_VIEW, latestContinuable, loadRun, viewOfRecord, type RunView } from './view';
import { listRunSummaries, type RunSummary } from './runList';
import { defaultRunLocks, holdLock, whileLocked, type RunLockPort } from './runLock';
import { ownerMeta, workflowIdOf, type RunOrigin, type RunOwner } from './owner';
import type { ProviderSettings } from './settings';

/** `RunRecord.meta` key of a replay: the run it replays. */
export const REPLAY_OF = 'replayOf';

export interface RunControllerOptions {
  store: CheckpointStore;
  /** How settings become a provider (tests inject their own). */
  providerFor?: (settings: ProviderSettings, doc: Workflow) => ModelProvider;
  now?: () => string;
  /** One writer per run across tabs (runLock.ts); `navigator.locks` when absent and present. */
  locks?: RunLockPort;
}

export class RunController {
  readonly store: CheckpointStore;
  private view: RunView = { ...EMPTY_VIEW, timeline: new TraceTimeline() };
  private readonly listeners = new Set<() => void>();
  private handle: RunHandle | undefined;
  private generation = 0;
  private answers: RecordedAnswers | undefined;
  private breakpoints: Breakpoints = {};
  private readonly makeProvider: (settings: ProviderSettings, doc: Workflow) => ModelProvider;
  private readonly now: (() => string) | undefined;
  private readonly locks: RunLockPort | undefined;

  constructor(options: RunControllerOptions) {
    this.store = options.store;
    this.makeProvider = options.providerFor ?? providerFor;
    this.now = options.now;
    this.locks = options.locks ?? defaultRunLocks();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): RunView => this.view;

  /** The live handle's open requests are answered through these. */
  answerInput(requestId: string, text: string): void {
    this.handle?.answerInput(requestId, text);
  }

  /** The user's End: ends the run (`completed user_terminated`). */
  endRun(requestId: string): void {
    this.handle?.answerInput(requestId, { end: true });
  }

  answerApproval(requestId: string, approved: boolean): void {
    this.handle?.answerApproval(requestId, approved);
  }

  /** Sets the breakpoints of this and later runs (live only; never stored). */
  setBreakpoints(breakpoints: Breakpoints): void {
    this.breakpoints = breakpoints;
    this.handle?.setBreakpoints(breakpoints);
  }

  /** Goes on from a breakpoint: to the next one, or (`step`) to the next model call. */
  release(mode: 'continue' | 'step'): boolean {
    if (!this.handle) return false;
    return mode === 'step' ? this.handle.step() : this.handle.continue();
  }

  /** Stops the live run mid-stream; it stays resumable from its last checkpoint. */
  stop(): void {
    this.handle?.stop();
  }

  /**
   * Starts a run of `document` (the library workflow `workflowId`, see owner.ts) with the
   * opening message. Resolves false when refused.
   */
  start(
    document: Workflow,
    input: string,
    settings: ProviderSettings,
    workflowId?: string,
  ): Promise<boolean> {
    return this.act(async () => {
      const provider = this.makeProvider(settings, document);
      const handle = startRun({
        document,
        provider,
        input,
        store: this.store,
        ...(workflowId !== undefined ? { meta: ownerMeta(workflowId) } : {}),
        ...this.clock(),
      });
      await holdLock(this.locks, handle);
      const origin = { workflowId, docHash: documentHash(document) };
      await this.attach(handle, document.name, origin, provider.id, false);
    });
  }

  /**
   * Resumes a stored run from its latest checkpoint, or from `checkpointId`. A replay goes on
   * replaying: its run's script, and the recorded answers it has not given yet.
   */
  resume(runId: string, settings: ProviderSettings, checkpointId?: string): Promise<boolean> {
    return this.act(async () => {
      const { record, doc } = await loadRun(this.store, runId);
      const replayOf = record.meta?.[REPLAY_OF];
      const replay = replayOf === undefined ? undefined : await this.replaySource(replayOf, runId);
      // What the replay already answered, up to where it resumes, is not answered again.
      const given = replay ? await this.answersUpTo(runId, checkpointId) : undefined;
      const provider = replay
        ? replayProvider(replay.script, settings)
        : this.makeProvider(settings, doc);
      // Refused (run_locked) while another tab writes this run.
      const handle = await whileLocked(this.locks, runId, () =>
        resumeRun({
          runId,
          store: this.store,
          document: doc,
          provider,
          ...(checkpointId !== undefined ? { checkpointId } : {}),
          ...this.clock(),
        }),
      );
      if (replay && given) {
        this.answers = {
          opening: replay.answers.opening,
          inputs: replay.answers.inputs.slice(given.inputs.length),
          decisions: replay.answers.decisions.slice(given.decisions.length),
        };
      }
      const origin = { workflowId: workflowIdOf(record), docHash: record.docHash };
      await this.attach(handle, record.workflowName, origin, provider.id, true);
    });
  }

  /** The answers a run had given up to a checkpoint (its latest when absent). */
  private async answersUpTo(runId: string, checkpointId?: string): Promise<RecordedAnswers> {
    const checkpoints = await this.store.listCheckpoints(runId);
    const at =
      checkpointId === undefined
        ? checkpoints.at(-1)
        : checkpoints.find((c) => c.checkpointId === checkpointId);
    return recordedAnswers(at ? await this.store.getEvents(runId, at.seq) : []);
  }

  /** The script and recorded answers of the run a replay replays. */
  private async replaySource(
    sourceRunId: string,
    replayRunId: string,
  ): Promise<{ script: Script; answers: RecordedAnswers }> {
    const events = await this.store.getEvents(sourceRunId);
    if (events.length === 0) {
      throw new Error(
        `Run ${replayRunId} replays run ${sourceRunId}, which is no longer here: fork it to ` +
          'go on with your provider instead.',
      );
    }
    return { script: runToScript(events), answers: recordedAnswers(events) };
  }

  /**
   * Continues a run from one of its checkpoints as a new run (the original stays); without
   * `checkpointId`, from its latest checkpoint that does not end it. With `document`, the fork
   * runs that document (it may differ from the run's); with `workflowId`, the fork belongs to
   * that library workflow (else to the run's).
   */
  fork(
    runId: string,
    checkpointId: string | undefined,
    settings: ProviderSettings,
    document?: Workflow,
    workflowId?: string,
  ): Promise<boolean> {
    return this.act(async () => {
      const { record, doc: own } = await loadRun(this.store, runId);
      const owner = workflowId ?? workflowIdOf(record);
      checkpointId ??= await latestContinuable(this.store, runId);
      const doc = document ?? own;
      const provider = this.makeProvider(settings, doc);
      const handle = await resumeRun({
        runId,
        checkpointId,
        fork: true,
        store: this.store,
        document: doc,
        provider,
        ...(owner !== undefined ? { meta: ownerMeta(owner) } : {}),
        ...this.clock(),
      });
      await holdLock(this.locks, handle);
      const origin = { workflowId: owner, docHash: documentHash(doc) };
      await this.attach(handle, doc.name, origin, provider.id, true);
    });
  }

  /**
   * Re-runs a stored run on the script provider: the same model replies, and the user's
   * recorded replies and decisions given again in order (the rest is up to the user). The
   * replay belongs to `workflowId` when given, else to the replayed run's workflow.
   */
  replay(runId: string, settings: ProviderSettings, workflowId?: string): Promise<boolean> {
    return this.act(async () => {
      const { record, doc } = await loadRun(this.store, runId);
      const owner = workflowId ?? workflowIdOf(record);
      const events = await this.store.getEvents(runId);
      const answers = recordedAnswers(events);
      if (answers.opening === undefined)
        throw new Error('This run has no opening message to replay.');
      const provider = replayProvider(runToScript(events), settings);
      const handle = startRun({
        document: doc,
        provider,
        input: answers.opening,
        store: this.store,
        meta: { [REPLAY_OF]: runId, ...ownerMeta(owner) },
        ...this.clock(),
      });
      await holdLock(this.locks, handle);
      this.answers = answers;
      const origin = { workflowId: owner, docHash: record.docHash };
      await this.attach(handle, doc.name, origin, provider.id, false);
    });
  }

  /** Shows a stored run (to step through it) without running it. */
  open(runId: string): Promise<boolean> {
    return this.act(async () => {
      const { record } = await loadRun(this.store, runId);
      const events = upgradeEvents(await this.store.getEvents(runId));
      // A run started while this one loaded keeps the panel (an automatic open never hides it).
      if (this.handle) return;
      this.generation++;
      this.view = viewOfRecord(record, new TraceTimeline(events), this.view.version + 1);
      this.notify();
    });
  }

  /** Past runs of a workflow (all when absent; see owner.ts), newest first. */
  listRuns(owner?: RunOwner): Promise<RunSummary[]> {
    return listRunSummaries(this.store, this.handle?.runId, owner);
  }

  exportRun(runId: string): Promise<RunFile> {
    return exportRun(this.store, runId);
  }

  /**
   * Stores a run file as a run of the library workflow `workflowId` (untagged when absent) and
   * shows it. @throws HandoffStudioError when the file is not a run.
   */
  async importRun(text: string, workflowId?: string): Promise<RunRecord> {
    const { record, unreadable } = await importRun(this.store, text, ownerMeta(workflowId));
    await this.open(record.runId);
    if (unreadable.length > 0) {
      const list = unreadable.map((u) => `${u.checkpointId} (${u.reason})`).join('; ');
      this.view = {
        ...this.view,
        error:
          `Imported; ${unreadable.length} checkpoint(s) could not be read and were left out: ` +
          `${list}. The run can be stepped through and replayed` +
          (record.lastCheckpointId ? ', and resumed from its readable checkpoints.' : '.'),
        version: this.view.version + 1,
      };
      this.notify();
    }
    return record;
  }

  /** Clears an action error. */
  dismissError(): void {
    if (this.view.error === undefined) return;
    this.view = { ...this.view, error: undefined, version: this.view.version + 1 };
    this.notify();
  }

  private async attach(
    handle: RunHandle,
    workflowName: string,
    origin: RunOrigin,
    provider: string,
    fromStore: boolean,
  ): Promise<void> {
    const generation = ++this.generation;
    this.handle = handle;
    // Events may flow while stored ones load: buffer them, then append them after.
    const buffered: RunEvent[] = [...handle.history];
    const unbuffer = handle.subscribe((event) => buffered.push(event));
    const stored = fromStore
      ? upgradeEvents(await this.store.getEvents(handle.runId).catch(() => []))
      : [];
    unbuffer();
    const timeline = new TraceTimeline(stored);
    for (const event of buffered) timeline.append(event);
    this.view = {
      ...EMPTY_VIEW,
      runId: handle.runId,
      workflowName,
      ...origin,
      provider,
      live: true,
      timeline,
      version: this.view.version + 1,
    };
    for (const event of buffered) this.autoAnswer(event);
    handle.subscribe((event) => {
      if (generation !== this.generation) return;
      timeline.append(event);
      this.autoAnswer(event);
      this.view = { ...this.view, version: this.view.version + 1 };
      this.notify();
    });
    this.notify();
    void handle.done.then(async () => {
      if (generation !== this.generation) return;
      this.handle = undefined;
      this.answers = undefined;
      const record = await this.store.getRun(handle.runId).catch(() => undefined);
      if (generation !== this.generation) return;
      this.view = record
        ? viewOfRecord(record, timeline, this.view.version + 1)
        : { ...this.view, live: false, version: this.view.version + 1 };
      this.notify();
    });
  }

  /** A replay answers what the recorded run's user answered, in order. */
  private autoAnswer(event: RunEvent): void {
    const answers = this.answers;
    const handle = this.handle;
    if (!answers || !handle) return;
    if (event.type === 'input_requested' && answers.inputs.length > 0) {
      const answer = answers.inputs.shift()!;
      queueMicrotask(() => handle.answerInput(event.requestId, answer));
    } else if (event.type === 'approval_requested' && answers.decisions.length > 0) {
      const approved = answers.decisions.shift()!;
      queueMicrotask(() => handle.answerApproval(event.requestId, approved));
    }
  }

  /** Runs an action unless a run is live; a failure becomes `view.error`. */
  private async act(action: () => Promise<void>): Promise<boolean> {
    if (this.handle) return this.refuse('A run is in progress: stop it first.');
    try {
      await action();
      return true;
    } catch (error) {
      this.answers = undefined;
      return this.refuse(error instanceof Error ? error.message : String(error));
    }
  }

  private refuse(message: string): boolean {
    this.view = { ...this.view, error: message, version: this.view.version + 1 };
    this.notify();
    return false;
  }

  /** Options every invocation gets: the clock, and the breakpoints set now. */
  private clock(): { now?: () => string; breakpoints: Breakpoints } {
    return { ...(this.now ? { now: this.now } : {}), breakpoints: this.breakpoints };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
