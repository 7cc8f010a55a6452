/**
 * One sample of a case as an ordinary run (docs/spec/tests.md#running-a-case): the turns answer
 * input requests, the approvals answer approval requests, `endConversation` ends it.
 */
import type { CheckpointStore, ModelProvider, RunEvent } from '../engine';
import type { TestCase, Workflow } from '../model';

export interface CaseRunOptions {
  provider: ModelProvider;
  /** Where the run is kept; a fresh in-memory store when absent. */
  store?: CheckpointStore;
  signal?: AbortSignal;
  runId?: string;
  /** Stored with the run record (`RunRecord.meta`). */
  meta?: Readonly<Record<string, string>>;
}

export interface CaseRun {
  runId: string;
  events: RunEvent[];
}

/** Runs one sample of `testCase` on `doc`; resolves when the run ends or pauses with no answer. */
export async function runCase(
  _doc: Workflow,
  _testCase: TestCase,
  _options: CaseRunOptions,
): Promise<CaseRun> {
  throw new Error('not implemented yet');
}
