/** A new suite result against a previous one (docs/spec/tests.md#comparing-results). */
import type { SuiteComparison, SuiteResult } from './types';

export function compareSuites(_current: SuiteResult, _previous: SuiteResult): SuiteComparison {
  throw new Error('not implemented yet');
}
