/**
 * The results of routing tests (docs/spec/tests.md#results): what one sample of a case showed,
 * how each case did over its samples, and a whole suite. Plain JSON, so that results can be
 * stored, compared and printed (`test --json`). Rates are fractions from 0 to 1.
 */
import type { CompletionReason } from '../engine';

/** How a sample ended: as the case's `outcome` expectation names it, or stopped by the suite. */
export type SampleOutcome =
  'asking_user' | 'awaiting_approval' | 'completed' | 'failed' | 'stopped';

/** One stated expectation of a case, judged on one sample. */
export interface ExpectationResult {
  /**
   * Stable key from the expectation's place in `expect`: `route`, `reaches[0]`, `tools[1]`,
   * `messages[0]`, `maxHandoffs`… and `run` for the implied "the run does not fail".
   */
  key: string;
  /** For people: `route matches "triage > refund"`. */
  label: string;
  passed: boolean;
  /** For people, when it failed: what the sample showed instead. */
  detail?: string;
}

/** A handoff tool call (taken or not), and whether the topology allows it from its agent. */
export interface HandoffAttempt {
  agent: string;
  target: string;
  callId: string;
  allowed: boolean;
}

/** What a run's events show, the facts every expectation is judged on. */
export interface Observation {
  /** The agents in control: the start agent, then the `to` of each handoff. */
  path: string[];
  /** The `handoff` events, in order. */
  handoffs: Array<{ from: string; to: string }>;
  attempts: HandoffAttempt[];
  outcome: SampleOutcome;
  /** Why the run completed (outcome `completed`). */
  completion?: CompletionReason;
  /** The agent in control when the run ended or paused. */
  endAgent?: string;
  /** Model calls (`agent_started` events). */
  modelCalls: number;
  /** Total tokens of the `usage` events. */
  tokens: number;
  /** The run's failure, when it failed. */
  error?: { code: string; message: string };
}

/** One sample of one case: an ordinary run (`runId`), judged. */
export interface SampleResult extends Observation {
  caseId: string;
  /** 0-based sample index within the case. */
  sample: number;
  runId: string;
  passed: boolean;
  expectations: ExpectationResult[];
  /** Wall-clock time of the sample, in milliseconds. */
  durationMs: number;
}

/** A pass rate with its 95 % Wilson score interval. */
export interface RateInterval {
  passed: number;
  total: number;
  /** `passed / total` (0 when there is no sample). */
  rate: number;
  low: number;
  high: number;
}

/** One expectation of a case over its samples. */
export interface ExpectationSummary extends RateInterval {
  key: string;
  label: string;
}

/** One case over its samples. */
export interface CaseSummary extends RateInterval {
  caseId: string;
  name: string;
  /** The pass rate the case needs (its `passRate` / 100). */
  requiredRate: number;
  /** At least one sample ran and `rate >= requiredRate`. */
  ok: boolean;
  expectations: ExpectationSummary[];
  /** The first failed expectation of the first failed sample (what the CLI prints). */
  firstFailure?: { key: string; label: string; detail?: string };
  tokens: number;
  durationMs: number;
}

/** A whole suite run: every case's summary and every sample. */
export interface SuiteResult {
  /** `documentHash` of the workflow the samples ran (tests are not part of it). */
  workflowHash: string;
  workflowName: string;
  provider: string;
  model?: string;
  samplesPerCase: number;
  startedAt: string;
  finishedAt: string;
  /** The suite was stopped: samples not finished by then are not in it. */
  stopped: boolean;
  cases: CaseSummary[];
  samples: SampleResult[];
}

/** How a case changed from a previous result to a new one. */
export type CaseChange = 'better' | 'worse' | 'same' | 'new' | 'gone';

export interface CaseComparison {
  caseId: string;
  change: CaseChange;
  before?: { rate: number; ok: boolean };
  after?: { rate: number; ok: boolean };
}

export interface SuiteComparison {
  /** Every case of either result: the new result's order, then cases gone. */
  cases: CaseComparison[];
  better: string[];
  worse: string[];
  new: string[];
  gone: string[];
  /** The two results ran different versions of the workflow. */
  workflowChanged: boolean;
}
