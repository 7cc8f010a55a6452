/**
 * Case summaries (docs/spec/tests.md#results): pass rates with Wilson intervals per case and
 * per expectation, kept as running tallies so a suite can report after every sample cheaply.
 */
import { DEFAULT_PASS_RATE, type TestCase } from '../model';
import type { CaseSummary, SampleResult } from './types';
import { wilson } from './wilson';

/** The running tally of one case's samples. */
export class CaseTally {
  private passed = 0;
  private total = 0;
  private tokens = 0;
  private durationMs = 0;
  private readonly expectations = new Map<
    string,
    { label: string; passed: number; total: number }
  >();
  private firstFailed: SampleResult | undefined;

  constructor(private readonly testCase: TestCase) {}

  add(sample: SampleResult): void {
    this.total++;
    if (sample.passed) this.passed++;
    else if (this.firstFailed === undefined || sample.sample < this.firstFailed.sample) {
      this.firstFailed = sample;
    }
    this.tokens += sample.tokens;
    this.durationMs += sample.durationMs;
    for (const e of sample.expectations) {
      let tally = this.expectations.get(e.key);
      if (!tally) {
        tally = { label: e.label, passed: 0, total: 0 };
        this.expectations.set(e.key, tally);
      }
      tally.total++;
      if (e.passed) tally.passed++;
    }
  }

  summary(): CaseSummary {
    const percent = this.testCase.passRate ?? DEFAULT_PASS_RATE;
    const requiredRate = percent / 100;
    const rate = wilson(this.passed, this.total);
    const failure = this.firstFailed?.expectations.find((e) => !e.passed);
    return {
      caseId: this.testCase.id,
      name: this.testCase.name,
      ...rate,
      requiredRate,
      // In whole numbers, so that 7 of 10 meets 70 % exactly.
      ok: this.total > 0 && this.passed * 100 >= percent * this.total,
      expectations: [...this.expectations].map(([key, t]) => ({
        key,
        label: t.label,
        ...wilson(t.passed, t.total),
      })),
      ...(failure
        ? {
            firstFailure: {
              key: failure.key,
              label: failure.label,
              ...(failure.detail !== undefined ? { detail: failure.detail } : {}),
            },
          }
        : {}),
      tokens: this.tokens,
      durationMs: this.durationMs,
    };
  }
}

/** The summary of one case over `samples` (those of other cases are ignored). */
export function summarizeCase(testCase: TestCase, samples: readonly SampleResult[]): CaseSummary {
  const tally = new CaseTally(testCase);
  for (const s of samples) if (s.caseId === testCase.id) tally.add(s);
  return tally.summary();
}
