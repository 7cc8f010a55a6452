/**
 * Running a suite (docs/spec/tests.md#suites): every case (or the chosen ones), N samples each,
 * K at a time, stoppable, reporting each finished sample with every case's summary so far.
 * Only judged samples are kept (never their events), so memory does not grow with the runs.
 */
import {
  documentHash,
  HandoffStudioError,
  MemoryCheckpointStore,
  type CheckpointStore,
  type ModelProvider,
} from '../engine';
import { buildTopology, type TestCase, type Workflow } from '../model';
import { runCase } from './caseRun';
import { toSampleResult } from './sample';
import { CaseTally } from './summary';
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
  /** Whether the provider always answers alike; by default true for simulator and script. */
  deterministic?: boolean;
  /** Samples run at the same time (default 1). */
  concurrency?: number;
  /** Aborting it stops the suite: running samples are stopped and left out of the result. */
  signal?: AbortSignal;
  /** Where each sample's run is kept; a fresh in-memory store per sample when absent. */
  store?: CheckpointStore;
  /** Only these cases (by id), in the document's order; unknown ids are ignored. */
  caseIds?: readonly string[];
  /** The model, for the result (`SuiteResult.model`). */
  model?: string;
  /** Stored with every sample's run record (`RunRecord.meta`), e.g. the suite's id. */
  meta?: Readonly<Record<string, string>>;
  /** Called after each finished sample. */
  onSample?: (sample: SampleResult, progress: SuiteProgress) => void;
  /** Clock for `startedAt` / `finishedAt` (ISO 8601). */
  now?: () => string;
  /** Clock for `durationMs`, in milliseconds from any origin. */
  clock?: () => number;
}

/** Samples per case on a provider that is not deterministic, when none is asked for. */
export const DEFAULT_SAMPLES = 10;

/** Providers that answer the same request the same way every time. */
const DETERMINISTIC = new Set(['simulator', 'script']);

/** Runs the suite of `doc.tests`; resolves with every finished sample (also when stopped). */
export async function runSuite(doc: Workflow, options: SuiteOptions): Promise<SuiteResult> {
  const providerOf = providerChooser(options);
  const now = options.now ?? (() => new Date().toISOString());
  const clock = options.clock ?? defaultClock;
  const startedAt = now();
  const wanted = options.caseIds ? new Set(options.caseIds) : undefined;
  const cases = (doc.tests ?? []).filter((c) => !wanted || wanted.has(c.id));
  const first = cases[0];
  const deterministic =
    options.deterministic ?? (first !== undefined && DETERMINISTIC.has(providerOf(first.id, 0).id));
  const samplesPerCase = Math.max(
    1,
    Math.floor(options.samples ?? (deterministic ? 1 : DEFAULT_SAMPLES)),
  );
  const tasks: Array<{ testCase: TestCase; sample: number }> = [];
  for (const testCase of cases) {
    for (let sample = 0; sample < samplesPerCase; sample++) tasks.push({ testCase, sample });
  }
  const tallies = new Map(cases.map((c) => [c.id, new CaseTally(c)]));
  const samples: SampleResult[] = [];
  const topology = buildTopology(doc);
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const runOne = async (testCase: TestCase, sample: number): Promise<void> => {
    const started = clock();
    // Each sample gets its own signal, unlinked when it ends: the engine leaves a listener on
    // the signal it is given, and the suite's lives for every sample.
    const link = new AbortController();
    const forward = () => link.abort();
    stop.signal.addEventListener('abort', forward, { once: true });
    let result: SampleResult;
    try {
      const run = await runCase(doc, testCase, {
        provider: providerOf(testCase.id, sample),
        store: options.store ?? new MemoryCheckpointStore(),
        signal: link.signal,
        sample,
        ...(options.meta ? { meta: options.meta } : {}),
        ...(options.now ? { now: options.now } : {}),
      });
      // A sample cut short by Stop says nothing about the workflow: leave it out.
      if (stop.signal.aborted && run.outcome.status === 'stopped') return;
      const ref = { sample, runId: run.runId, durationMs: Math.round(clock() - started) };
      result = toSampleResult(run.events, doc, testCase, ref, topology);
    } catch (error) {
      if (stop.signal.aborted) return;
      result = errorSample(testCase, sample, error, Math.round(clock() - started));
    } finally {
      stop.signal.removeEventListener('abort', forward);
    }
    samples.push(result);
    tallies.get(testCase.id)!.add(result);
    options.onSample?.(result, {
      done: samples.length,
      total: tasks.length,
      cases: [...tallies.values()].map((t) => t.summary()),
    });
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (!stop.signal.aborted && next < tasks.length) {
      const task = tasks[next++]!;
      await runOne(task.testCase, task.sample);
    }
  };
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return {
    workflowHash: documentHash(doc),
    workflowName: doc.name,
    provider: first ? providerOf(first.id, 0).id : (options.provider?.id ?? 'none'),
    ...(options.model !== undefined ? { model: options.model } : {}),
    samplesPerCase,
    startedAt,
    finishedAt: now(),
    stopped: stop.signal.aborted,
    cases: [...tallies.values()].map((t) => t.summary()),
    samples,
  };
}

function providerChooser(options: SuiteOptions): (caseId: string, sample: number) => ModelProvider {
  if (options.providerFor) return options.providerFor;
  const provider = options.provider;
  if (!provider) throw new TypeError('runSuite needs a provider or providerFor.');
  return () => provider;
}

/** A sample whose run could not even start (a store that fails, a case with no turns). */
function errorSample(
  testCase: TestCase,
  sample: number,
  error: unknown,
  durationMs: number,
): SampleResult {
  const code = error instanceof HandoffStudioError ? error.code : 'internal_error';
  const message = error instanceof Error ? error.message : String(error);
  return {
    caseId: testCase.id,
    sample,
    runId: '',
    passed: false,
    expectations: [{ key: 'run', label: 'the run does not fail', passed: false, detail: message }],
    path: [],
    handoffs: [],
    attempts: [],
    outcome: 'failed',
    modelCalls: 0,
    tokens: 0,
    error: { code, message },
    durationMs,
  };
}

function defaultClock(): number {
  const perf = (globalThis as { performance?: { now(): number } }).performance;
  return perf ? perf.now() : Date.now();
}
