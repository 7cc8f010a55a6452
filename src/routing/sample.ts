/** One judged sample (docs/spec/tests.md#results) from a run's events. */
import type { RunEvent } from '../engine';
import type { TestCase, Topology } from '../model';
import { judgeObserved } from './judge';
import { observe } from './observe';
import type { SampleResult } from './types';
import type { Workflow } from '../model';

export interface SampleRef {
  sample: number;
  runId: string;
  durationMs: number;
}

/** The sample of `testCase` that produced `events`: what they showed, judged. */
export function toSampleResult(
  events: readonly RunEvent[],
  doc: Workflow,
  testCase: TestCase,
  ref: SampleRef,
  topology?: Topology,
): SampleResult {
  const seen = observe(events, doc, topology);
  const expectations = judgeObserved(events, seen, testCase);
  return {
    caseId: testCase.id,
    sample: ref.sample,
    runId: ref.runId,
    passed: expectations.every((e) => e.passed),
    expectations,
    ...seen,
    durationMs: ref.durationMs,
  };
}
