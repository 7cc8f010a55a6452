/**
 * The programmatic API: `startRun` and `resumeRun` wire a document, a provider and a checkpoint
 * store to the run loop and hand back a `RunHandle`: the event stream, the answers to open
 * requests, Stop, and the outcome.
 */
import { buildTopology, serializeWorkflow, type Workflow } from '../model';
import { documentProblems } from './problems';
import { BreakpointGate, type Breakpoints } from './breakpoints';
import { EventChannel } from './channel';
import { HandoffStudioError } from './errors';
import type { RunEvent } from './events';
import { documentHash } from './hash';
import { Mailbox, type InputAnswer } from './mailbox';
import { MemoryCheckpointStore } from './memoryStore';
import type { ModelProvider } from './provider';
import { RunRecorder } from './recorder';
import type { RunOutcome } from './outcome';
import { Runner } from './runner';
import { createRunState, openRequestsOf, type OpenRequest, type RunState } from './state';
import type { CheckpointStore, RunRecord } from './store';
import { Transcript } from './transcript';
import { loadCheckpoint, type ResumeRunOptions } from './resume';

/** Options of `startRun`. */
export interface StartRunOptions {
  /** The workflow to run (a parsed document). One with validation errors fails the run at once. */
  document: Workflow;
  /** Where model replies come from: simulator, script or openai. */
  provider: ModelProvider;
  /** The opening user message; must not be empty. */
  input: string;
  /** Where the run is persisted; an in-memory store when absent. */
  store?: CheckpointStore;
  /** The run's id; generated when absent. */
  runId?: string;
  /** Aborting it stops the run, like `RunHandle.stop()`. */
  signal?: AbortSignal;
  /** Clock for stored timestamps (ISO 8601); `new Date().toISOString()` when absent. */
  now?: () => string;
  /**
   * Clock that times model calls (`usage.durationMs`), in milliseconds from any origin;
   * `performance.now()` (or `Date.now()` where there is none) when absent.
   */
  clock?: () => number;
  /** Breakpoints to pause at (live only; change them with `RunHandle.setBreakpoints`). */
  breakpoints?: Breakpoints;
  /** Stored with the run record (`RunRecord.meta`), kept when the run is resumed. */
  meta?: Readonly<Record<string, string>>;
}

/** A live invocation of the engine (a start or a resume). */
export interface RunHandle extends AsyncIterable<RunEvent> {
  readonly runId: string;
  /**
   * The events of this invocation. Every iteration starts at its first event; while requests
   * are open the iterator simply waits, and it ends after `completed`, `failed`, `stopped`, or
   * when `suspend()` ends the invocation paused.
   */
  readonly events: AsyncIterable<RunEvent>;
  /** Events emitted so far by this invocation. */
  readonly history: readonly RunEvent[];
  /** Open requests that have no answer yet. */
  readonly waiting: readonly OpenRequest[];
  /** Calls `listener` with each further event, synchronously; returns the unsubscribe function. */
  subscribe(listener: (event: RunEvent) => void): () => void;
  /** Answers an `input_requested`: the user's message, or `{ end: true }` (or "") to end the run. */
  answerInput(requestId: string, answer: InputAnswer): void;
  /** Answers an `approval_requested`. */
  answerApproval(requestId: string, approved: boolean): void;
  /** Answers any request: a string or `{ end: true }` for input, a boolean for approval. */
  respond(requestId: string, answer: InputAnswer | boolean): void;
  /** Stops the run: it ends with `stopped` and can be resumed from its last checkpoint. */
  stop(): void;
  /**
   * Ends this invocation at the current or next pause, leaving the run paused in the store;
   * `done` then resolves `{ status: 'paused', requests }`. For callers with no answers left.
   */
  suspend(): void;
  /** How the invocation ended. Never rejects. */
  readonly done: Promise<RunOutcome>;
  /** Replaces the breakpoints; they apply from the next step on. */
  setBreakpoints(breakpoints: Breakpoints): void;
  /** Goes on from a breakpoint (false when not paused at one). */
  continue(): boolean;
  /** Goes on from a breakpoint and pauses again before the next model call. */
  step(): boolean;
}

/**
 * Starts a run: `run_started`, the opening `user_message`, the start checkpoint, then agents take
 * turns until the run completes, fails, is stopped, or waits on a request.
 *
 * @throws HandoffStudioError `invalid_answer` when `input` is empty.
 */
