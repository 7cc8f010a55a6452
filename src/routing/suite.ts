/**
 * Running a suite (docs/spec/tests.md#suites): every case (or the chosen ones), N samples each,
 * K at a time, stoppable, reporting each finished sample.
 */
import type { CheckpointStore, ModelProvider } from '../engine';
import type { Workflow } from '../model';
import type { CaseSummary, SampleResult, SuiteResult } from './types';

export interface SuiteProgress {
  /** Samples finished so far, and in all. */
  done: number;
  total: number;
  /** Every case's summary so far (cases with no finished sample have `total` 0). */
  cases: CaseSummary[];
}

export interface SuiteOptions {
  /** The provider of every sample, or: */
  provider?: ModelProvider;
  /** the provider of one sample. One of the two is required. */
  providerFor?: (caseId: string, sample: number) => ModelProvider;
  /**
   * Samples per case. Absent: 1 on a deterministic provider (simulator, script), else
   * `DEFAULT_SAMPLES`.
   */
  samples?: number;
  /** Samples run at the same time (default 1). */
  concurrency?: number;
  /** Aborting it stops the suite: running samples are stopped and left out of the result. */
  signal?: AbortSignal;
  /** Where each sample's run is kept; a fresh in-memory store per sample when absent. */
  store?: CheckpointStore;
  /** Only these cases (by id), in the document's order. */
  caseIds?: readonly string[];
  /** The model, for the result (`SuiteResult.model`). */
  model?: string;
  /** Called after each finished sample. */
  onSample?: (sample: SampleResult, progress: SuiteProgress) => void;
  /** Clock for `startedAt` / `finishedAt` (ISO 8601). */
  now?: () => string;
}

/** Samples per case on a provider that is not deterministic, when none is asked for. */
export const DEFAULT_SAMPLES = 10;

/** Runs the suite of `doc.tests`; resolves with every finished sample (also when stopped). */
export async function runSuite(_doc: Workflow, _options: SuiteOptions): Promise<SuiteResult> {
  throw new Error('not implemented yet');
}
