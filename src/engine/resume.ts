/**
 * Loading a run back from its checkpoint for `resumeRun`: every refusal (unknown run or
 * checkpoint, finished run, changed or invalid document) happens here, before any event; a fork
 * copies the run's items and events up to the checkpoint into a new run.
 */
import { serializeWorkflow, type Workflow } from '../model';
import { documentProblems } from './problems';
import { HandoffStudioError } from './errors';
import { documentHash } from './hash';
import type { ModelProvider } from './provider';
import { chooseCheckpoint } from './checkpointChoice';
import { toStoredState, type RunState } from './state';
import type { Breakpoints } from './breakpoints';
import type { Checkpoint, CheckpointStore, RunRecord, SkippedCheckpoint } from './store';
import { readTranscriptItems } from './storedItems';
import type { TranscriptItem } from './transcript';

/** Options of `resumeRun`. */
export interface ResumeRunOptions {
  /** The `runId` of the run's `run_started`. */
  runId: string;
  store: CheckpointStore;
  /** The document to continue with: the run's own, unless `fork` is set. */
  document: Workflow;
  provider: ModelProvider;
  /** The checkpoint to continue from; the run's latest when absent. */
  checkpointId?: string;
  /** Continue as a new run from the checkpoint (allowed with a changed document). */
  fork?: boolean;
  /** The new run's id when forking; generated when absent. */
  forkRunId?: string;
  /** A fork's `RunRecord.meta` (a fork starts without the source's; a resume keeps its own). */
  meta?: Readonly<Record<string, string>>;
  signal?: AbortSignal;
  now?: () => string;
  /** Clock that times model calls, as `StartRunOptions.clock`. */
  clock?: () => number;
  /** Breakpoints to pause at (live only). */
  breakpoints?: Breakpoints;
  /**
   * Told of each damaged checkpoint passed over when resuming from the latest readable one
   * (before `resumeRun` resolves). A `checkpointId` given explicitly must itself be readable.
   */
  onCheckpointSkipped?: (skipped: SkippedCheckpoint) => void;
}

export interface LoadedRun {
  record: RunRecord;
  state: RunState;
  items: TranscriptItem[];
}

export async function loadCheckpoint(
  options: ResumeRunOptions,
  now: () => string,
  newRunId: () => string,
): Promise<LoadedRun> {
  const { store, runId, document: doc } = options;
  const record = await storage(() => store.getRun(runId));
  if (!record)
    throw new HandoffStudioError('run_not_found', `There is no run "${runId}" in this store.`);
  if (options.checkpointId === undefined && record.status === 'completed' && !options.fork) {
    throw new HandoffStudioError(
      'run_finished',
      `Run "${runId}" has completed; there is nothing to resume. Fork it from a checkpoint to continue.`,
    );
  }
  const { checkpoint, state, latest, skipped } = await storage(() =>
    chooseCheckpoint(store, record, options.checkpointId),
  );
  for (const s of skipped) options.onCheckpointSkipped?.(s);
  if (state.next.kind === 'completed') {
    throw new HandoffStudioError(
      'run_finished',
      `Checkpoint "${checkpoint.checkpointId}" of run "${runId}" is the end of the run; resume from an earlier one.`,
    );
  }
  const hash = documentHash(doc);
  if (hash !== state.docHash && !options.fork) {
    throw new HandoffStudioError(
      'document_changed',
      `The workflow "${doc.name}" has changed since run "${runId}" saved checkpoint ` +
        `"${checkpoint.checkpointId}" (document hash ${hash}, the run's ${state.docHash}). ` +
        'Resume it with the document it ran, or fork the run to continue with the changed one.',
    );
  }
  checkRunnable(doc, state);
  const items = readTranscriptItems(
    runId,
    await storage(() => store.getItems(runId, checkpoint.itemCount)),
  );
  if (!options.fork) {
    if (latest) {
      // The events an invocation emitted after its last checkpoint (a resume's `run_resumed`
      // and re-emitted requests, answers recorded at a pause) stay in the log: `seq` goes on
      // after them, so no number is used twice over the life of the run.
      const logged = await storage(() => store.getEvents(runId));
      state.seq = Math.max(state.seq, logged.at(-1)?.seq ?? 0);
    }
    // Continuing from an earlier checkpoint abandons the ones after it (the logs are cut there
    // by the first write, docs/spec/run-semantics.md#checkpoints-and-resume), so that "the latest"
    // stays the one this branch reaches.
    await storage(() => store.deleteCheckpointsAfter(runId, checkpoint.seq));
    return {
      record: {
        ...record,
        provider: options.provider.id,
        lastCheckpointId: checkpoint.checkpointId,
      },
      state,
      items,
    };
  }
  return fork(
    options,
    record,
    checkpoint,
    state,
    items,
    hash,
    now,
    options.forkRunId ?? newRunId(),
  );
}

async function fork(
  options: ResumeRunOptions,
  source: RunRecord,
  checkpoint: Checkpoint,
  state: RunState,
  items: TranscriptItem[],
  hash: string,
  now: () => string,
  runId: string,
): Promise<LoadedRun> {
  const { store, document: doc, provider } = options;
  const forkedState: RunState = { ...state, runId, docHash: hash };
  const time = now();
  const record: RunRecord = {
    runId,
    workflowName: doc.name,
    docHash: hash,
    document: serializeWorkflow(doc),
    provider: provider.id,
    status: 'running',
    startedAt: time,
    updatedAt: time,
    forkOf: { runId: source.runId, checkpointId: checkpoint.checkpointId },
    lastCheckpointId: checkpoint.checkpointId,
    eventCount: checkpoint.seq,
    itemCount: checkpoint.itemCount,
    ...(options.meta ? { meta: { ...options.meta } } : {}),
  };
  await storage(async () => {
    const events = await store.getEvents(source.runId, checkpoint.seq);
    await store.putRun(record);
    await store.putItems(runId, 0, items);
    await store.putEvents(runId, events);
    await store.putCheckpoint({
      ...checkpoint,
      runId,
      createdAt: time,
      state: toStoredState(forkedState),
    });
  });
  return { record, state: forkedState, items };
}

/** A resumed run needs a valid document that still holds every agent the state refers to. */
function checkRunnable(doc: Workflow, state: RunState): void {
  const problems = documentProblems(doc);
  if (problems !== undefined) throw new HandoffStudioError('invalid_document', problems);
  const names = new Set(doc.agents.map((a) => a.name));
  const next = state.next;
  const needed = [state.activeAgent, ...(next.kind === 'input' ? [next.request.agent] : [])];
  const missing = needed.filter((name) => !names.has(name));
  if (missing.length > 0) {
    throw new HandoffStudioError(
      'invalid_document',
      `The workflow has no agent "${missing[0]}", which the run needs at this checkpoint.`,
    );
  }
}

async function storage<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof HandoffStudioError) throw error;
    throw new HandoffStudioError(
      'storage_error',
      `Could not read the run: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}