export function startRun(options: StartRunOptions): RunHandle {
  const { document: doc, provider } = options;
  if (options.input.trim() === '') {
    throw new HandoffStudioError('invalid_answer', 'The opening user message is empty.');
  }
  const now = options.now ?? (() => new Date().toISOString());
  const runId = options.runId ?? generateRunId();
  const docHash = documentHash(doc);
  const startedAt = now();
  const record: RunRecord = {
    runId,
    workflowName: doc.name,
    docHash,
    document: serializeWorkflow(doc),
    provider: provider.id,
    status: 'running',
    startedAt,
    updatedAt: startedAt,
    eventCount: 0,
    itemCount: 0,
    ...(options.meta ? { meta: { ...options.meta } } : {}),
  };
  const store = options.store ?? new MemoryCheckpointStore();
  const state = createRunState(runId, docHash, doc.startAgent);
  const parts = assemble(
    doc,
    provider,
    state,
    new Transcript(),
    new RunRecorder(store, record, 0, now),
    options.signal,
    options.breakpoints,
    options.clock,
  );
  const done = parts.runner.start(options.input, documentProblems(doc));
  return createHandle(runId, parts, done);
}

/**
 * Resumes a run from a checkpoint (its latest when `checkpointId` is absent): `run_resumed`,
 * then every pending request again with the same `requestId`s, then the run takes the answers
 * and continues. With `fork`, the run continues as a new run (items and events copied up to the
 * checkpoint; the original stays as it was), which also allows a changed document.
 *
 * @throws HandoffStudioError `run_not_found`, `checkpoint_not_found`, `run_finished`,
 *   `document_changed` (the document differs and `fork` is not set), `invalid_document`.
 */
export async function resumeRun(options: ResumeRunOptions): Promise<RunHandle> {
  const now = options.now ?? (() => new Date().toISOString());
  const loaded = await loadCheckpoint(options, now, generateRunId);
  const parts = assemble(
    options.document,
    options.provider,
    loaded.state,
    new Transcript(loaded.items),
    new RunRecorder(options.store, loaded.record, loaded.items.length, now),
    options.signal,
    options.breakpoints,
    options.clock,
  );
  parts.mailbox.add(openRequestsOf(loaded.state));
  const done = parts.runner.resume();
  return createHandle(loaded.state.runId, parts, done);
}

interface Parts {
  runner: Runner;
  gate: BreakpointGate;
  channel: EventChannel;
  mailbox: Mailbox;
  controller: AbortController;
}

function assemble(
  doc: Workflow,
  provider: ModelProvider,
  state: RunState,
  transcript: Transcript,
  recorder: RunRecorder,
  signal: AbortSignal | undefined,
  breakpoints: Breakpoints | undefined,
  clock: (() => number) | undefined,
): Parts {
  const controller = new AbortController();
  if (signal) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener('abort', () => controller.abort(), { once: true });
  }
  const channel = new EventChannel();
  const mailbox = new Mailbox();
  const gate = new BreakpointGate(breakpoints);
  const runner = new Runner({
    doc,
    topology: buildTopology(doc),
    provider,
    state,
    transcript,
    recorder,
    channel,
    mailbox,
    signal: controller.signal,
    breakpoints: gate,
    clock: clock ?? defaultClock,
  });
  return { runner, channel, mailbox, controller, gate };
}

function createHandle(runId: string, parts: Parts, done: Promise<RunOutcome>): RunHandle {
  const { channel, mailbox, controller, gate } = parts;
  return {
    runId,
    events: channel,
    get history() {
      return channel.history;
    },
    get waiting() {
      return mailbox.waiting;
    },
    [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator](),
    subscribe: (listener) => channel.subscribe(listener),
    answerInput: (requestId, answer) => mailbox.answerInput(requestId, answer),
    answerApproval: (requestId, approved) => mailbox.answerApproval(requestId, approved),
    respond: (requestId, answer) =>
      typeof answer === 'boolean'
        ? mailbox.answerApproval(requestId, answer)
        : mailbox.answerInput(requestId, answer),
    stop: () => controller.abort(),
    suspend: () => mailbox.suspend(),
    done,
    setBreakpoints: (breakpoints) => gate.set(breakpoints),
    continue: () => gate.resume('continue'),
    step: () => gate.resume('step'),
  };
}

/** Monotonic where the platform has `performance` (browsers, Node), the wall clock otherwise. */
function defaultClock(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}

/** A run id: time-ordered, with random bits from WebCrypto when available. */
export function generateRunId(): string {
  const bytes = new Uint8Array(6);
  const crypto = globalThis.crypto as Crypto | undefined;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  const random = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `run-${Date.now().toString(36)}-${random}`;
}
