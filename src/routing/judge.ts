/**
 * Judging one sample (docs/spec/tests.md#expectations): a run's events, the document and the
 * case give one result per stated expectation. Only structured event fields are read.
 */
import type { RunEvent } from '../engine';
import type { TestCase, Workflow } from '../model';
import type { ExpectationResult, Observation } from './types';

/** The facts of a run's events: path, handoffs, attempts, outcome, counts. */
export function observe(_events: readonly RunEvent[], _doc: Workflow): Observation {
  throw new Error('not implemented yet');
}

/** Every stated expectation of `testCase`, judged on `events`. */
export function judge(
  _events: readonly RunEvent[],
  _doc: Workflow,
  _testCase: TestCase,
): ExpectationResult[] {
  throw new Error('not implemented yet');
}
