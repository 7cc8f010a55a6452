/**
 * One sample of a case as an ordinary run (docs/spec/tests.md#running-a-case): the turns answer
 * input requests, the approvals answer approval requests, `endConversation` ends it; with no
 * answer left the run is left paused in the store (resumable like any run).
 */
import {
  startRun,
  type CheckpointStore,
  type ModelProvider,
  type RunEvent,
  type RunOutcome,
} from '../engine';
import type { TestCase, Workflow } from '../model';

export interface CaseRunOptions {
  provider: ModelProvider;
  /** Where the run is kept; a fresh in-memory store when absent. */
  store?: CheckpointStore;
  signal?: AbortSignal;
  runId?: string;
  /** Stored with the run record (`RunRecord.meta`), beside `testCase` and `sample`. */
  meta?: Readonly<Record<string, string>>;
  /** The sample's index, for the run record's meta (0 when absent). */
  sample?: number;
  /** Clock for stored timestamps, as `StartRunOptions.now`. */
  now?: () => string;
}

export interface CaseRun {
  runId: string;
  events: RunEvent[];
  outcome: RunOutcome;
}

/**
 * Runs one sample of `testCase` on `doc`; resolves when the run ends, or pauses with no answer
 * left for it.
 * @throws HandoffStudioError `invalid_answer` when the case has no opening message.
 */
export async function runCase(
  doc: Workflow,
  testCase: TestCase,
  options: CaseRunOptions,
): Promise<CaseRun> {
  const [opening = '', ...turns] = testCase.turns;
  const decisions = [...(testCase.approvals ?? [])];
  const run = startRun({
    document: doc,
    provider: options.provider,
    input: opening,
    ...(options.store ? { store: options.store } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.runId !== undefined ? { runId: options.runId } : {}),
    ...(options.now ? { now: options.now } : {}),
    meta: { ...options.meta, testCase: testCase.id, sample: String(options.sample ?? 0) },
  });
  const events: RunEvent[] = [];
  for await (const event of run) {
    events.push(event);
    if (event.type === 'input_requested') {
      const turn = turns.shift();
      if (turn !== undefined) run.answerInput(event.requestId, turn);
      else if (testCase.endConversation === true) run.answerInput(event.requestId, { end: true });
      else run.suspend();
    } else if (event.type === 'approval_requested') {
      const decision = decisions.shift();
      if (decision === undefined) run.suspend();
      else run.answerApproval(event.requestId, decision === 'approve');
    }
  }
  return { runId: run.runId, events, outcome: await run.done };
}
